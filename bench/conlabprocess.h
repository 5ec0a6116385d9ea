#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <optional>

// The real conlab binary, started as a user starts it, for the figures only it can give: start-up to the first
// frame, the idle window's memory, the window's latency under load. Offscreen, so a display is not needed, and with
// settings in a folder of its own, so the user's are neither read nor written.
namespace conlab::bench {

class ConlabProcess
{
public:
    explicit ConlabProcess(const QStringList& arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_clock.start();
        m_process.start(QStringLiteral(CONLAB_BINARY), arguments);
    }
    ~ConlabProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    ConlabProcess(const ConlabProcess&) = delete;
    ConlabProcess& operator=(const ConlabProcess&) = delete;

    // Waits for a line on stdout that starts with `prefix`; returns it, and in *elapsedMs how long after the start
    // it arrived.
    std::optional<QByteArray> waitForLine(const QByteArray& prefix, int timeoutMs, double* elapsedMs = nullptr)
    {
        while (m_clock.elapsed() < timeoutMs) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith(prefix)) {
                    if (elapsedMs)
                        *elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
                    return line;
                }
            }
            if (!m_process.waitForReadyRead(50) && m_process.state() == QProcess::NotRunning)
                return std::nullopt;
        }
        return std::nullopt;
    }

    bool waitForExit(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }
    int exitCode() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }
    qint64 pid() const { return m_process.processId(); }

    // A "Name:   1234 kB" line of /proc/PID/status or /proc/PID/smaps_rollup, in MiB; -1 if absent.
    double procMb(const char* file, const char* field) const
    {
        QFile proc(QStringLiteral("/proc/%1/%2").arg(pid()).arg(QLatin1String(file)));
        if (!proc.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray key = QByteArray(field) + ':';
        for (const QByteArray& line : proc.readAll().split('\n')) {
            if (line.startsWith(key))
                return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
        return -1;
    }

private:
    QTemporaryDir m_home;
    QProcess m_process;
    QElapsedTimer m_clock;
};

} // namespace conlab::bench
