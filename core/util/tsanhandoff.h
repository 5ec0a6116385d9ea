#pragma once

// Hand-offs between threads that ThreadSanitizer cannot see. Qt synchronises QThread::wait() and its
// queued calls through its own futex-based mutex, which TSan does not see when Qt is not instrumented (Debian's is
// not): whatever one thread hands another through them would look like a race to it. handOff(key) before handing
// over (a release) and takeOver(key) once received (an acquire), on the same address, tell it; in a build without
// TSan both are nothing. Only for a hand-off Qt really synchronises: used anywhere else they would hide a real race.
#if defined(__SANITIZE_THREAD__)
#define CONLAB_TSAN_HANDOFF 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CONLAB_TSAN_HANDOFF 1
#endif
#endif

#if defined(CONLAB_TSAN_HANDOFF)
// libtsan's annotation interface (sanitizer/tsan_interface.h, which GCC 12 does not install).
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace conlab::tsan {

inline void handOff([[maybe_unused]] const void* key)
{
#if defined(CONLAB_TSAN_HANDOFF)
    __tsan_release(const_cast<void*>(key));
#endif
}

inline void takeOver([[maybe_unused]] const void* key)
{
#if defined(CONLAB_TSAN_HANDOFF)
    __tsan_acquire(const_cast<void*>(key));
#endif
}

} // namespace conlab::tsan
