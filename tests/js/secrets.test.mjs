// Credentials given as input never come back in an error, a warning, a thrown
// message, or the text and inspection of a result; only the built request's own
// headers carry them, as they must.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import * as subkit from "subkit";

const TOKEN = "tok-5ecret-8b1f0c";
const KEY = "key-5ecret-77d2aa";
// Each secret also in malformed shapes, which fail format checks and so are the
// likeliest to be echoed in a message.
const TOKENS = [TOKEN, `${TOKEN} with spaces`, `${TOKEN}\n`, `Bearer ${TOKEN}`, ` ${TOKEN}`, `${TOKEN}\u00e9`];
const KEYS = [KEY, `${KEY}\r\n`, ` ${KEY} `, `${KEY}\u0000`];

/** Every string a caller could see of `value`, except a built request's headers. */
function surfaces(value) {
  const copy = structuredClone(value);
  if (copy?.request?.headers) copy.request.headers = "[the request's own headers]";
  return [JSON.stringify(copy), String(value), inspect(copy, { depth: 20 })];
}

function assertNoSecret(what, value) {
  for (const text of surfaces(value)) {
    for (const secret of [TOKEN, KEY, "5ecret"]) {
      assert.ok(!text.includes(secret), `${what} shows a secret: ${text.slice(0, 300)}`);
    }
  }
}

function call(what, fn) {
  try {
    const result = fn();
    assertNoSecret(what, result);
    return result;
  } catch (e) {
    assert.ok(e instanceof TypeError, `${what} threw ${e}`);
    assertNoSecret(`${what} (thrown)`, { message: e.message, text: String(e), stack: e.stack });
    return undefined;
  }
}

const flat = { customer_email: "john@example.com", reference: "R1" };
const badFlat = { customer_email: "not-an-email" };

test("Commerce Layer requests: no error shows the access token", () => {
  let checked = 0;
  for (const accessToken of [...TOKENS, { toString: () => TOKEN }, [TOKEN], TOKEN.repeat(5000)]) {
    for (const input of [flat, badFlat]) {
      for (const place of [{ organization: "acme" }, { baseUrl: "http://not-https" }, { organization: "Not A Slug" }, {}]) {
        call("buildRequest", () => subkit.buildRequest("customer_subscriptions", input, { ...place, accessToken }));
        checked++;
      }
    }
  }
  assert.ok(checked > 50);
});

const adobeRequest = (headers, body = { offerId: "65304470CA01012", autoRenewal: { enabled: true } }) => ({
  customerId: "P1005053489", body, today: "2025-04-04", anniversaryDate: "2025-04-25",
  headers: { "X-Request-Id": "r-1", "X-Correlation-Id": "c-1", Accept: "application/json",
    "Content-Type": "application/json", ...headers },
});

test("Adobe requests: no error or warning shows the token or the API key", () => {
  for (const token of TOKENS) {
    for (const key of KEYS) {
      for (const body of [undefined, { offerId: 42 }, {}]) {
        for (const authorization of [`Bearer ${token}`, token, `bearer ${token}`, `Basic ${token}`]) {
          const headers = { Authorization: authorization, "X-Api-Key": key };
          call("validateAdobeSubscription", () => subkit.validateAdobeSubscription(adobeRequest(headers, body)));
          call("validateAdobeSubscription with Headers", () =>
            subkit.validateAdobeSubscription({ ...adobeRequest({}, body), headers: new Map(Object.entries(headers)) }));
        }
        const input = { customerId: "P1005053489", offerId: body ? "65304470CA01012" : 7,
          autoRenewal: { enabled: true }, today: "2025-04-04", anniversaryDate: "2025-04-25" };
        for (const environment of ["production", "sandbox"]) {
          call("buildAdobeSubscription", () => subkit.buildAdobeSubscription(input,
            { environment, accessToken: token, apiKey: key, correlationId: "c-1" }));
        }
        const update = { customerId: "P1005053489", subscriptionId: body ? "8675309" : "a/b",
          autoRenewal: body ?? { enabled: "yes" } };
        for (const headers of [{ Authorization: `Bearer ${token}`, "X-Api-Key": key }, { Authorization: token, "X-Api-Key": key }]) {
          call("validateAdobeSubscriptionUpdate", () => subkit.validateAdobeSubscriptionUpdate(
            { customerId: "P1005053489", subscriptionId: "8675309", body, headers: adobeRequest(headers).headers },
            { status: "1004", today: "2025-04-24", anniversaryDate: "2025-04-25" }));
        }
        call("buildAdobeSubscriptionUpdate", () => subkit.buildAdobeSubscriptionUpdate(update,
          { accessToken: token, apiKey: key, correlationId: "c-1" }));
      }
    }
  }
});

test("a successful build carries the credentials only in its headers", () => {
  const built = subkit.buildRequest("customer_subscriptions", flat, { organization: "acme", accessToken: TOKEN });
  assert.equal(built.valid, true);
  assert.equal(built.request.headers.Authorization, `Bearer ${TOKEN}`);
  assertNoSecret("a built request's other members", { ...built, request: { ...built.request, headers: null } });
});
