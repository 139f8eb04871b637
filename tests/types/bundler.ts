// Typed usage under `"moduleResolution": "bundler"`, as a Vite, webpack or esbuild
// project compiles it (tsconfig.bundler-esnext.json, tsconfig.bundler-preserve.json).
// Lines under an expect-error directive must NOT compile.
import wasmUrl from "subkit/subkit_bg.wasm";
import { init, validateResource, buildResource, type InitInput, type Validation } from "subkit";
// @ts-expect-error markReady is internal to the entry points
import { markReady } from "subkit";

// esbuild with --loader:.wasm=file: the import is the copied file's URL, which init takes.
const url: string = wasmUrl;
await init(new URL(url, import.meta.url));
// @ts-expect-error the file loader gives a URL string, not a compiled module (an object)
const compiled: object = wasmUrl;
void compiled, markReady;

// Everything wasm-bindgen's web glue accepts.
const done: Promise<void> = init();
await done;
await init("/assets/subkit_bg.wasm");
await init(new Request("/assets/subkit_bg.wasm"));
await init(fetch("/assets/subkit_bg.wasm"));
await init(new Uint8Array(8));
await init(new ArrayBuffer(8));
await init(new WebAssembly.Module(new Uint8Array(8)));
const source: InitInput = new URL("https://example.com/subkit_bg.wasm");
await init(source);
// @ts-expect-error a number is no source of a module
await init(42);

const v: Validation = validateResource("order_subscriptions", "{}");
// @ts-expect-error an unknown resource name
validateResource("subscriptions", {});

const built = buildResource("customer_subscriptions", { customer_email: "john@example.com", reference: "R1" });
// @ts-expect-error document is null unless valid
built.document.data.attributes.customer_email;
if (built.valid) {
  const email: string = built.document.data.attributes.customer_email;
  void email;
}
void v;
