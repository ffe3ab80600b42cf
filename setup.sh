#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Runlens authors
# Set-up for a fresh Debian 12 machine: installs what is missing, builds in Release, then
#   ./setup.sh run    generates the demo archives if missing, imports them into the default store, opens Runlens
#   ./setup.sh test   runs the test suite
#   ./setup.sh build  only builds
set -euo pipefail
cd "$(dirname "$0")"

packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev libarchive-dev nlohmann-json3-dev
    rapidjson-dev libzstd-dev libxxhash-dev zlib1g-dev libsqlite3-dev libgl-dev libvulkan-dev libxkbcommon-dev zstd python3 bubblewrap poppler-utils
    libpq-dev postgresql)
# CI (which sets CI=true) also checks the format and runs clang-tidy (.ci/run).
if [ "${CI:-}" = true ]; then
    packages+=(clang-format clang-tidy)
fi

install_missing() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    # In CI a compiler warning in our code fails the build; elsewhere it does not (also in a build/ CI used).
    local werror=OFF
    if [ "${CI:-}" = true ]; then
        werror=ON
    fi
    cmake --preset release -DRUNLENS_WERROR=$werror >/dev/null
    cmake --build --preset release
}

case "${1:-run}" in
build)
    install_missing
    build
    ;;
test)
    install_missing
    build
    ctest --preset release
    ;;
run)
    install_missing
    build
    demo=build/demo
    if [ ! -d "$demo" ] || [ -z "$(ls -A "$demo" 2>/dev/null)" ]; then
        build/app/cli/runlens-cli synth --out "$demo"
    fi
    build/app/cli/runlens-cli import "$demo"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        build/app/gui/runlens
    else
        QT_QPA_PLATFORM=offscreen build/app/gui/runlens --render main --out runlens-main.png
        echo "No display: the main window was rendered to runlens-main.png"
    fi
    ;;
*)
    echo "usage: $0 [run|test|build]" >&2
    exit 2
    ;;
esac
