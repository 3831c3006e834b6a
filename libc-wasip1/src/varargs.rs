//! Reading C variadic arguments from wasm's argument buffer.
//!
//! The wasm32 C ABI passes the `...` part of a variadic call as one extra
//! `i32`: a pointer to a buffer in linear memory where the caller stored each
//! variadic argument at its natural alignment (`int`, `long`, pointers: 4
//! bytes; `long long`, `double`: 8 bytes, 8-aligned; `long double`: 16 bytes,
//! 16-aligned). Integers narrower than `int` are promoted to `int` and `float`
//! to `double`. A `va_list` is that same pointer, so `printf(fmt, ...)` and
//! `vprintf(fmt, ap)` both have the wasm type `(i32, i32) -> i32`.

/// A cursor over a variadic argument buffer (the value of a `va_list`).
#[derive(Clone, Copy)]
pub struct VaList {
    ptr: usize,
}

impl VaList {
    /// Wraps the raw `va_list` pointer received from C.
    pub fn new(ptr: *const u8) -> Self {
        VaList { ptr: ptr as usize }
    }

    fn take(&mut self, size: usize, align: usize) -> *const u8 {
        let p = (self.ptr + align - 1) & !(align - 1);
        self.ptr = p + size;
        p as *const u8
    }

    /// Reads an `int`-sized argument (also `char`, `short`, `long`, `size_t`).
    ///
    /// # Safety
    /// The buffer must hold another argument of this class.
    pub unsafe fn arg_i32(&mut self) -> i32 {
        (self.take(4, 4) as *const i32).read_unaligned()
    }

    /// Reads a `long long` / `int64_t` argument.
    ///
    /// # Safety
    /// The buffer must hold another argument of this class.
    pub unsafe fn arg_i64(&mut self) -> i64 {
        (self.take(8, 8) as *const i64).read_unaligned()
    }

    /// Reads a `double` (or promoted `float`) argument.
    ///
    /// # Safety
    /// The buffer must hold another argument of this class.
    pub unsafe fn arg_f64(&mut self) -> f64 {
        (self.take(8, 8) as *const f64).read_unaligned()
    }

    /// Reads a pointer argument.
    ///
    /// # Safety
    /// The buffer must hold another argument of this class.
    pub unsafe fn arg_ptr<T>(&mut self) -> *mut T {
        (self.take(4, 4) as *const usize).read_unaligned() as *mut T
    }

    /// Reads a `long double` argument as its two 64-bit halves `(low, high)`
    /// of the IEEE binary128 encoding.
    ///
    /// # Safety
    /// The buffer must hold another argument of this class.
    pub unsafe fn arg_long_double(&mut self) -> (u64, u64) {
        let p = self.take(16, 16) as *const u64;
        (p.read_unaligned(), p.add(1).read_unaligned())
    }
}
