// Entry for Node: reads the .wasm next to this file and instantiates it synchronously
// (the web glue's fetch cannot load file: URLs), so importing is all the set-up.
import { readFileSync } from "node:fs";
import { initSync } from "./dist/subkit.js";
import { markReady } from "./ready.js";

initSync({ module: readFileSync(new URL("./dist/subkit_bg.wasm", import.meta.url)) });
markReady();

/** Already initialised on import; kept so code shared with browsers can `await init()`. */
export async function init() {}
export * from "./api.js";
