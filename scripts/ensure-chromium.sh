#!/usr/bin/env bash
# Browser tests use Debian's chromium (never a browser that a test tool downloads).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
"$(dirname "$0")/ensure-system-packages.sh" chromium fonts-dejavu-core
