#!/usr/bin/env bash
# Concurrency Lab set-up on Debian 12: installs what is missing, builds, then launches the app or runs the tests.
#   ./setup.sh run     build and open the app
#   ./setup.sh test    build and run the whole test suite (what CI runs)
#   ./setup.sh build   build only
#   ./setup.sh sanitizers   build and run the suite under AddressSanitizer + UBSan, then the core suite under
#                           ThreadSanitizer (what CI runs after `test`)
#   ./setup.sh package build and write the Debian package conlab_<version>_<arch>.deb into build/release
set -euo pipefail
cd "$(dirname "$0")"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-svg-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n libgl-dev
    libqcustomplot-dev qcoro-qt6-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    xvfb xauth
    dpkg-dev lintian desktop-file-utils appstream shared-mime-info man-db
    locales # /usr/share/i18n/locales: the locale test compiles a German (decimal comma) locale with localedef
    python3
)

install_missing() {
    local missing=()
    for pkg in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# Runs a suite twice over, in two parts. Correctness tests (races, counters, importers, exports...) run once: one that
# fails now and then must fail CI, not pass on a second try. Tests labelled `timing` (the test suites named ...Timing,
# see tests/CMakeLists.txt) bound a wall time, a speed-up or a latency, which a busy neighbour on a shared 2-core
# machine can stretch: a failed one gets two more tries, each printed in the log; a wrong result fails all three.
# Both parts always run; the suite fails if either did. $2 is the ctest label regex of what the run leaves out besides
# the timing tests, $3 a regex of test names it leaves out. The sanitizer presets leave labels to this -LE: a
# preset's label filter would silently override it (ctest 3.25), and the first part would then run the timing tests
# too, once, without their retries.
#
# A skip hides what its test checks, so a test skips only for a missing environment (one core, no device node as root,
# no /proc/stat, a Python interpreter that is not installed), and each suite prints every skip with its reason
# (the test mains append them to $CONLAB_SKIP_LOG, tests/skiplog.h): ctest itself shows a skip without its reason.
# More than max_skips skips in one suite fail it. The allowance, for environments CI machines really lack: the Python
# observer tests skip where ~/.pyenv has no 3.12 or 3.13 interpreter (a fresh Debian 12 machine), and the four
# full-device export tests skip where a device node cannot be made (root in a container without CAP_MKNOD, a nodev
# /tmp). Any skip beyond that means a test stopped testing. This machine skips none.
max_skips=8
run_suite() {
    local preset=$1 leave_out=${2:-} leave_out_names=${3:-}
    local status=0 skip_log
    skip_log=$(mktemp)
    local names=()
    [ -n "$leave_out_names" ] && names=(-E "$leave_out_names")
    CONLAB_SKIP_LOG=$skip_log ctest --preset "$preset" -LE "timing${leave_out:+|$leave_out}" "${names[@]}" || status=1
    CONLAB_SKIP_LOG=$skip_log ctest --preset "$preset" -L timing ${leave_out:+-LE "$leave_out"} "${names[@]}" \
        --repeat until-pass:3 || status=1
    local skips
    skips=$(sort -u "$skip_log" | grep -c . || true)
    echo "=== $preset: $skips test(s) skipped (at most $max_skips allowed) ==="
    sort -u "$skip_log"
    rm -f "$skip_log"
    if [ "$skips" -gt "$max_skips" ]; then
        echo "=== $preset: more than $max_skips tests skipped: each skip above hides what its test checks ===" >&2
        status=1
    fi
    return $status
}

# CONLAB_WARNINGS_AS_ERRORS=ON (what .ci/run sets) makes every compiler warning an error; by default a warning is only
# shown, so that a newer compiler's new warnings do not stop someone building the app. Said on every configure, so
# that a build folder CI configured once does not keep it.
warnings=(-DCONLAB_WARNINGS_AS_ERRORS="${CONLAB_WARNINGS_AS_ERRORS:-OFF}")

build() {
    cmake --preset release "${warnings[@]}"
    cmake --build --preset release
}

# The sanitizer builds are -O1 with line tables only and without the benchmarks: instrumented code is slow to compile,
# and CI builds them from scratch. The soak (ctest label `soak`) runs in the normal build only: its 500 runs would take
# most of CI's budget under TSan, and every run it makes is one the sanitized suites already cover. The package test
# (label `package`) runs there too: it packages the release binary, which is what a classroom installs.
sanitizers() {
    cmake --preset asan "${warnings[@]}"
    cmake --build --preset asan
    # The Python observer's truth checks (PythonObserverProcess.*) measure a real interpreter beside the observer: instrumented,
    # the observer takes a larger share of the two cores and skews what it measures. Its code still runs under ASan in
    # the python model's own tests (PythonModelProcess.*), which observe real scripts.
    run_suite asan 'soak|package' PythonObserverProcess
    cmake --preset tsan "${warnings[@]}"
    cmake --build --preset tsan
    run_suite tsan 'soak|package'
}

case "${1:-run}" in
run)
    install_missing
    build
    exec ./build/release/app/conlab "${@:2}"
    ;;
test)
    install_missing
    build
    # Serial on purpose: several tests compare wall times, and a parallel neighbour would skew them.
    run_suite release
    ;;
build)
    install_missing
    build
    ;;
sanitizers)
    install_missing
    sanitizers
    ;;
package)
    install_missing
    build
    # The whole package check (tests/app/package_test.cpp) is `ctest --preset release -L package`.
    (cd build/release && cpack -G DEB)
    ;;
*)
    echo "usage: $0 [run|test|build|sanitizers|package]" >&2
    exit 2
    ;;
esac
