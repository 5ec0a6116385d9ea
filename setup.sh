#!/usr/bin/env bash
# Concurrency Lab set-up on Debian 12: installs what is missing, builds, then launches the app or runs the tests.
#   ./setup.sh run     build and open the app
#   ./setup.sh test    build and run the whole test suite (what CI runs)
#   ./setup.sh build   build only
set -euo pipefail
cd "$(dirname "$0")"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-svg-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n libgl-dev
    libqcustomplot-dev qcoro-qt6-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    xvfb xauth
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

build() {
    cmake --preset release
    cmake --build --preset release
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
    ctest --preset release
    ;;
build)
    install_missing
    build
    ;;
*)
    echo "usage: $0 [run|test|build]" >&2
    exit 2
    ;;
esac
