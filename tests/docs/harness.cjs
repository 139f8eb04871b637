// Loaded by every documentation example the runner (examples.test.mjs) executes.
// `show` compares a value with the result the document shows after `// =>`; `fetch`
// is replaced so examples that send their request run without a network, while the
// request is still checked to be one `fetch` accepts.
"use strict";

const { contains } = require("../support/contains.cjs");

let checked = 0;

function show(line, actual, expected) {
  if (!contains(actual, expected)) {
    const fmt = (v) => JSON.stringify(v, null, 2);
    throw new Error(`the example's line ${line} shows\n${fmt(expected)}\nbut gives\n${fmt(actual)}`);
  }
  checked += 1;
}

const sent = [];
globalThis.fetch = async function fetch(input, init) {
  // Throws as the real fetch would on a malformed method, URL, header or body.
  const request = new Request(input, init);
  if (!/^https:\/\//.test(request.url)) throw new TypeError(`examples send only to https URLs, not ${request.url}`);
  sent.push({ method: request.method, url: request.url, body: await request.text() });
  return new Response(null, { status: 204 });
};

process.on("exit", (code) => {
  if (code === 0) process.stdout.write(`\n${JSON.stringify({ checked, sent: sent.length })}\n`);
});

module.exports = { show };
