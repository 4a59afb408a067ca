// The page's Content-Security-Policy and the headers a static host should send with the built app (the preview server sends them too).

/**
 * The policy as index.html carries it (a meta tag, since the app is static). Scripts, workers and styles come from
 * the page's own origin only; `connect-src` allows the same origin (the bundled offline snapshot) and any https
 * index the user picks, plus http on loopback for a local index (`npm run index`). Styles allow 'unsafe-inline'
 * because CodeMirror injects its theme as <style> elements; no inline script is allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** What a static host should add as HTTP headers (a meta tag cannot say frame-ancestors, and workers obey only headers). */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** The dev server's policy: Vite's React refresh needs one inline script and a websocket; everything else as built. */
export function devContentSecurityPolicy(policy: string): string {
  return policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:");
}
