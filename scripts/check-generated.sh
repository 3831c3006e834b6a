#!/usr/bin/env bash
# Checks that every generated source file in libc-wasip1 is what its
# generator (committed beside it, plain Python 3) prints today, so a table
# cannot be hand-edited or drift from the script that explains it.
# To regenerate one, run its command with `> FILE` instead.
set -u
cd "$(dirname "$0")/.."
status=0
check() { # FILE COMMAND...
    local file=$1; shift
    if "$@" | cmp -s - "$file"; then
        echo "ok   $file"
    else
        echo "FAIL $file differs from the output of: $*"; status=1
    fi
}
m=libc-wasip1/src/math
c=libc-wasip1/src/header/crypt
check $m/consts.rs python3 $m/gen_consts.py
check $m/tables.rs python3 $m/gen_tables.py
check $c/consts.rs python3 $c/gen_tables.py sha2
check $c/blowfish_tables.rs python3 $c/gen_tables.py pi
exit $status
