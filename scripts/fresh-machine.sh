#!/usr/bin/env bash
# Runs the test command the way a new machine would see it: a clean clone of the
# committed HEAD, an empty CARGO_HOME (no registry, no git checkouts, no installed
# tools; the rustup toolchains stay reachable), an empty HOME (so no npm cache and no
# wasm-pack cache), and no node_modules. CI runs on a machine that has built before,
# where a missing install step goes unnoticed; this is the check for that.
#   scripts/fresh-machine.sh                    the whole test command
#   FRESH_REMOVE_CHROMIUM=1 scripts/fresh-machine.sh   also uninstall Debian's chromium
#                                               first, so the test command installs it
#   FRESH_KEEP=1 ...                            keep the scratch folder afterwards
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d /tmp/subkit-fresh.XXXXXX)
[ -n "${FRESH_KEEP:-}" ] || trap 'rm -rf "$scratch"' EXIT
say() { printf '\033[1mfresh-machine:\033[0m %s\n' "$*"; }

rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
proxy=$(command -v rustup)
[ -d "$rustup_home/toolchains" ] || { echo "no rustup toolchains in $rustup_home" >&2; exit 1; }

git clone --quiet "$root" "$scratch/subkit"
mkdir -p "$scratch/home" "$scratch/cargo/bin"
# rustup's proxies decide what to run from their own name, so links to the rustup
# binary give the toolchain and nothing that `cargo install` put beside it.
for tool in rustup cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln -s "$proxy" "$scratch/cargo/bin/$tool"
done

if [ -n "${FRESH_REMOVE_CHROMIUM:-}" ]; then
  say "removing Debian's chromium and chromium-driver"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq chromium chromium-driver >/dev/null
fi

say "clone of $(git -C "$root" rev-parse --short HEAD) in $scratch/subkit"
say "CARGO_HOME=$scratch/cargo (empty), HOME=$scratch/home (empty), RUSTUP_HOME=$rustup_home"
cd "$scratch/subkit"
env -i \
  HOME="$scratch/home" \
  CARGO_HOME="$scratch/cargo" \
  RUSTUP_HOME="$rustup_home" \
  PATH="$scratch/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  TERM="${TERM:-dumb}" \
  CI=true \
  scripts/test.sh
say "passed"
