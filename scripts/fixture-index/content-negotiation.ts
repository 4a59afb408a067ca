// PEP 691 content negotiation for the Simple API: Accept header with q-values, or the `format` URL parameter.

export const SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
export const SIMPLE_HTML_V1 = "application/vnd.pypi.simple.v1+html";
export const TEXT_HTML = "text/html";

/** The server's offers, most preferred first: on a q-value tie HTML wins, as in warehouse (so a bare wildcard Accept gets HTML). */
const OFFERS = [TEXT_HTML, SIMPLE_HTML_V1, SIMPLE_JSON] as const;
export type SimpleContentType = (typeof OFFERS)[number];

/** PEP 691's `latest` aliases name the newest concrete version; the response still says `v1`. */
const ALIASES: Record<string, string> = {
  "application/vnd.pypi.simple.latest+json": SIMPLE_JSON,
  "application/vnd.pypi.simple.latest+html": SIMPLE_HTML_V1,
};

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(",")) {
    const [media = "", ...params] = part.split(";").map((s) => s.trim());
    const full = ALIASES[media.toLowerCase()] ?? media.toLowerCase();
    const slash = full.indexOf("/");
    if (slash <= 0 || slash === full.length - 1) continue;
    let q = 1;
    let valid = true;
    for (const p of params) {
      const [k = "", v = ""] = p.split("=").map((s) => s.trim());
      if (k.toLowerCase() === "q") {
        if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(v)) valid = false;
        else q = Number(v);
      }
    }
    if (valid) ranges.push({ type: full.slice(0, slash), subtype: full.slice(slash + 1), q });
  }
  return ranges;
}

/** The q-value the most specific matching range gives an offer (RFC 9110 section 12.5.1), or -1 if none matches. */
function qualityOf(offer: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = offer.split("/");
  let best = -1;
  let specificity = -1;
  for (const r of ranges) {
    let s = -1;
    if (r.type === type && r.subtype === subtype) s = 2;
    else if (r.type === type && r.subtype === "*") s = 1;
    else if (r.type === "*" && r.subtype === "*") s = 0;
    if (s > specificity || (s === specificity && r.q > best)) {
      specificity = s;
      best = r.q;
    }
  }
  return specificity < 0 ? -1 : best;
}

/**
 * Picks the Simple API representation. `format` (PEP 691's optional URL parameter) wins when it names a supported
 * type; otherwise the highest q-value offer, ties broken by server preference (text/html, v1 HTML, v1 JSON).
 * No Accept header, or nothing acceptable, gives `text/html` (PEP 691 lets a server pick a default; PyPI does this).
 */
export function negotiateSimple(accept: string | undefined, format?: string | null): SimpleContentType {
  if (format) {
    const f = ALIASES[format.toLowerCase()] ?? format.toLowerCase();
    const hit = OFFERS.find((o) => o === f);
    if (hit) return hit;
  }
  if (accept === undefined || accept.trim() === "") return TEXT_HTML;
  const ranges = parseAccept(accept);
  let chosen: SimpleContentType = TEXT_HTML;
  let bestQ = 0;
  for (const offer of OFFERS) {
    const q = qualityOf(offer, ranges);
    if (q > bestQ) {
      bestQ = q;
      chosen = offer;
    }
  }
  return chosen;
}

/** The Content-Type header sent for a negotiated representation. */
export function contentTypeHeader(t: SimpleContentType): string {
  return t === TEXT_HTML ? "text/html; charset=utf-8" : t;
}
