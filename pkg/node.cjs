// CommonJS entry for Node's require(): wasm-bindgen's nodejs glue reads the .wasm
// synchronously, so requiring is all the set-up. It reads dist/subkit_bg.wasm, the
// file every entry loads (scripts/build-pkg.sh points it there from dist/cjs/). The
// functions are api.js's, bundled into dist/cjs/api.cjs by scripts/build-pkg.sh.
module.exports = require("./dist/cjs/api.cjs");
