#!/usr/bin/env bash
# From a fresh machine to a jitc program running: sets up what is missing, then runs
# the demo. Switching the demo to native code is one word: BACKEND=armv7.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKEND=armv7

case "$BACKEND" in
  interp) NEEDS=() ;;                              # pure TypeScript
  *) NEEDS=(libunicorn2) ;;                        # native code runs in Unicorn
esac
scripts/setup.sh "${NEEDS[@]}"
exec npx --no-install jitc --backend "$BACKEND" --gc boehm examples/demo.pl
