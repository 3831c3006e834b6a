//! The top half: one module per C header.

pub mod crypt;
pub mod ctype;
pub mod ext;
pub mod fnmatch;
pub mod fts;
pub mod getopt;
pub mod iconv;
pub mod ld128;
pub mod pleval;
pub mod legacy;
pub mod libgen;
pub mod locale;
pub mod mem;
pub mod multibyte;
pub mod stdio;
pub mod stdlib;
pub mod regex;
pub mod search;
pub mod signal_names;
pub mod strerror;
pub mod string;
pub mod strings;
pub mod time;
pub mod tre_mem;
pub mod strftime;
pub mod wchar;
pub mod wcsto;
pub mod wctype;
#[rustfmt::skip]
mod wctype_tables;
