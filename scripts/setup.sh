#!/usr/bin/env bash
# Installs what the project needs on a machine that has only Rust:
# the wasm32-wasip1 rustup target and the reference toolchain from Debian
# (clang-19, lld-19, wasi-libc, libclang-rt-19-dev-wasm32), and python3 if
# there is none. Idempotent: it
# installs only what is missing, and downloads only through rustup and apt.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }

step "setup: rustup target wasm32-wasip1"
if rustup target list --installed | grep -qx wasm32-wasip1; then
  echo "    already installed"
else
  rustup target add wasm32-wasip1
fi

packages=(clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32 libc++-19-dev-wasm32 libc++abi-19-dev-wasm32)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The table generators (scripts/check-generated.sh) need a python3; the
# machine's own (e.g. pyenv's) counts, Debian's is installed only if none.
command -v python3 >/dev/null || missing+=(python3)
step "setup: Debian packages ${packages[*]}"
if [ ${#missing[@]} -eq 0 ]; then
  echo "    already installed"
else
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "    installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in clang-19 wasm-ld-19 llvm-nm-19; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is still missing after install" >&2; exit 1; }
done
echo "    clang-19, wasm-ld-19, wasi-libc: ok"
