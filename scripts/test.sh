#!/usr/bin/env bash
# Sets up what is missing, typechecks, checks the architecture's boundaries and the
# formatting, and runs every test; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh all
node scripts/check-boundaries.mjs
# Biome prints what it would change; the hint says how to fix it in one go.
if ! npx --no-install biome format .; then
  echo "test.sh: some files are not formatted as biome.json asks; run 'npm run format' and commit the result" >&2
  exit 1
fi
exec npx --no-install ava
