// Writes one HTTP response the way the index serves them all: CORS, ETag/If-None-Match, Cache-Control, Content-Length.

import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, X-PyPI-Last-Serial, Content-Length",
};

/** Listings change rarely but may (yanks): a short max-age like PyPI's. */
export const CACHE_LISTING = "max-age=600, public";
/** Files and their metadata never change once uploaded. */
export const CACHE_IMMUTABLE = "max-age=365000000, immutable, public";

export interface ResponseSpec {
  status: number;
  body: Uint8Array | string;
  contentType?: string;
  cacheControl?: string;
  headers?: Record<string, string>;
  /** A known strong validator (e.g. the file's sha256); default: derived from the body for 200 responses. */
  etag?: string;
}

/** `"<hex>"`: a strong ETag from the body's sha256. */
export function bodyEtag(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match: `*` or any listed tag equal under weak comparison. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (t: string): string => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/** Sends the response; returns the number of body bytes written (0 for HEAD and 304). */
export function sendResponse(req: IncomingMessage, res: ServerResponse, spec: ResponseSpec): { bytes: number; notModified: boolean } {
  const body = typeof spec.body === "string" ? new Uint8Array(Buffer.from(spec.body, "utf8")) : spec.body;
  const headers: Record<string, string> = { ...CORS_HEADERS, ...spec.headers };
  if (spec.contentType !== undefined) headers["Content-Type"] = spec.contentType;
  if (spec.cacheControl !== undefined) headers["Cache-Control"] = spec.cacheControl;
  if (spec.status === 200) {
    const etag = spec.etag ?? bodyEtag(body);
    headers.ETag = etag;
    if (etagMatches(req.headers["if-none-match"], etag)) {
      delete headers["Content-Type"];
      res.writeHead(304, headers);
      res.end();
      return { bytes: 0, notModified: true };
    }
  }
  headers["Content-Length"] = String(body.length);
  res.writeHead(spec.status, headers);
  if (req.method === "HEAD") {
    res.end();
    return { bytes: 0, notModified: false };
  }
  res.end(body);
  return { bytes: body.length, notModified: false };
}
