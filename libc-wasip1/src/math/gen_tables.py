#!/usr/bin/env python3
"""Generates libc-wasip1/src/math/tables.rs: the data tables that musl's
exp/exp2/pow/log/log2 families (ARM optimized-routines) read, which
wasi-libc's libc.a exports as `__exp_data`, `__exp2f_data`,
`__pow_log_data`, `__logf_data`, `__log2f_data`, `__powf_log2_data` and
`__rsqrt_tab`.

Rerun from the repository root with:

    python3 libc-wasip1/src/math/gen_tables.py > libc-wasip1/src/math/tables.rs

The table entries are computed here from their definitions (exact
rational arithmetic plus 60-digit decimal exp/log). The polynomial
coefficients stored beside them are minimax fits published with the
algorithms (like the coefficients of the trigonometric kernels); they are
listed as constants below.

Not generated: `__log_data` and `__log2_data`. Their tables hold 1/c
values picked by the authors' search over +-2^29 candidates per entry with
criteria this generator could not reproduce exactly (everything else in
those tables follows from the chosen 1/c), so they are not provided.
"""

from decimal import Decimal, getcontext
from fractions import Fraction
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_consts import f64_value, to_f64  # noqa: E402

getcontext().prec = 60

LN2 = Decimal(2).ln()


def dec(fr):
    return Decimal(fr.numerator) / Decimal(fr.denominator)


def frac(d):
    return Fraction(d)


def rd(v):
    """Round a Fraction/Decimal to the nearest double; returns the bits."""
    if isinstance(v, Decimal):
        v = frac(v)
    return to_f64(v)


def hexf(s):
    """Bits of a C hexadecimal double literal such as -0x1.62e42fefa38p-1."""
    return to_f64(Fraction(float.fromhex(s)))


def val(bits):
    return f64_value(bits)


def round_bits(v, bits):
    """v rounded to `bits` significant bits (as a Fraction)."""
    v = Fraction(v)
    sign = -1 if v < 0 else 1
    v = abs(v)
    e = v.numerator.bit_length() - v.denominator.bit_length()
    while Fraction(2) ** e > v:
        e -= 1
    while Fraction(2) ** (e + 1) <= v:
        e += 1
    q = Fraction(2) ** (e - bits + 1)
    n = v / q
    i = n.numerator // n.denominator
    r = n - i
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and i % 2):
        i += 1
    return sign * i * q


def exp2_frac(k, n):
    """2^(k/n) as a 60-digit Decimal."""
    return (LN2 * k / n).exp()


def ln_of(fr):
    return dec(fr).ln()


def float_value(bits):
    return Fraction(struct.unpack("<f", struct.pack("<I", bits))[0])


# ---------------------------------------------------------------- __exp_data
EXP_POLY = ["0x1.ffffffffffdbdp-2", "0x1.555555555543cp-3", "0x1.55555cf172b91p-5", "0x1.1111167a4d017p-7"]
EXP2_POLY = [
    "0x1.62e42fefa39efp-1", "0x1.ebfbdff82c424p-3", "0x1.c6b08d70cf4b5p-5", "0x1.3b2abd24650ccp-7",
    "0x1.5d7e09b4e3a84p-10",
]


def exp_data():
    n = 128
    ln2 = frac(LN2)
    words = []
    words.append(to_f64(val(rd(1 / ln2)) * n))  # invln2N = (double)(1/ln2) * N
    words.append(to_f64(Fraction(3, 2) * 2**52))  # shift = 0x1.8p52
    hi = round_bits(ln2 / n, 37)  # -ln2/N split: hi has 37 bits so k*hi is exact
    words.append(to_f64(-hi))
    words.append(rd(-(ln2 / n - hi)))
    words += [hexf(c) for c in EXP_POLY]
    words.append(to_f64(Fraction(3, 2) * 2**52 / n))  # exp2_shift
    words += [hexf(c) for c in EXP2_POLY]
    # 2^(k/N) ~= H[k] (1 + T[k]): tab[2k] = bits(T), tab[2k+1] = bits(H) - (k << 45)
    for k in range(n):
        v = frac(exp2_frac(k, n))
        h = rd(v)
        t = rd(v / val(h) - 1)
        words.append(t)
        words.append((h - (k << 45)) % (1 << 64))
    return words


# -------------------------------------------------------------- __exp2f_data
EXP2F_POLY = ["0x1.c6af84b912394p-5", "0x1.ebfce50fac4f3p-3", "0x1.62e42ff0c52d6p-1"]


def exp2f_data():
    n = 32
    words = []
    for i in range(n):  # tab[i] = bits(2^(i/N)) - (i << 47)
        words.append((rd(exp2_frac(i, n)) - (i << 47)) % (1 << 64))
    words.append(to_f64(Fraction(3, 2) * 2**52 / n))  # shift_scaled
    words += [hexf(c) for c in EXP2F_POLY]
    words.append(to_f64(Fraction(3, 2) * 2**52))  # shift
    words.append(to_f64(val(rd(1 / frac(LN2))) * n))  # invln2_scaled
    for i, c in enumerate(EXP2F_POLY):  # poly_scaled = poly / N^(3-i)
        words.append(to_f64(val(hexf(c)) / Fraction(n) ** (3 - i)))
    return words


# ------------------------------------------------------------ __pow_log_data
POW_LOG_POLY = [
    ("-0x1p-1", 1), ("0x1.555555555556p-2", -2), ("-0x1.0000000000006p-2", -2), ("0x1.999999959554ep-3", 4),
    ("-0x1.555555529a47ap-3", 4), ("0x1.2495b9b4845e9p-3", -8), ("-0x1.0002b8b263fc3p-3", -8),
]


def pow_log_data():
    n = 128
    ln2 = frac(LN2)
    words = []
    ln2hi = round_bits(ln2, 42)  # k*ln2hi + logc exact
    words.append(to_f64(ln2hi))
    words.append(rd(ln2 - ln2hi))
    for c, scale in POW_LOG_POLY:
        words.append(to_f64(val(hexf(c)) * scale))
    # z in [0x1.69555p-1, 0x1.69555p0) split by the top 7 fraction bits of
    # bits(z) - OFF; c near the subinterval centre with 1/c on a 1/N (or
    # 1/2N) grid so z/c - 1 is exact.
    off = 0x3FE6955500000000
    for i in range(n):
        lo = val(off + (i << 45))
        hi = val(off + ((i + 1) << 45) - 1)
        center = (lo + hi) / 2
        if center < 1:
            inv = Fraction(round(n / center), n)
        else:
            inv = Fraction(round(2 * n / center), 2 * n)
        logc_exact = -ln_of(inv)
        logc = Fraction(round(frac(logc_exact) * 2**43), 2**43)
        tail = rd(frac(logc_exact) - logc)
        words += [to_f64(inv), 0, to_f64(logc), tail]
    return words


# ---------------------------------- __logf_data, __log2f_data, __powf_log2_data
LOGF_POLY = ["-0x1.00ea348b88334p-2", "0x1.5575b0be00b6ap-2", "-0x1.ffffef20a4123p-2"]
LOG2F_POLY = ["-0x1.712b6f70a7e4dp-2", "0x1.ecabf496832ep-2", "-0x1.715479ffae3dep-1", "0x1.715475f35c8b8p0"]
POWF_LOG2_POLY = [
    "0x1.27616c9496e0bp-2", "-0x1.71969a075c67ap-2", "0x1.ec70a6ca7baddp-2", "-0x1.7154748bef6c8p-1",
    "0x1.71547652ab82bp0",
]
# The subinterval containing 1 uses c = 1 exactly (log c = 0). Its upper
# neighbour's c was hand-tuned by the table's authors to avoid cancellation
# near 1 and follows no formula: it is the one stored value here.
LOGF_TWEAKED_INVC = {9: "0x1p0", 10: "0x1.e608cfd9a47acp-1"}


def logf_invc():
    """1/c for the 16 subintervals of z in [OFF, 2 OFF), OFF = 0x3f330000:
    c is the centre of the subinterval's float range (first to last float)."""
    off = 0x3F330000
    out = []
    for i in range(16):
        if i in LOGF_TWEAKED_INVC:
            out.append(val(hexf(LOGF_TWEAKED_INVC[i])))
            continue
        lo = float_value(off + (i << 19))
        hi = float_value(off + ((i + 1) << 19) - 1)
        out.append(val(rd(2 / (lo + hi))))
    return out


def logf_tables():
    invc = logf_invc()
    ln2 = frac(LN2)
    logf = []
    log2f = []
    for v in invc:
        l = -ln_of(v)
        logf += [to_f64(v), rd(l)]
        log2f += [to_f64(v), rd(frac(l) / ln2)]
    logf_words = logf + [rd(ln2)] + [hexf(c) for c in LOGF_POLY]
    log2f_words = log2f + [hexf(c) for c in LOG2F_POLY]
    powf_words = log2f + [hexf(c) for c in POWF_LOG2_POLY]
    return logf_words, log2f_words, powf_words


# ---------------------------------------------------------------- __rsqrt_tab
def rsqrt_tab():
    """tab[i] * 2^-16 ~ 1/sqrt(x) on bucket i: x in [1, 2) uses i = 64x
    (64..128), x in [2, 4) uses i = 32x - 64 (0..64). The entry is the r
    that makes the relative error |r sqrt(x) - 1| equal at both ends of the
    bucket [a, b], r = 2 / (sqrt(a) + sqrt(b)), scaled by 2^16 and rounded
    to nearest."""
    out = []
    for i in range(128):
        if i < 64:
            a, b = Fraction(64 + i, 32), Fraction(65 + i, 32)
        else:
            a, b = Fraction(i, 64), Fraction(i + 1, 64)
        r = Decimal(2**17) / (dec(a).sqrt() + dec(b).sqrt())
        out.append(int(r.to_integral_value()))
    return out


def emit(out, name, words, doc):
    out.write(f"/// {doc}\n")
    out.write("#[no_mangle]\n")
    out.write(f"pub static {name}: [u64; {len(words)}] = [\n")
    for i in range(0, len(words), 4):
        out.write("    " + ", ".join(f"0x{w:016x}" for w in words[i:i + 4]) + ",\n")
    out.write("];\n\n")


def main():
    out = sys.stdout
    out.write("//! Data tables of musl's exp/log/pow families (generated by\n")
    out.write("//! `python3 libc-wasip1/src/math/gen_tables.py > libc-wasip1/src/math/tables.rs`;\n")
    out.write("//! do not edit by hand). Each is an array of 64-bit words with the size\n")
    out.write("//! and layout of the C struct (doubles stored as their bit patterns).\n\n")
    out.write("#![allow(non_upper_case_globals)]\n\n")
    emit(out, "__exp_data", exp_data(),
         "`struct exp_data`: invln2N, shift, negln2hiN, negln2loN, poly[4], exp2_shift, "
         "exp2_poly[5], tab[256] (2^(k/128) as H(1+T)).")
    emit(out, "__exp2f_data", exp2f_data(),
         "`struct exp2f_data`: tab[32] (bits of 2^(i/32) - (i << 47)), shift_scaled, poly[3], "
         "shift, invln2_scaled, poly_scaled[3].")
    emit(out, "__pow_log_data", pow_log_data(),
         "`struct pow_log_data`: ln2hi, ln2lo, poly[7], tab[128] {invc, pad, logc, logctail}.")
    logf, log2f, powf = logf_tables()
    emit(out, "__logf_data", logf, "`struct logf_data`: tab[16] {invc, logc}, ln2, poly[3].")
    emit(out, "__log2f_data", log2f, "`struct log2f_data`: tab[16] {invc, log2c}, poly[4].")
    emit(out, "__powf_log2_data", powf, "`struct powf_log2_data`: tab[16] {invc, log2c}, poly[5].")
    tab = rsqrt_tab()
    out.write("/// `uint16_t __rsqrt_tab[128]`: 2^16 / sqrt(x) estimates for x in [1, 4).\n")
    out.write("#[no_mangle]\n")
    out.write("pub static __rsqrt_tab: [u16; 128] = [\n")
    for i in range(0, 128, 8):
        out.write("    " + ", ".join(f"0x{w:04x}" for w in tab[i:i + 8]) + ",\n")
    out.write("];\n")


if __name__ == "__main__":
    main()
