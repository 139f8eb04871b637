// Next.js's documented set-up for a strict CSP (its own requirement for any strict CSP,
// not subkit's): a fresh nonce per request in the Content-Security-Policy header, which
// Next.js reads back and puts on its scripts. Beyond the nonce, the policy is the one
// of scripts/serve.mjs, 'wasm-unsafe-eval' included.
import { NextResponse } from "next/server";

export function proxy(request) {
  const nonce = btoa(crypto.randomUUID());
  const csp = "default-src 'self'; " +
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; ` +
    `style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{
    source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
    missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }],
  }],
};
