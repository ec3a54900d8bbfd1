#!/bin/sh
# Installs Debian's chromium for the browser tests, once. Never downloads a browser any other way
# (playwright-core drives /usr/bin/chromium). Idempotent: does nothing when it is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else echo "install-chromium: run as root (apt-get needs it)" >&2; exit 1; fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-liberation
/usr/bin/chromium --version
