import * as subkit from "subkit";
import { answers } from "../../answers.js";

export const runtime = "edge";

export function GET() {
  return Response.json(answers(subkit));
}
