//! The top half: one module per C header.
