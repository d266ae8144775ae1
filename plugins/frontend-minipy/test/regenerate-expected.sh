#!/bin/sh
# Regenerates programs/*.expected from CPython (the oracle, see shared/notes/oracles.md):
# stdout, then a trailer line `# exit N: <last stderr line>` for the status and message.
set -eu
cd "$(dirname "$0")/programs"
for f in *.py; do
  base="${f%.py}"
  err=$(PYTHONHASHSEED=0 /usr/bin/python3 "$f" 2>&1 >"$base.expected" </dev/null) && status=0 || status=$?
  last=$(printf '%s\n' "$err" | tail -n 1)
  printf '# exit %s: %s\n' "$status" "$last" >>"$base.expected"
done
