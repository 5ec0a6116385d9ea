#pragma once

// The one place tests learn that a sanitizer slows them down: ASan and UBSan make code two to four times slower,
// TSan five to fifteen. A bound on how long something may take is multiplied by timingSlack, which is 1 in a normal
// build, so its assertions stay exactly as strict there. Bounds on how long something must at least take, and ratios
// of two times measured in the same build, need no slack.
namespace conlab::test {

#if defined(__SANITIZE_THREAD__)
#define CONLAB_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CONLAB_TSAN 1
#endif
#endif

#if defined(__SANITIZE_ADDRESS__)
#define CONLAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONLAB_ASAN 1
#endif
#endif

#if defined(CONLAB_TSAN)
inline constexpr double timingSlack = 10.0;
#elif defined(CONLAB_ASAN)
inline constexpr double timingSlack = 4.0;
#else
inline constexpr double timingSlack = 1.0;
#endif

inline constexpr bool sanitized = timingSlack > 1.0;

// A time limit (ms, ns, any unit) as this build needs it.
template <typename T> constexpr T slack(T bound)
{
    return T(double(bound) * timingSlack);
}

} // namespace conlab::test
