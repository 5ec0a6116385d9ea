#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <ostream>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace conlab::test {

// The interpreters the observer is tested against; a missing one is a skip that names it.
struct Interpreter
{
    const char* label;
    QString path;
    QString headers; // its include directory (Python.h and internal/)
};

inline void PrintTo(const Interpreter& interpreter, std::ostream* out)
{
    *out << interpreter.path.toStdString();
}

inline std::vector<Interpreter> testedInterpreters()
{
    const QString pyenv = QDir::homePath() + QStringLiteral("/.pyenv/versions/");
    return {
        {"debian_3_11", QStringLiteral("/usr/bin/python3.11"), QStringLiteral("/usr/include/python3.11")},
        {"pyenv_3_11_7", pyenv + QStringLiteral("3.11.7/bin/python3"),
            pyenv + QStringLiteral("3.11.7/include/python3.11")},
        {"pyenv_3_12_1", pyenv + QStringLiteral("3.12.1/bin/python3"),
            pyenv + QStringLiteral("3.12.1/include/python3.12")},
        {"pyenv_3_13_0", pyenv + QStringLiteral("3.13.0/bin/python3"),
            pyenv + QStringLiteral("3.13.0/include/python3.13")},
    };
}

// Python that names the calling thread in /proc (what the model's bootstrap does from threading.Thread.name):
// name_thread('worker').
inline const char* nameThread = "import threading\n"
                                "def name_thread(name):\n"
                                "    with open(f'/proc/self/task/{threading.get_native_id()}/comm', 'w') as f:\n"
                                "        f.write(name)\n";

// An interpreter started the way the python model starts one: it initialises, then waits on an inherited pipe (fd 3)
// until released, so that an observer can attach before the first line of `code` runs. `prelude` runs before that
// wait, so before the observer attaches. It has a process group of its own, which the destructor kills whole
// (multiprocessing children included) and reaps.
class PythonChild
{
public:
    PythonChild(const QString& python, const QString& code, const QString& prelude = {})
    {
        const std::string bootstrap = "import os, sys\n" + prelude.toStdString()
            + "\nos.read(3, 1)\n"
              "os.close(3)\n"
              "exec(compile(sys.argv[1], '<test>', 'exec'), {'__name__': '__main__'})\n";
        const std::string program = python.toStdString();
        const std::string source = code.toStdString();
        std::vector<const char*> argv {program.c_str(), "-c", bootstrap.c_str(), source.c_str(), nullptr};
        int gate[2];
        int out[2];
        if (::pipe2(gate, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            // Only async-signal-safe calls between fork and exec: the test process has threads.
            ::setpgid(0, 0);
            ::dup2(gate[0], 3);
            ::dup2(out[1], 1);
            ::execv(argv[0], const_cast<char* const*>(argv.data()));
            ::_exit(127);
        }
        ::close(gate[0]);
        ::close(out[1]);
        m_gate = gate[1];
        m_out = out[0];
    }

    ~PythonChild()
    {
        if (m_pid > 0 && !m_reaped) {
            ::kill(-m_pid, SIGKILL);
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        for (int fd : {m_gate, m_out}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    PythonChild(const PythonChild&) = delete;
    PythonChild& operator=(const PythonChild&) = delete;

    pid_t pid() const { return m_pid; }

    void release()
    {
        const char go = 'g';
        [[maybe_unused]] const ssize_t written = ::write(m_gate, &go, 1);
        ::close(m_gate);
        m_gate = -1;
    }

    // Reads stdout until `marker` has been printed (true) or timeoutMs have passed (false); what was read is kept.
    bool readUntil(const char* marker, int timeoutMs)
    {
        char buffer[4096];
        for (int waited = 0; !m_output.contains(marker); waited += 50) {
            pollfd fd {m_out, POLLIN, 0};
            if (waited > timeoutMs)
                return false;
            if (::poll(&fd, 1, 50) <= 0)
                continue;
            const ssize_t got = ::read(m_out, buffer, sizeof(buffer));
            if (got <= 0)
                return false;
            m_output.append(buffer, got);
        }
        return true;
    }

    // Reads the script's stdout to its end and reaps it; -1 if it did not finish within `timeoutMs` (then killed).
    int finish(int timeoutMs)
    {
        char buffer[4096];
        int waited = 0;
        for (;;) {
            pollfd fd {m_out, POLLIN, 0};
            const int ready = ::poll(&fd, 1, 50);
            if (ready > 0) {
                const ssize_t got = ::read(m_out, buffer, sizeof(buffer));
                if (got <= 0)
                    break;
                m_output.append(buffer, got);
                continue;
            }
            waited += 50;
            if (waited > timeoutMs) {
                ::kill(-m_pid, SIGKILL);
                break;
            }
        }
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_reaped = true;
        return waited > timeoutMs ? -1 : (WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    }

    const QByteArray& output() const { return m_output; }
    // "key value" lines the scripts print.
    QString value(const char* key) const
    {
        for (const QByteArray& line : m_output.split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            if (fields.size() >= 2 && fields.first() == key)
                return QString::fromLatin1(fields.at(1));
        }
        return {};
    }

private:
    pid_t m_pid = -1;
    int m_gate = -1;
    int m_out = -1;
    bool m_reaped = false;
    QByteArray m_output;
};

} // namespace conlab::test
