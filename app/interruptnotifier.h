#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

namespace conlab {

// Ctrl+C and SIGTERM as a Qt signal: the handler only writes an eventfd, and interrupted() follows in the event loop,
// where cancelling a run is safe. One at a time; the destructor puts the default handlers back.
class InterruptNotifier : public QObject
{
    Q_OBJECT
public:
    InterruptNotifier();
    ~InterruptNotifier() override;

signals:
    void interrupted();

private:
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace conlab
