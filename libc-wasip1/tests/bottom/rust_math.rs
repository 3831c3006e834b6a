// Rust float methods that compile to libm calls. Printed to 13 significant
// digits: the libm crate and musl may differ in the last ulp.
fn main() {
    let x: f64 = std::env::args().count() as f64 + 0.5;
    let d = [x.sin(), x.cos(), x.exp(), x.ln(), x.powf(1.7), x.atan2(0.3), x.cbrt(), x.tanh(), x.hypot(2.0), (x * 10.0).rem_euclid(3.0), x.mul_add(2.0, 1.0), x.round(), x.exp_m1(), x.ln_1p(), x.log10(), x.log2(), x.asinh(), x.acosh(), x.atanh() ];
    for v in d { println!("{:.12e}", v); }
    let y = x as f32;
    let f = [y.sin(), y.exp(), y.powf(2.5), y.ln(), y.cos(), y.tan(), y % 0.7, y.round()];
    for v in f { println!("{:.5e}", v); }
}
