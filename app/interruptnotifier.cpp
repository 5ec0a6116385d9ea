#include "app/interruptnotifier.h"

#include <csignal>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace conlab {
namespace {

int interruptFd = -1;

void onInterrupt(int)
{
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(interruptFd, &one, sizeof one);
}

} // namespace

InterruptNotifier::InterruptNotifier()
    : m_fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    , m_notifier(std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read))
{
    interruptFd = m_fd;
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &InterruptNotifier::interrupted);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptNotifier::~InterruptNotifier()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    ::close(m_fd);
    interruptFd = -1;
}

} // namespace conlab
