// Reads a Simple API answer as PEP 691 JSON or PEP 503 HTML, by its Content-Type (sniffing the body when it has none).
import { invalidResponse } from "./index-error";
import type { SimplePage } from "./index-types";
import { parseSimpleHtml } from "./simple-html";
import { parseSimpleJson } from "./simple-json";

/** Which parser a Content-Type calls for: `...+json`/`.../json` -> json, `...html` -> html, else null (sniff). */
export function simpleFormat(contentType: string | null): "json" | "html" | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/vnd.pypi.simple.v1+json" || type === "application/vnd.pypi.simple.latest+json" || type === "application/json") return "json";
  if (type === "text/html" || type === "application/vnd.pypi.simple.v1+html" || type === "application/vnd.pypi.simple.latest+html" || type === "application/xhtml+xml") return "html";
  return null;
}

/** Parses a Simple API project page answered from `pageUrl` (the URL after redirects). Throws IndexError. */
export function parseSimplePage(text: string, contentType: string | null, pageUrl: string): SimplePage {
  const declared = simpleFormat(contentType);
  if (declared === "json") return parseSimpleJson(text, pageUrl);
  if (declared === "html") return parseSimpleHtml(text, pageUrl);
  const start = text.trimStart()[0];
  if (start === "{") return parseSimpleJson(text, pageUrl);
  if (start === "<") return parseSimpleHtml(text, pageUrl);
  const what = contentType === null ? "no Content-Type" : `Content-Type ${JSON.stringify(contentType)}`;
  throw invalidResponse(pageUrl, `${what} and a body that is neither JSON nor HTML`);
}
