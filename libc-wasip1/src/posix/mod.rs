//! The bottom half: POSIX interfaces over the WASI layer, one module per
//! C header (or per group of related functions).

pub mod compat;
pub mod conf;
pub mod dirent;
pub mod dup_pipe;
pub mod exit;
pub mod fcntl;
pub mod glob;
pub mod inet;
pub mod internals;
pub mod ftw;
pub mod path;
pub mod poll;
pub mod pthread;
pub mod pthread_ext;
pub mod random;
pub mod sched;
pub mod select;
pub mod single_thread;
pub mod socket;
pub mod stdlib_env;
pub mod sys_stat;
pub mod time;
pub mod unistd;
