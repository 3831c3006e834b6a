//! `stdio.h`: FILE streams, the printf and scanf families.

pub mod file;
pub mod io;
pub mod std_streams;
pub mod stream;
