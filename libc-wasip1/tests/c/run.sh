#!/usr/bin/env bash
# Runs the top-half C conformance tests: each NAME.c is compiled with clang-19
# against wasi-libc's headers, linked with the libc under test, run under
# wasip1-run (stdin from NAME.stdin if present, a scratch directory
# preopened as "."), and its stdout compared with NAME.expected, which was
# recorded from the same program linked with wasi-libc. Each run also links
# the program with the reference wasi-libc (Rust's self-contained libc.a)
# and checks that it still prints NAME.expected, so a stale or hand-edited
# expectation fails instead of hiding a difference (REF=0 skips that).
#
# usage: run.sh [TEST...]      (default: every *.c here)
# environment (defaults in brackets):
#   LIBC     libc.a under test   [target/sysroot/lib/wasm32-wasip1/libc.a]
#   CRT      start file          [same dir as LIBC/crt1-command.o]
#   EXTRA    more archives linked after LIBC (e.g. a reference libc.a to
#            supply functions the libc under test lacks)   []
#   LD       linker              [wasm-ld-19]
#   RUNNER   runner              [target/release/wasip1-run]
#   KEEP=1   keep the work directory
#   REF=0    do not re-check NAME.expected against the reference wasi-libc
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
sys=$root/target/sysroot/lib/wasm32-wasip1
LIBC=${LIBC:-$sys/libc.a}
CRT=${CRT:-$(dirname "$LIBC")/crt1-command.o}
EXTRA=${EXTRA:-}
LD=${LD:-wasm-ld-19}
RUNNER=${RUNNER:-$root/target/release/wasip1-run}
BUILTINS=$(clang-19 --target=wasm32-wasi -print-libgcc-file-name 2>/dev/null)
[ -f "$BUILTINS" ] || BUILTINS=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
SC=$(rustc --print sysroot)/lib/rustlib/wasm32-wasip1/lib/self-contained
REF=${REF:-1}
work=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] && echo "work dir: $work"

tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
    for f in "$here"/*.c; do tests+=("$(basename "$f" .c)"); done
fi
pass=0 fail=0
for t in "${tests[@]}"; do
    w=$work/$t
    mkdir -p "$w/cwd"
    if ! clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -c "$here/$t.c" -o "$w/t.o" 2> "$w/cc.log"; then
        echo "FAIL $t (compile)"; cat "$w/cc.log"; fail=$((fail + 1)); continue
    fi
    # shellcheck disable=SC2086
    if ! "$LD" "$CRT" "$w/t.o" "$LIBC" $EXTRA "$BUILTINS" -o "$w/t.wasm" 2> "$w/ld.log"; then
        echo "FAIL $t (link)"; head -20 "$w/ld.log"; fail=$((fail + 1)); continue
    fi
    in=/dev/null
    [ -f "$here/$t.stdin" ] && in=$here/$t.stdin
    "$RUNNER" --timeout 120 --dir "$w/cwd::." "$w/t.wasm" < "$in" > "$w/out" 2> "$w/err"
    rc=$?
    if [ "$REF" = 1 ]; then
        # The expectation must still be wasi-libc's output.
        if ! wasm-ld-19 "$SC/crt1-command.o" "$w/t.o" "$SC/libc.a" "$BUILTINS" -o "$w/ref.wasm" 2> "$w/ref-ld.log"; then
            echo "FAIL $t (reference link)"; head -5 "$w/ref-ld.log"; fail=$((fail + 1)); continue
        fi
        mkdir -p "$w/ref-cwd"
        "$RUNNER" --timeout 120 --dir "$w/ref-cwd::." "$w/ref.wasm" < "$in" > "$w/ref-out" 2> /dev/null
        if ! cmp -s "$w/ref-out" "$here/$t.expected"; then
            echo "FAIL $t ($t.expected is not what wasi-libc prints now)"
            diff "$here/$t.expected" "$w/ref-out" | head -10; fail=$((fail + 1)); continue
        fi
    fi
    if [ $rc -eq 0 ] && cmp -s "$w/out" "$here/$t.expected"; then
        echo "ok   $t"; pass=$((pass + 1))
    else
        echo "FAIL $t (exit $rc)"; diff "$here/$t.expected" "$w/out" | head -20; head -5 "$w/err"
        fail=$((fail + 1))
    fi
done
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
echo "top-half C tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
