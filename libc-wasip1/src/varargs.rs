//! Reading C variadic arguments from wasm's argument buffer.
