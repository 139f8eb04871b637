// The one "shows these members" comparison of the JS suites and the docs' example
// runner: fixtures and documents list only the members a case is about.
"use strict";

/** `actual` has every member of `expected`, recursively; lists match by index and length. */
function contains(actual, expected) {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length &&
      expected.every((e, i) => contains(actual[i], e));
  }
  if (expected && typeof expected === "object") {
    return actual !== null && typeof actual === "object" &&
      Object.keys(expected).every((k) => contains(actual[k], expected[k]));
  }
  return actual === expected;
}

module.exports = { contains };
