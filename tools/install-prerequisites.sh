#!/usr/bin/env bash
# Installs what MirrorSense needs besides the .NET 10 SDK on Debian/Ubuntu (idempotent; asks sudo
# only when something is missing and we are not root). Other systems: see README.md.
set -euo pipefail

# Debian packages the product and its tests use:
#   ffmpeg            audio tracks of video files, test media, the named-pipe camera recipe
#   espeak-ng, sox    synthetic speech for prosody tests
#   praat             reference pitch/intensity for parity tests
#   libgtk-3-0        OpenCvSharp's native runtime links against it
#   pulseaudio(-utils) the virtual microphone used by live-capture tests
#   libasound2        ALSA, the live-microphone fallback when PulseAudio is not running
#   chromium          the dashboard's browser test (Playwright drives it; no browser is downloaded)
#   xvfb              a screen of the tests' own: the video-call tests grab a window from it (ffmpeg x11grab)
#   x11-utils         xwininfo, which finds a window's id for the test that grabs a window by id
packages=(ffmpeg espeak-ng sox praat libgtk-3-0 pulseaudio pulseaudio-utils libasound2 chromium xvfb x11-utils)

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "MirrorSense needs the .NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0" >&2
  exit 1
fi

if ! command -v dpkg >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of ${packages[*]} yourself (see README.md)." >&2
  exit 0
fi

# npm fetches the MediaPipe and test-photo packages for model conversion and its tests; keep an
# existing Node.js installation rather than replacing it with Debian's.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
