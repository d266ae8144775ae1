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
  # A linked node_modules is another checkout's install (a git worktree sharing it):
  # npm ci would empty the other checkout's folder through the link. Use it as it is.
  if [ -L node_modules ]; then
    say "warning: node_modules links to $(readlink node_modules), installed from another $manifest; not reinstalling through the link"
    return 0
  fi
  if [ -f package-lock.json ]; then
    say "npm ci"
    npm ci
  else
    say "npm install"
    npm install
  fi
  echo "$want" >"$stamp"
}

# Unicorn 2.0.x (Debian 12's libunicorn2) sends every guest store down a slow path
# (~68 ns against ~0.5 ns for a load); 2.1 fixed that (docs/decisions.md). When the
# system's libunicorn.so.2 is older than 2.1 or missing, fetch Debian 13's
# libunicorn2t64 (it needs only glibc 2.34) into .cache/unicorn, where the FFI looks
# (framework/src/emu/unicorn-candidates.ts). apt runs with a private sources list,
# state and cache, so the machine's apt configuration never changes; signatures are
# checked against the Debian archive keyring as usual.
UNICORN_CACHE=.cache/unicorn
UNICORN_MIN=2.1

# The uc_version of a library (a path, or a name dlopen searches) as A.B.C; empty when it does not load.
unicorn_version() {
  node --input-type=module -e '
    import koffi from "koffi";
    try {
      const v = koffi.load(process.argv[1]).func("uc_version", "uint32", ["void *", "void *"])(null, null);
      console.log(`${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}`);
    } catch {}' "$1" 2>/dev/null || true
}
version_at_least() { [ -n "$1" ] && printf '%s\n' "$2" "$1" | sort -V -C; }

# The Debian mirror this machine already uses (deb822 or one-line sources), else deb.debian.org.
debian_mirror() {
  local uri
  uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' | grep -v security | grep -m1 '/debian/\{0,1\}$' || true)"
  [ -n "$uri" ] || uri="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    sed -n 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*\).*/\2/p' | grep -v security | grep -m1 '/debian/\{0,1\}$' || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}

fetch_unicorn_from_trixie() {
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -r "$keyring" ] || { say "no Debian archive keyring ($keyring): cannot check a download"; return 1; }
  local dir="$PWD/$UNICORN_CACHE" apt="$PWD/$UNICORN_CACHE/apt"
  rm -rf "$apt" && mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/unpacked"
  echo "deb [signed-by=$keyring] $(debian_mirror) trixie main" >"$apt/sources.list"
  local opts=(-q -o Dir::Etc::sourcelist="$apt/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$apt/lists"
    -o Dir::Cache="$apt/cache" -o Acquire::Languages=none)
  is_root && opts+=(-o APT::Sandbox::User=root) # _apt cannot enter the project folder
  say "fetching Unicorn 2.1 (Debian 13's libunicorn2t64) into $UNICORN_CACHE"
  # apt-get update succeeds even when a source fails; its warnings explain a failed download.
  if ! { apt-get "${opts[@]}" update && (cd "$apt" && apt-get "${opts[@]}" download libunicorn2t64); } >"$apt/log" 2>&1; then
    grep '^[WE]:' "$apt/log" | sed 's/^/  /' >&2
    rm -rf "$apt"
    return 1
  fi
  dpkg-deb -x "$apt"/libunicorn2t64_*.deb "$apt/unpacked"
  local lib
  lib="$(find "$apt/unpacked" -name libunicorn.so.2 | head -n1)"
  [ -n "$lib" ] && cp -L "$lib" "$dir/libunicorn.so.2.part" && mv "$dir/libunicorn.so.2.part" "$dir/libunicorn.so.2"
  rm -rf "$apt"
}

setup_unicorn() {
  local cached="$UNICORN_CACHE/libunicorn.so.2" system
  version_at_least "$(unicorn_version "$PWD/$cached")" "$UNICORN_MIN" && return 0
  system="$(unicorn_version libunicorn.so.2)"
  version_at_least "$system" "$UNICORN_MIN" && return 0
  mkdir -p "$UNICORN_CACHE"
  if fetch_unicorn_from_trixie && version_at_least "$(unicorn_version "$PWD/$cached")" "$UNICORN_MIN"; then
    say "Unicorn $(unicorn_version "$PWD/$cached") in $cached"
    return 0
  fi
  rm -f "$cached"
  if [ -n "$system" ]; then
    say "warning: could not fetch Unicorn 2.1; native code runs on the system's $system (guest stores are slow)"
  elif [[ " ${NEEDED[*]} " == *" libunicorn2 "* ]]; then
    die "no Unicorn library could be installed or fetched"
  else
    say "warning: no Unicorn library; continuing, as this command does not need one"
  fi
}

setup_debian_packages
setup_node
setup_node_modules
setup_unicorn
say "typecheck"
npx --no-install tsc --noEmit -p .
# Builds dist/ unless it is current for these sources (bin/jitc.js would build it on first use).
node scripts/build-dist.mjs >/dev/null
