// A Cloudflare Worker in front of Commerce Layer: it checks a posted order subscription
// with subkit before anything reaches the API. A bad document gets the JSON:API errors
// Commerce Layer would give (400 or 422); a good one gets back the request this Worker
// would forward. The access token stays in the Worker's secrets and is never echoed.
import { validateResource } from "subkit";

const JSON_API = "application/vnd.api+json";

export default {
  async fetch(request, env) {
    if (request.method !== "POST") {
      return new Response("POST an order_subscriptions create document\n", { status: 405, headers: { allow: "POST" } });
    }
    // Bytes straight from the body: subkit reads UTF-8 JSON itself.
    const body = new Uint8Array(await request.arrayBuffer());
    const result = validateResource("order_subscriptions", body);
    if (!result.valid) {
      return new Response(JSON.stringify({ errors: result.errors }), {
        status: result.status,
        headers: { "content-type": JSON_API },
      });
    }
    const forward = {
      method: "POST",
      url: `${env.CL_BASE_URL}/api/order_subscriptions`,
      headers: { Accept: JSON_API, "Content-Type": JSON_API, Authorization: "Bearer ***" },
      body: JSON.parse(new TextDecoder().decode(body)),
    };
    // A production Worker would now send it:
    //   fetch(forward.url, { ...forward, headers: { ...forward.headers, Authorization: `Bearer ${env.CL_ACCESS_TOKEN}` }, body })
    return Response.json({ forward });
  },
};
