//! Calling the module's entry point: `_start` for a command, or
//! `_initialize` then a named export for a reactor (`--invoke NAME`).

use crate::outcome::{classify, Outcome};
use anyhow::{bail, Result};
use std::time::Duration;
use wasmtime::{Instance, Store};
use wasmtime_wasi::p1::WasiP1Ctx;

/// Runs the entry point. `Err` only when the module lacks the export asked
/// for (or it has an unsupported type); traps and exits are [`Outcome`]s.
///
/// Reactor mode (`invoke = Some(name)`): `_initialize` runs first if the
/// module exports it; `name` must be `() -> ()` (outcome: exit 0) or
/// `() -> i32` (outcome: exit with that value). A `proc_exit` inside either
/// is an exit as for commands.
pub(crate) fn call(
    store: &mut Store<WasiP1Ctx>,
    instance: &Instance,
    invoke: Option<&str>,
    timeout: Option<Duration>,
) -> Result<Outcome> {
    let Some(name) = invoke else {
        let Ok(start) = instance.get_typed_func::<(), ()>(&mut *store, "_start") else {
            bail!("module does not export a `_start` function of type () -> () (not a command module?)");
        };
        return Ok(match start.call(&mut *store, ()) {
            Ok(()) => Outcome::Exit(0),
            Err(e) => classify(e, timeout),
        });
    };
    if let Ok(init) = instance.get_typed_func::<(), ()>(&mut *store, "_initialize") {
        if let Err(e) = init.call(&mut *store, ()) {
            return Ok(classify(e, timeout));
        }
    }
    if let Ok(f) = instance.get_typed_func::<(), i32>(&mut *store, name) {
        return Ok(match f.call(&mut *store, ()) {
            Ok(value) => Outcome::Exit(value),
            Err(e) => classify(e, timeout),
        });
    }
    if let Ok(f) = instance.get_typed_func::<(), ()>(&mut *store, name) {
        return Ok(match f.call(&mut *store, ()) {
            Ok(()) => Outcome::Exit(0),
            Err(e) => classify(e, timeout),
        });
    }
    bail!("module does not export a function `{name}` of type () -> () or () -> i32")
}
