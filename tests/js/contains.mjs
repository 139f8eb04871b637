// Shared by the JS suites: fixtures list only the members a case is about.
export { contains } from "../support/contains.cjs";
