#!/usr/bin/env python3
"""Generates libc-wasip1/src/math/consts.rs: the constants of musl's
internal math kernels that are not plain `double` literals.

Rerun from the repository root with:

    python3 libc-wasip1/src/math/gen_consts.py > libc-wasip1/src/math/consts.rs

Everything is computed here with exact integer/rational arithmetic:

* `IPIO2`: 2/pi in 24-bit chunks (690 of them, enough for binary128's
  exponent range), used by `__rem_pio2_large`.
* `PIO2`: pi/2 cut into 24-bit pieces, each stored as a double.
* The binary128 coefficients of the `long double` kernels, converted
  (round to nearest, ties to even) from the decimal / hexadecimal values
  of the published polynomials (FreeBSD msun ld128 kernels, as used by
  musl). Values given as `double` in those kernels are first rounded to
  double, then widened exactly.
"""

from fractions import Fraction
import sys

PI_BITS = 16800  # 690 * 24 bits of 2/pi plus guard bits


def arctan_inv(n, bits):
    """atan(1/n) * 2^bits, truncated (n > 1)."""
    one = 1 << (bits + 32)
    total = 0
    term = one // n
    k = 0
    n2 = n * n
    while term:
        if k % 2 == 0:
            total += term // (2 * k + 1)
        else:
            total -= term // (2 * k + 1)
        term //= n2
        k += 1
    return total >> 32


def pi_fixed(bits):
    """pi * 2^bits (truncated, error a few units in the last place)."""
    g = bits + 64
    p = 16 * arctan_inv(5, g) - 4 * arctan_inv(239, g)
    return p >> 64


def round_to_binary(f, mant_bits, emin, emax):
    """Rounds the rational f to a binary float with mant_bits significant
    bits (ties to even). Returns (sign, biased_exponent, fraction_bits) for
    an IEEE format whose exponent bias is emax."""
    sign = 1 if f < 0 else 0
    f = abs(f)
    if f == 0:
        return sign, 0, 0
    # e such that 2^e <= f < 2^(e+1)
    e = f.numerator.bit_length() - f.denominator.bit_length()
    if Fraction(2) ** e > f:
        e -= 1
    if Fraction(2) ** (e + 1) <= f:
        e += 1
    if e < emin:
        e = emin  # subnormal: fixed quantum
    q = e - (mant_bits - 1)
    scaled = f / (Fraction(2) ** q)
    n = scaled.numerator // scaled.denominator
    rem = scaled - n
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and n % 2 == 1):
        n += 1
    if n >> mant_bits:  # carried into the next binade
        n >>= 1
        e += 1
    if e > emax:
        raise ValueError("overflow")
    if n >> (mant_bits - 1) == 0:
        return sign, 0, n  # subnormal
    return sign, e + emax, n - (1 << (mant_bits - 1))


def to_f128_bits(f):
    s, e, m = round_to_binary(f, 113, -16382, 16383)
    return (s << 127) | (e << 112) | m


def to_f64(f):
    s, e, m = round_to_binary(f, 53, -1022, 1023)
    return (s << 63) | (e << 52) | m


def f64_value(bits):
    s = bits >> 63
    e = (bits >> 52) & 0x7FF
    m = bits & ((1 << 52) - 1)
    if e == 0:
        v = Fraction(m, 1 << 1074)
    else:
        v = Fraction((1 << 52) | m) * Fraction(2) ** (e - 1075)
    return -v if s else v


def parse_literal(text):
    """Exact value of a C floating literal (decimal or hexadecimal)."""
    t = text.strip().rstrip("Ll")
    neg = t.startswith("-")
    t = t.lstrip("+-")
    if t.lower().startswith("0x"):
        body = t[2:]
        mant, _, exp = body.lower().partition("p")
        ip, _, fp = mant.partition(".")
        digits = ip + fp
        v = Fraction(int(digits, 16), 16 ** len(fp)) * Fraction(2) ** int(exp or "0")
    else:
        mant, _, exp = t.lower().partition("e")
        ip, _, fp = mant.partition(".")
        v = Fraction(int(ip + fp or "0"), 10 ** len(fp)) * Fraction(10) ** int(exp or "0")
    return -v if neg else v


# (rust name, C literal, "ld" for a long double literal / "d" for a double
# literal widened to long double)
LD_CONSTS = [
    # __cosl (ld128)
    ("COSL_C1", "0.04166666666666666666666666666666658424671L", "ld"),
    ("COSL_C2", "-0.001388888888888888888888888888863490893732L", "ld"),
    ("COSL_C3", "0.00002480158730158730158730158600795304914210L", "ld"),
    ("COSL_C4", "-0.2755731922398589065255474947078934284324e-6L", "ld"),
    ("COSL_C5", "0.2087675698786809897659225313136400793948e-8L", "ld"),
    ("COSL_C6", "-0.1147074559772972315817149986812031204775e-10L", "ld"),
    ("COSL_C7", "0.4779477332386808976875457937252120293400e-13L", "ld"),
    ("COSL_C8", "-0.1561920696721507929516718307820958119868e-15", "d"),
    ("COSL_C9", "0.4110317413744594971475941557607804508039e-18", "d"),
    ("COSL_C10", "-0.8896592467191938803288521958313920156409e-21", "d"),
    ("COSL_C11", "0.1601061435794535138244346256065192782581e-23", "d"),
    # __sinl (ld128)
    ("SINL_S1", "-0.16666666666666666666666666666666666606732416116558L", "ld"),
    ("SINL_S2", "0.0083333333333333333333333333333331135404851288270047L", "ld"),
    ("SINL_S3", "-0.00019841269841269841269841269839935785325638310428717L", "ld"),
    ("SINL_S4", "0.27557319223985890652557316053039946268333231205686e-5L", "ld"),
    ("SINL_S5", "-0.25052108385441718775048214826384312253862930064745e-7L", "ld"),
    ("SINL_S6", "0.16059043836821614596571832194524392581082444805729e-9L", "ld"),
    ("SINL_S7", "-0.76471637318198151807063387954939213287488216303768e-12L", "ld"),
    ("SINL_S8", "0.28114572543451292625024967174638477283187397621303e-14L", "ld"),
    ("SINL_S9", "-0.82206352458348947812512122163446202498005154296863e-17", "d"),
    ("SINL_S10", "0.19572940011906109418080609928334380560135358385256e-19", "d"),
    ("SINL_S11", "-0.38680813379701966970673724299207480965452616911420e-22", "d"),
    ("SINL_S12", "0.64038150078671872796678569586315881020659912139412e-25", "d"),
    # __tanl (ld128)
    ("TANL_T3", "0x1.5555555555555555555555555553p-2L", "ld"),
    ("TANL_T5", "0x1.1111111111111111111111111eb5p-3L", "ld"),
    ("TANL_T7", "0x1.ba1ba1ba1ba1ba1ba1ba1b694cd6p-5L", "ld"),
    ("TANL_T9", "0x1.664f4882c10f9f32d6bbe09d8bcdp-6L", "ld"),
    ("TANL_T11", "0x1.226e355e6c23c8f5b4f5762322eep-7L", "ld"),
    ("TANL_T13", "0x1.d6d3d0e157ddfb5fed8e84e27b37p-9L", "ld"),
    ("TANL_T15", "0x1.7da36452b75e2b5fce9ee7c2c92ep-10L", "ld"),
    ("TANL_T17", "0x1.355824803674477dfcf726649efep-11L", "ld"),
    ("TANL_T19", "0x1.f57d7734d1656e0aceb716f614c2p-13L", "ld"),
    ("TANL_T21", "0x1.967e18afcb180ed942dfdc518d6cp-14L", "ld"),
    ("TANL_T23", "0x1.497d8eea21e95bc7e2aa79b9f2cdp-15L", "ld"),
    ("TANL_T25", "0x1.0b132d39f055c81be49eff7afd50p-16L", "ld"),
    ("TANL_T27", "0x1.b0f72d33eff7bfa2fbc1059d90b6p-18L", "ld"),
    ("TANL_T29", "0x1.5ef2daf21d1113df38d0fbc00267p-19L", "ld"),
    ("TANL_T31", "0x1.1c77d6eac0234988cdaa04c96626p-20L", "ld"),
    ("TANL_T33", "0x1.cd2a5a292b180e0bdd701057dfe3p-22L", "ld"),
    ("TANL_T35", "0x1.75c7357d0298c01a31d0a6f7d518p-23L", "ld"),
    ("TANL_T37", "0x1.2f3190f4718a9a520f98f50081fcp-24L", "ld"),
    ("TANL_PIO4", "0x1.921fb54442d18469898cc51701b8p-1L", "ld"),
    ("TANL_PIO4LO", "0x1.cd129024e088a67cc74020bbea60p-116L", "ld"),
    ("TANL_T39", "0.000000028443389121318352", "d"),
    ("TANL_T41", "0.000000011981013102001973", "d"),
    ("TANL_T43", "0.0000000038303578044958070", "d"),
    ("TANL_T45", "0.0000000034664378216909893", "d"),
    ("TANL_T47", "-0.0000000015090641701997785", "d"),
    ("TANL_T49", "0.0000000029449552300483952", "d"),
    ("TANL_T51", "-0.0000000022006995706097711", "d"),
    ("TANL_T53", "0.0000000015468200913196612", "d"),
    ("TANL_T55", "-0.00000000061311613386849674", "d"),
    ("TANL_T57", "1.4912469681508012e-10", "d"),
    # __rem_pio2l (ld128)
    ("RPIO2L_PIO4", "0x1.921fb54442d18469898cc51701b8p-1L", "ld"),
    ("RPIO2L_INVPIO2", "6.3661977236758134307553505349005747e-01L", "ld"),
    ("RPIO2L_PIO2_1", "1.5707963267948966192292994253909555e+00L", "ld"),
    ("RPIO2L_PIO2_1T", "2.0222662487959507323996846200947577e-21L", "ld"),
    ("RPIO2L_PIO2_2", "2.0222662487959507323994779168837751e-21L", "ld"),
    ("RPIO2L_PIO2_2T", "2.0670321098263988236496903051604844e-43L", "ld"),
    ("RPIO2L_PIO2_3", "2.0670321098263988236499468110329591e-43L", "ld"),
    ("RPIO2L_PIO2_3T", "-2.5650587247459238361625433492959285e-65L", "ld"),
    # __invtrigl_R (ld128)
    ("INVTRIGL_PS0", "1.66666666666666666666666666666700314e-01L", "ld"),
    ("INVTRIGL_PS1", "-7.32816946414566252574527475428622708e-01L", "ld"),
    ("INVTRIGL_PS2", "1.34215708714992334609030036562143589e+00L", "ld"),
    ("INVTRIGL_PS3", "-1.32483151677116409805070261790752040e+00L", "ld"),
    ("INVTRIGL_PS4", "7.61206183613632558824485341162121989e-01L", "ld"),
    ("INVTRIGL_PS5", "-2.56165783329023486777386833928147375e-01L", "ld"),
    ("INVTRIGL_PS6", "4.80718586374448793411019434585413855e-02L", "ld"),
    ("INVTRIGL_PS7", "-4.42523267167024279410230886239774718e-03L", "ld"),
    ("INVTRIGL_PS8", "1.44551535183911458253205638280410064e-04L", "ld"),
    ("INVTRIGL_PS9", "-2.10558957916600254061591040482706179e-07L", "ld"),
    ("INVTRIGL_QS1", "-4.84690167848739751544716485245697428e+00L", "ld"),
    ("INVTRIGL_QS2", "9.96619113536172610135016921140206980e+00L", "ld"),
    ("INVTRIGL_QS3", "-1.13177895428973036660836798461641458e+01L", "ld"),
    ("INVTRIGL_QS4", "7.74004374389488266169304117714658761e+00L", "ld"),
    ("INVTRIGL_QS5", "-3.25871986053534084709023539900339905e+00L", "ld"),
    ("INVTRIGL_QS6", "8.27830318881232209752469022352928864e-01L", "ld"),
    ("INVTRIGL_QS7", "-1.18768052702942805423330715206348004e-01L", "ld"),
    ("INVTRIGL_QS8", "8.32600764660522313269101537926539470e-03L", "ld"),
    ("INVTRIGL_QS9", "-1.99407384882605586705979504567947007e-04L", "ld"),
    # atanl (ld128)
    ("ATANL_HI0", "4.63647609000806116214256231461214397e-01L", "ld"),
    ("ATANL_HI1", "7.85398163397448309615660845819875699e-01L", "ld"),
    ("ATANL_HI2", "9.82793723247329067985710611014666038e-01L", "ld"),
    ("ATANL_HI3", "1.57079632679489661923132169163975140e+00L", "ld"),
    ("ATANL_LO0", "4.89509642257333492668618435220297706e-36L", "ld"),
    ("ATANL_LO1", "2.16795253253094525619926100651083806e-35L", "ld"),
    ("ATANL_LO2", "-2.31288434538183565909319952098066272e-35L", "ld"),
    ("ATANL_LO3", "4.33590506506189051239852201302167613e-35L", "ld"),
    ("ATANL_T0", "3.33333333333333333333333333333333125e-01L", "ld"),
    ("ATANL_T1", "-1.99999999999999999999999999999180430e-01L", "ld"),
    ("ATANL_T2", "1.42857142857142857142857142125269827e-01L", "ld"),
    ("ATANL_T3", "-1.11111111111111111111110834490810169e-01L", "ld"),
    ("ATANL_T4", "9.09090909090909090908522355708623681e-02L", "ld"),
    ("ATANL_T5", "-7.69230769230769230696553844935357021e-02L", "ld"),
    ("ATANL_T6", "6.66666666666666660390096773046256096e-02L", "ld"),
    ("ATANL_T7", "-5.88235294117646671706582985209643694e-02L", "ld"),
    ("ATANL_T8", "5.26315789473666478515847092020327506e-02L", "ld"),
    ("ATANL_T9", "-4.76190476189855517021024424991436144e-02L", "ld"),
    ("ATANL_T10", "4.34782608678695085948531993458097026e-02L", "ld"),
    ("ATANL_T11", "-3.99999999632663469330634215991142368e-02L", "ld"),
    ("ATANL_T12", "3.70370363987423702891250829918659723e-02L", "ld"),
    ("ATANL_T13", "-3.44827496515048090726669907612335954e-02L", "ld"),
    ("ATANL_T14", "3.22579620681420149871973710852268528e-02L", "ld"),
    ("ATANL_T15", "-3.03020767654269261041647570626778067e-02L", "ld"),
    ("ATANL_T16", "2.85641979882534783223403715930946138e-02L", "ld"),
    ("ATANL_T17", "-2.69824879726738568189929461383741323e-02L", "ld"),
    ("ATANL_T18", "2.54194698498808542954187110873675769e-02L", "ld"),
    ("ATANL_T19", "-2.35083879708189059926183138130183215e-02L", "ld"),
    ("ATANL_T20", "2.04832358998165364349957325067131428e-02L", "ld"),
    ("ATANL_T21", "-1.54489555488544397858507248612362957e-02L", "ld"),
    ("ATANL_T22", "8.64492360989278761493037861575248038e-03L", "ld"),
    ("ATANL_T23", "-2.58521121597609872727919154569765469e-03L", "ld"),
    ("PIO2_HI", "1.57079632679489661923132169163975140L", "ld"),
    ("PIO2_LO", "4.33590506506189051239852201302167613e-35L", "ld"),
]


def main():
    out = sys.stdout
    out.write("//! Constants of the internal math kernels (generated by\n")
    out.write("//! `python3 libc-wasip1/src/math/gen_consts.py > libc-wasip1/src/math/consts.rs`;\n")
    out.write("//! do not edit by hand).\n\n")
    out.write("#![allow(clippy::unreadable_literal)]\n\n")

    # 2/pi in 24-bit chunks: 2/pi = sum IPIO2[j] * 2^(-24 (j + 1)).
    n = 690
    bits = 24 * n
    pi = pi_fixed(PI_BITS)
    two_over_pi = (1 << (PI_BITS + bits + 1)) // pi  # 2/pi * 2^bits
    out.write("/// 2/pi in 24-bit chunks, most significant first:\n")
    out.write("/// 2/pi = sum of `IPIO2[j]` * 2^(-24 (j + 1)).\n")
    out.write(f"pub static IPIO2: [i32; {n}] = [\n")
    chunks = [(two_over_pi >> (bits - 24 * (j + 1))) & 0xFFFFFF for j in range(n)]
    for i in range(0, n, 8):
        out.write("    " + ", ".join(f"0x{c:06X}" for c in chunks[i:i + 8]) + ",\n")
    out.write("];\n\n")

    # pi/2 in 24-bit pieces: piece k holds bits 2^-(23+24k) .. of pi/2.
    out.write("/// pi/2 cut into 24-bit pieces (as double bit patterns); their sum is pi/2\n")
    out.write("/// to 192 bits.\n")
    out.write("pub const PIO2: [u64; 8] = [\n")
    pio2 = pi_fixed(PI_BITS) // 2  # pi/2 * 2^PI_BITS
    for k in range(8):
        shift = PI_BITS - (23 + 24 * k)
        chunk = (pio2 >> shift) & 0xFFFFFF
        v = Fraction(chunk) / Fraction(2) ** (23 + 24 * k)
        out.write(f"    0x{to_f64(v):016X},\n")
    out.write("];\n\n")

    out.write("// binary128 (`long double`) kernel coefficients, as bit patterns.\n")
    for name, lit, kind in LD_CONSTS:
        v = parse_literal(lit)
        if kind == "d":
            v = f64_value(to_f64(v))
        out.write(f"/// `{lit}`{' (a double constant)' if kind == 'd' else ''}.\n")
        out.write(f"pub const {name}: u128 = 0x{to_f128_bits(v):032x};\n")


if __name__ == "__main__":
    main()
