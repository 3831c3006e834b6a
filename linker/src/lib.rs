//! wasip1-ld: a WebAssembly static linker for wasm32-wasip1.
