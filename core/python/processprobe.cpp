#include "core/python/processprobe.h"

#include "core/python/processmemory.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace conlab::python {
namespace {

const QString runtimeSymbol = QStringLiteral("_PyRuntime");
const QString versionSymbol = QStringLiteral("Py_Version");

// The first mapping (file offset 0) of the image that should define _PyRuntime.
struct ImageMapping
{
    QString path; // as the process sees it
    QByteArray inode;
    std::uint64_t base = 0;
    bool isLibrary = false;
};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString procPath(pid_t pid, const char* leaf)
{
    return QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(leaf));
}

bool taskExists(pid_t pid, std::uint64_t tid)
{
    return tid > 0 && tid < (1u << 30)
        && ::access(qPrintable(QStringLiteral("/proc/%1/task/%2").arg(pid).arg(tid)), F_OK) == 0;
}

// libpython3.X.so where the executable links it (pyenv's shared builds), else the executable itself (Debian's
// python3.11 is one static image).
std::optional<ImageMapping> findPythonImage(const QByteArray& maps, const QString& executable)
{
    std::optional<ImageMapping> exeMapping;
    for (const QByteArray& line : maps.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 6 || fields.at(2) != "00000000")
            continue;
        const QString path = QString::fromLocal8Bit(fields.mid(5).join(' '));
        const QString base = QFileInfo(path).fileName();
        ImageMapping mapping {path, fields.at(4), fields.at(0).split('-').value(0).toULongLong(nullptr, 16), false};
        if (base.startsWith(QLatin1String("libpython3"))) {
            mapping.isLibrary = true;
            return mapping;
        }
        if (!exeMapping && path == executable)
            exeMapping = mapping;
    }
    return exeMapping;
}

ProbeResult result(ProbeResult::Outcome outcome, const QString& note, const QString& version = {})
{
    ProbeResult probe;
    probe.outcome = outcome;
    probe.note = note;
    probe.version = version;
    return probe;
}

} // namespace

const ProcessProbe::CachedImage& ProcessProbe::image(pid_t pid, const QString& path, const QByteArray& inode)
{
    // The inode too: a file replaced at the same path (a reinstalled interpreter) is another image.
    const QString key = path + QLatin1Char('#') + QString::fromLatin1(inode);
    auto found = m_images.find(key);
    if (found == m_images.end()) {
        CachedImage image;
        // Through /proc/PID/root: the path as the process sees it, also from another mount namespace.
        image.symbols = readElfDynamicSymbols(
            QStringLiteral("/proc/%1/root%2").arg(pid).arg(path), {runtimeSymbol, versionSymbol}, &image.error);
        found = m_images.emplace(key, std::move(image)).first;
    }
    return found->second;
}

ProbeResult ProcessProbe::probe(pid_t pid)
{
    QFile mapsFile(procPath(pid, "maps"));
    if (!mapsFile.open(QIODevice::ReadOnly))
        return result(QFile::exists(procPath(pid, "stat")) ? ProbeResult::Outcome::OsOnly : ProbeResult::Outcome::Gone,
            QStringLiteral("its memory map cannot be read (%1): a non-dumpable process, or another user's")
                .arg(mapsFile.errorString()));
    const QByteArray maps = mapsFile.readAll();
    if (maps.isEmpty()) {
        // A process has no map for an instant inside execve, as well as after it exited: only a missing or zombie
        // process is gone.
        QFile statFile(procPath(pid, "stat"));
        const QByteArray stat = statFile.open(QIODevice::ReadOnly) ? statFile.readAll() : QByteArray();
        const qsizetype nameEnd = stat.lastIndexOf(')');
        const bool alive = nameEnd >= 0 && nameEnd + 2 < stat.size() && stat.at(nameEnd + 2) != 'Z';
        return result(alive ? ProbeResult::Outcome::NotYet : ProbeResult::Outcome::Gone,
            alive ? QStringLiteral("it is starting (no memory map yet)") : QStringLiteral("it has exited"));
    }
    const QString executable = QFileInfo(procPath(pid, "exe")).symLinkTarget();
    // Refused like its memory (a non-dumpable process): nothing tells which image is the interpreter.
    if (executable.isEmpty())
        return result(QFile::exists(procPath(pid, "stat")) ? ProbeResult::Outcome::OsOnly : ProbeResult::Outcome::Gone,
            QStringLiteral("its executable cannot be read: a non-dumpable process, or another user's"));
    const std::optional<ImageMapping> mapping = findPythonImage(maps, executable);
    const bool namedPython = QFileInfo(executable).fileName().startsWith(QLatin1String("python"));
    // posix_spawn's parent runs on as soon as the child's new memory exists, before the loader has mapped the
    // executable into it: a process whose own executable is not mapped is still starting, not "not Python".
    if (!mapping)
        return result(ProbeResult::Outcome::NotYet, QStringLiteral("its executable is not mapped yet"));

    const CachedImage& entry = image(pid, mapping->path, mapping->inode);
    if (!entry.symbols)
        return result(ProbeResult::Outcome::OsOnly, entry.error);
    const auto runtimeValue = entry.symbols->values.find(runtimeSymbol);
    // Right after execve only the executable and the dynamic loader are mapped: libpython (a shared build's
    // _PyRuntime) comes with the executable's other libraries, before libc, which every interpreter links.
    if (runtimeValue == entry.symbols->values.end() && !mapping->isLibrary && !maps.contains("/libc.so"))
        return result(ProbeResult::Outcome::NotYet, QStringLiteral("its libraries are still being loaded"));
    if (runtimeValue == entry.symbols->values.end()) {
        if (!mapping->isLibrary && !namedPython)
            return result(
                ProbeResult::Outcome::NotPython, QStringLiteral("%1 does not define _PyRuntime").arg(mapping->path));
        return result(ProbeResult::Outcome::OsOnly,
            QStringLiteral("%1 does not export _PyRuntime (a stripped or static build)").arg(mapping->path));
    }
    const std::uint64_t bias = entry.symbols->positionIndependent ? mapping->base - entry.symbols->firstLoadVaddr : 0;
    const std::uint64_t runtime = runtimeValue->second + bias;

    const auto versionValue = entry.symbols->values.find(versionSymbol);
    if (versionValue == entry.symbols->values.end())
        return result(ProbeResult::Outcome::OsOnly,
            QStringLiteral("%1 has no Py_Version (CPython before 3.11)").arg(mapping->path));
    ProcessMemory memory(pid);
    std::uint32_t hexVersion = 0;
    if (!memory.read(versionValue->second + bias, &hexVersion)) {
        if (memory.lastError() == ESRCH)
            return result(ProbeResult::Outcome::Gone, QStringLiteral("it has exited"));
        return result(ProbeResult::Outcome::OsOnly,
            QStringLiteral("its memory cannot be read (%1): Yama ptrace_scope above 1, or a non-dumpable process")
                .arg(errnoText(memory.lastError())));
    }
    const QString version = pythonVersionText(hexVersion);
    QString why;
    const std::optional<CPythonLayout> layout = cpythonLayout(memory, runtime, hexVersion, &why);
    if (!layout)
        return result(ProbeResult::Outcome::OsOnly, why, version);
    ProbeResult probe = checkGil(pid, memory, *layout, runtime);
    probe.version = version;
    return probe;
}

ProbeResult ProcessProbe::checkGil(pid_t pid, ProcessMemory& memory, const CPythonLayout& layout, std::uint64_t runtime)
{
    const std::uint64_t interpreter = memory.readPointer(runtime + layout.interpreter);
    if (interpreter == 0)
        return result(ProbeResult::Outcome::NotYet, QStringLiteral("its interpreter is not initialised"));
    const std::uint64_t gil = layout.gilInRuntime ? runtime + layout.gil : memory.readPointer(interpreter + layout.gil);
    GilWords state;
    if (gil == 0 || !readGilWords(memory, layout, gil, &state))
        return result(ProbeResult::Outcome::NotYet, QStringLiteral("its GIL is not created"));
    if (state.locked != 0 && state.locked != 1)
        return result(ProbeResult::Outcome::NotYet, QStringLiteral("its GIL's locked word reads %1").arg(state.locked));
    // sys.setswitchinterval takes seconds; the struct keeps microseconds (5000 by default).
    if (state.interval == 0 || state.interval > 10'000'000)
        return result(
            ProbeResult::Outcome::NotYet, QStringLiteral("its GIL's switch interval reads %1 µs").arg(state.interval));
    if (state.locked == 1) {
        const std::uint64_t holderTid = memory.readPointer(state.lastHolder + layout.threadNativeId);
        if (state.lastHolder == 0 || !taskExists(pid, holderTid)
            || memory.readPointer(state.lastHolder + layout.threadInterpreter) != interpreter)
            return result(ProbeResult::Outcome::NotYet, QStringLiteral("its GIL holder is not one of its threads"));
    }
    const std::uint64_t head = memory.readPointer(interpreter + layout.threadsHead);
    if (head == 0 || memory.readPointer(head + layout.threadInterpreter) != interpreter)
        return result(
            ProbeResult::Outcome::NotYet, QStringLiteral("its thread list does not belong to its interpreter"));
    const std::uint64_t headTid = memory.readPointer(head + layout.threadNativeId);
    if (headTid != 0 && !taskExists(pid, headTid))
        return result(ProbeResult::Outcome::NotYet, QStringLiteral("its newest thread state names no thread of it"));

    ProbeResult probe;
    probe.outcome = ProbeResult::Outcome::Gil;
    probe.gil = GilAccess {layout, interpreter, gil};
    return probe;
}

} // namespace conlab::python
