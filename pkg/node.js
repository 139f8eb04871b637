// Entry for Node (ESM): the default entry's inline copy of the module, compiled at
// import, rather than the .wasm read from disk. Server bundlers keep plain JS as it is
// but not a file next to it: Turbopack turns `new URL("./x.wasm", import.meta.url)` in
// the server render of a Next.js client component into the browser's asset path, and
// esbuild does not copy the file at all.
export * from "./index.js";
