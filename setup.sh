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

# A test that compares wall times can lose to a busy neighbour on a shared 2-core machine: a failed test gets two
# more tries, each printed in the log. A wrong result fails all three; only a failure that comes and goes passes.
retry=(--repeat until-pass:3)

build() {
    cmake --preset release
    cmake --build --preset release
}

# The sanitizer builds are -O1 with line tables only and without the benchmarks: instrumented code is slow to compile,
# and CI builds them from scratch. The soak (ctest label `soak`) runs in the normal build only: its 500 runs would take
# most of CI's budget under TSan, and every run it makes is one the sanitized suites already cover.
sanitizers() {
    cmake --preset asan
    cmake --build --preset asan
    ctest --preset asan "${retry[@]}"
    cmake --preset tsan
    cmake --build --preset tsan
    ctest --preset tsan "${retry[@]}"
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
    ctest --preset release "${retry[@]}"
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
