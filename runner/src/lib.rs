//! Runs wasm32-wasip1 modules.
