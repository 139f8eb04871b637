// A Cloudflare Worker in front of Commerce Layer's order_subscriptions endpoint. The
// client posts either the flat input that @commercelayer/sdk's create() takes, as
// application/json, or the JSON:API create document itself, as
// application/vnd.api+json; subkit checks it and makes the request in one call
// (buildRequest builds the document, documentRequest forwards the document as it came).
// A bad body gets the very answer Commerce Layer would give (400 or 422, serverError)
// and nothing is sent; a good one is forwarded with the access token, which lives only
// in the Worker's secrets, and Commerce Layer's answer is relayed as it came.
import { buildRequest, documentRequest, serverError } from "subkit";

const JSON_API = "application/vnd.api+json";

// One JSON:API error document, in the shape subkit and Commerce Layer use, for the faults
// this Worker finds itself (wrong method, wrong media type, upstream unreachable).
function error(status, code, title, detail, headers = {}) {
  const body = { errors: [{ code, title, detail, status: String(status) }] };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": JSON_API, ...headers },
  });
}

export default {
  async fetch(request, env) {
    if (request.method !== "POST") {
      return error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
        "POST the flat input of an order subscription as JSON", { allow: "POST" });
    }
    // Refusing other media types keeps form posts (curl -d's default) from being read
    // as JSON by accident. Parameters such as "; charset=utf-8" are allowed.
    const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/json" && type !== JSON_API) {
      return error(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
        `send the flat input as application/json, or the JSON:API document as ${JSON_API}`);
    }

    // The raw bytes go to subkit, which parses UTF-8 JSON itself, bounds the body
    // (4 MiB, 100,000 values) and reports text that is not JSON as a 400 at pointer "".
    const body = new Uint8Array(await request.arrayBuffer());
    const target = { baseUrl: env.CL_BASE_URL, accessToken: env.CL_ACCESS_TOKEN };
    const built = type === JSON_API
      ? documentRequest("order_subscriptions", body, target)
      : buildRequest("order_subscriptions", body, target);

    if (!built.valid) {
      // Faults under /options/ are this Worker's configuration (a missing secret, a bad
      // CL_BASE_URL), not the client's: they are logged for the operator and the client
      // gets a plain 500. subkit never puts the token in an error, so logging is safe.
      const config = built.errors.filter((e) => e.source?.pointer?.startsWith("/options/"));
      if (config.length > 0) {
        console.error("subkit-worker misconfigured:", JSON.stringify(config.map((e) => [e.source.pointer, e.detail])));
        return error(500, "INTERNAL_SERVER_ERROR", "Internal Server Error", "the Worker is not configured");
      }
      // The answer Commerce Layer itself would give: its status and its JSON:API errors,
      // with none of the fields subkit adds for forms.
      const answer = serverError(built);
      return new Response(answer.body, answer);
    }

    let upstream;
    try {
      upstream = await fetch(built.request.url, built.request);
    } catch (err) {
      console.error("subkit-worker: Commerce Layer unreachable:", String(err));
      return error(502, "BAD_GATEWAY", "Bad Gateway", "Commerce Layer could not be reached");
    }
    // Status and body as Commerce Layer sent them (201 and the created resource, or its
    // own errors). Only the content type is copied: the upstream's other headers
    // (cookies, rate-limit and tracing headers) describe the Worker's connection, not
    // the client's.
    const headers = {};
    const upstreamType = upstream.headers.get("content-type");
    if (upstreamType) headers["content-type"] = upstreamType;
    return new Response(upstream.body, { status: upstream.status, headers });
  },
};
