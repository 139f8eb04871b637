import * as subkit from "subkit";
import { answers } from "../../answers.js";

export const runtime = "nodejs";
// Answered per request by `next start`, not prerendered by `next build`.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(answers(subkit));
}
