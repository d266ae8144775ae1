#!/usr/bin/env bash
# Sets up what is missing, typechecks, and runs every test; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh all
exec npx --no-install ava
