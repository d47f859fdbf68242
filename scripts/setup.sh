#!/usr/bin/env bash
# Installs what the console needs beyond the .NET SDK on a Debian machine: the typeface its PDF reports are set in
# (LXGW WenKai, SIL OFL 1.1, Debian's fonts-lxgw-wenkai). Without it the console runs, and each report fails saying so.
set -euo pipefail

font=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
if [ -f "$font" ]; then
  echo "report font present: $font"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the report font is missing; install Debian's fonts-lxgw-wenkai as root (apt-get install fonts-lxgw-wenkai)," >&2
  echo "       or put LXGWWenKai-Regular.ttf and LXGWWenKai-Bold.ttf in a folder and set Reports:FontFolder to it." >&2
  exit 1
fi
echo "installing fonts-lxgw-wenkai ..." >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-lxgw-wenkai >/dev/null
echo "report font installed: $font"
