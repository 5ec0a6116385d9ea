#pragma once

#include "ui/window/uilanguage.h"

#include <QCoreApplication>
#include <gtest/gtest.h>

namespace conlab::test {

// Switches the UI language as the Language menu does, and lets every widget take the LanguageChange it posts.
inline void setLanguage(const QString& language)
{
    ASSERT_TRUE(UiLanguage::instance()->set(language));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

} // namespace conlab::test
