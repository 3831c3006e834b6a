//! `stdio.h`: FILE streams, the printf and scanf families.

pub mod file;
pub mod internal;
pub mod io;
pub mod memstream;
pub mod printf;
pub mod printf_api;
pub mod printf_float;
pub mod scan_internal;
pub mod scanf;
pub mod scanf_api;
pub mod std_streams;
pub mod stream;
pub mod wide;
