// Shared by the JS suites: fixtures list only the members a case is about.

/** `actual` has every member of `expected`, recursively; lists match by index and length. */
export function contains(actual, expected) {
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
