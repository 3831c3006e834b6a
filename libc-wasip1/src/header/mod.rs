//! The top half: one module per C header.

pub mod mem;
pub mod stdio;
