//! Differential harness.
