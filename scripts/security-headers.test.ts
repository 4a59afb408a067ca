// The CSP in index.html is the one the preview server and the README's deployment headers send.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, devContentSecurityPolicy } from "./security-headers";

it("index.html carries the same policy as the headers, and the dev variant only adds what Vite needs", () => {
  const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");
  const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  expect(SECURITY_HEADERS["Content-Security-Policy"]).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
  expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
  const dev = devContentSecurityPolicy(CONTENT_SECURITY_POLICY);
  expect(dev).toContain("script-src 'self' 'unsafe-inline'");
  expect(dev).toContain("connect-src 'self' ws: wss: https:");
});
