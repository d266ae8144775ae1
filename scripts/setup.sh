#!/usr/bin/env bash
# Sets up whatever is missing for jitc, and nothing else: Debian packages, Node.js
# dependencies, then a typecheck and the ahead-of-time build the `jitc` command runs.
# Safe to run again and again.
#
#   scripts/setup.sh [all | PACKAGE...]
#
# The arguments name the Debian packages the caller cannot do without ('all': every one).
# As root, every missing package is installed. Otherwise the exact apt-get command is
# printed; setup then fails if a needed package is missing and goes on if not.
set -euo pipefail
cd "$(dirname "$0")/.."

# What each is for: libunicorn2 runs native code; libcapstone4 disassembles it;
# binutils-arm-linux-gnueabihf checks the ARM encoder against GNU as;
# swi-prolog-nox is the Prolog oracle; gcc-arm-linux-gnueabihf and qemu-user measure
# the gcc -O2 code-quality anchor.
PACKAGES=(libunicorn2 binutils-arm-linux-gnueabihf libcapstone4 swi-prolog-nox gcc-arm-linux-gnueabihf qemu-user)
MIN_NODE_MAJOR=20
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }

NEEDED=()
if [ "${1:-}" = all ]; then NEEDED=("${PACKAGES[@]}"); else NEEDED=("$@"); fi

apt_install() {
  # apt-get update only when something is actually missing (that is why we are here).
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

setup_debian_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if is_root; then
    say "installing ${missing[*]}"
    apt_install "${missing[@]}"
    return 0
  fi
  local blocking=()
  for p in "${NEEDED[@]}"; do installed "$p" || blocking+=("$p"); done
  say "missing Debian packages; install them with:"
  printf '\n    sudo apt-get install -y %s\n\n' "${missing[*]}"
  [ ${#blocking[@]} -eq 0 ] || die "this command needs ${blocking[*]}"
  say "continuing: this command does not need them"
}

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
# Major version apt would install, without the epoch: "1:20.19.2+dfsg-1" -> 20.
apt_node_major() { apt-cache policy nodejs 2>/dev/null | sed -n 's/^ *Candidate: *\([0-9]*:\)\{0,1\}\([0-9]*\).*/\2/p'; }

setup_node() {
  if [ "$(node_major)" -ge "$MIN_NODE_MAJOR" ] && command -v npm >/dev/null; then return 0; fi
  local hint="install Node.js >= $MIN_NODE_MAJOR with npm (Debian 13, Ubuntu 24.10 and later: apt-get install nodejs npm; older releases: https://github.com/nodesource/distributions)"
  is_root || die "$hint"
  apt-get update -qq
  local candidate
  candidate="$(apt_node_major)"
  [ "${candidate:-0}" -ge "$MIN_NODE_MAJOR" ] || die "this distribution's nodejs (${candidate:-none}) is too old; $hint"
  say "installing nodejs and npm"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
}

# node_modules is current when it was installed from exactly this lock file.
setup_node_modules() {
  local manifest=package-lock.json
  [ -f "$manifest" ] || manifest=package.json
  local want stamp=node_modules/.jitc-installed-from
  want="$(sha256sum "$manifest" | cut -d' ' -f1)"
  if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  if [ -f package-lock.json ]; then
    say "npm ci"
    npm ci
  else
    say "npm install"
    npm install
  fi
  echo "$want" >"$stamp"
}

setup_debian_packages
setup_node
setup_node_modules
say "typecheck"
npx --no-install tsc --noEmit -p .
# Builds dist/ unless it is current for these sources (bin/jitc.js would build it on first use).
node scripts/build-dist.mjs >/dev/null
