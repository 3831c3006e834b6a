#!/usr/bin/env bash
# Links printf_compare.c against rustup's wasi-libc and against our libc.a
# (target/sysroot) and checks that both print exactly the same.
# usage: compare.sh [N]   (N random cases of each kind; default 20000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
ours=$root/target/sysroot/lib/wasm32-wasip1
theirs=$(rustc --print sysroot)/lib/rustlib/wasm32-wasip1/lib/self-contained
builtins=$(clang-19 --target=wasm32-wasi -print-libgcc-file-name 2>/dev/null)
[ -f "$builtins" ] || builtins=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
runner=$root/target/release/wasip1-run
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -c "$here/printf_compare.c" -o "$work/p.o"
wasm-ld-19 "$theirs/crt1-command.o" "$work/p.o" "$theirs/libc.a" "$builtins" -o "$work/theirs.wasm"
wasm-ld-19 "$ours/crt1-command.o" "$work/p.o" "$ours/libc.a" "$builtins" -o "$work/ours.wasm"
"$runner" "$work/theirs.wasm" "${1:-20000}" > "$work/theirs.out"
"$runner" "$work/ours.wasm" "${1:-20000}" > "$work/ours.out"
if cmp -s "$work/theirs.out" "$work/ours.out"; then
    echo "printf compare: identical ($(wc -l < "$work/ours.out") lines)"
else
    echo "printf compare: DIFFERENT (< wasi-libc, > ours)"
    diff "$work/theirs.out" "$work/ours.out" | head -20
    exit 1
fi
