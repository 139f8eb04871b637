"use client";
// A client component: Next.js renders it on the server (Node entry) and hydrates it in
// the browser (browser entry), where the effect computes the answers.
import { useEffect, useState } from "react";
import * as subkit from "subkit";
import { answers } from "./answers.js";

export default function Answers() {
  const [out, setOut] = useState("");
  useEffect(() => setOut(JSON.stringify(answers(subkit))), []);
  return <pre id="out">{out}</pre>;
}
