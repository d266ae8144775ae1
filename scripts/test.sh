#!/usr/bin/env bash
# Sets up what is missing, typechecks, checks the architecture's boundaries, and runs
# every test; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh all
node scripts/check-boundaries.mjs
exec npx --no-install ava
