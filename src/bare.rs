//! What std would give the npm package's module, which links no std (feature `package`):
//! a panic handler and a global allocator.

#[cfg(not(target_arch = "wasm32"))]
compile_error!("the `package` feature builds the npm package's wasm32 module only");

/// talc's allocator for single-threaded wasm: smaller than dlmalloc, which std would
/// bring, and as fast (docs/benchmarks.md). It grows the module's memory as needed; a
/// request the memory cannot meet ends in `handle_alloc_error`, a panic, so a trap.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A panic is a bug in subkit, never an answer to input: the module traps, and the
/// package's guard (pkg/ready.js) reports it and starts a fresh instance. The message
/// is never read; std's panic machinery (its hook and its printing) is not linked, and
/// the LTO of the module's build (module/Cargo.toml), seeing this handler, drops the
/// messages of core's, alloc's and the dependencies' panic sites with their paths.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
