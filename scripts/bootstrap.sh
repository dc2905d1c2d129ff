#!/usr/bin/env bash
# Installs the Debian packages mediacat needs to build, test and run its demo.
# Idempotent: when every package is already present it only runs dpkg-query and exits.
set -euo pipefail

packages=(
  pkg-config
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libavfilter-dev
  libexif-dev libturbojpeg0-dev libsqlite3-dev libheif-dev libwebp-dev
  # development tools: sample library and test fixtures, oracles
  ffmpeg libimage-exiftool-perl
  libjpeg-turbo-progs  # cjpeg: one-channel grayscale JPEGs for the sample library
  python3-jsonschema   # tests validate every public document against its JSON Schema
)

# `scripts/bootstrap.sh bench` also installs the tools the benchmarks compare against.
if [ "${1:-}" = "bench" ]; then
  packages+=(libvips-tools imagemagick wrk nginx-light)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
