# Shared by run.sh, test.sh and package.sh: install the Debian packages FinWave needs that are missing,
# then configure and build. Sourced, not run.

FINWAVE_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev zlib1g-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev
    fonts-noto-core fonts-noto-cjk xvfb xauth imagemagick
    libpcap-dev tshark
    libgif-dev ffmpeg chromium
    dpkg-dev file lintian desktop-file-utils appstream librsvg2-bin shared-mime-info man-db
)

finwave_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs only what dpkg does not already list as installed; never prompts.
finwave_install_missing() {
    local missing=() pkg
    for pkg in "${FINWAVE_PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "finwave: all ${#FINWAVE_PACKAGES[@]} required packages are already installed"
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo -n"
        else
            echo "finwave: need root or sudo to install: ${missing[*]}" >&2
            return 1
        fi
    fi
    echo "finwave: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # tshark's wireshark-common asks whether non-root users may capture; answer no beforehand.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}"
}

# finwave_build BUILD_DIR [cmake options...]
finwave_build() {
    local dir=$1
    shift
    local root
    root=$(finwave_root)
    cmake -S "$root" -B "$root/$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$root/$dir" --parallel "$(nproc)"
}
