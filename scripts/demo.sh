#!/usr/bin/env bash
# Builds the examples with wasip1-ld and libc-wasip1 and runs them in
# wasip1-run. Expects `make build` to have run (the Makefile sees to it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ld="$root/target/release/wasip1-ld"
run="$root/target/release/wasip1-run"
out="$root/target/examples"
mkdir -p "$out"
# Debian's wasi-libc headers: the ABI our libc implements.
cflags=(--target=wasm32-wasi --sysroot=/usr -O2)

step() { printf '==> %s\n' "$*"; }
show() { printf '    $ %s\n' "$*"; "$@"; }

step "demo: build hello-rust (rustc -Clinker=wasip1-ld -Clink-self-contained=no)"
show rustc --target wasm32-wasip1 -O -Clinker="$ld" -Clink-self-contained=no \
  "$root/examples/hello-rust/main.rs" -o "$out/hello-rust.wasm"

step "demo: build hello-c (clang-19 -c, then a lone wasip1-ld)"
show clang-19 "${cflags[@]}" -c "$root/examples/hello-c/hello.c" -o "$out/hello-c.o"
show "$ld" "$out/hello-c.o" -lc -o "$out/hello-c.wasm"

step "demo: build rust-calls-c (stats.c by clang-19, main.rs by rustc, linked by wasip1-ld)"
show clang-19 "${cflags[@]}" -c "$root/examples/rust-calls-c/stats.c" -o "$out/stats.o"
show rustc --target wasm32-wasip1 -O -Clinker="$ld" -Clink-self-contained=no \
  -Clink-arg="$out/stats.o" "$root/examples/rust-calls-c/main.rs" -o "$out/rust-calls-c.wasm"

status=0
for example in "hello-rust:wasm32 wasip1" "hello-c:wasm32 wasip1" "rust-calls-c:5 3 9 1 12"; do
  name=${example%%:*}
  read -r -a args <<<"${example#*:}"
  step "demo: run $name ($(stat -c %s "$out/$name.wasm") bytes)"
  set +e
  "$run" --env GREETING=hello "$out/$name.wasm" "${args[@]}" 2>&1 | sed 's/^/    | /'
  code=${PIPESTATUS[0]}
  set -e
  echo "    exit status: $code"
  [ "$code" = 0 ] || status=1
done
exit $status
