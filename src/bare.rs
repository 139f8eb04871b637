//! What std would give the npm package's module, which links no std (feature `package`):
//! a panic handler and a global allocator.

#[cfg(not(target_arch = "wasm32"))]
compile_error!("the `package` feature builds the npm package's wasm32 module only");

/// The allocator std itself uses on wasm32.
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

/// A panic is a bug in subkit, never an answer to input: the module traps, and the
/// package's guard (pkg/ready.js) reports it and starts a fresh instance. The message
/// is not read, so none of core's panic text is linked.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
