#!/bin/sh
# Install the Debian 12 packages gongkai needs to build and test, if any are
# missing. Idempotent and silent when everything is present; `make` calls it.
set -eu

# One package per line: what the build, the tests and the docs use.
PACKAGES="
build-essential
cmake
pkg-config
libjansson-dev
libutf8proc-dev
libcmocka-dev
libpoppler-glib-dev
libcairo2-dev
libpango1.0-dev
fonts-noto-cjk
libxlsxwriter-dev
libzip-dev
libexpat1-dev
poppler-utils
libtesseract-dev
libleptonica-dev
tesseract-ocr-chi-sim
tesseract-ocr-eng
tesseract-ocr
chromium
"
# `bootstrap.sh fuzz` (make fuzz) also needs clang and its libFuzzer runtime.
if [ "${1:-}" = fuzz ]; then
    PACKAGES="$PACKAGES
clang
libclang-rt-14-dev
"
fi

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done

[ -z "$missing" ] && exit 0

echo "gongkai: installing missing Debian packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "gongkai: need root (or sudo) to install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
