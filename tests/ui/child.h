#pragma once

#include <QObject>
#include <QString>
#include <stdexcept>
#include <string>

namespace conlab::test {

// The descendant of `parent` named `name` (its objectName), found as Qt's own tests find widgets: the tests reach
// controls the way a user (or a screen reader) tells them apart, not through getters made for them. Throws when
// there is none, so that the test fails naming what it looked for rather than crashing on a null pointer.
template <typename T> T* child(const QObject& parent, const char* name)
{
    T* found = parent.findChild<T*>(QLatin1String(name));
    if (!found)
        throw std::runtime_error("no " + std::string(T::staticMetaObject.className()) + " named \"" + name + "\" in "
            + parent.metaObject()->className());
    return found;
}

} // namespace conlab::test
