// PEP 440 version parsing just deep enough to order releases, detect pre-releases and normalise filenames.

const VERSION_PATTERN = new RegExp(
  "^\\s*v?" +
    "(?:(?<epoch>[0-9]+)!)?" +
    "(?<release>[0-9]+(?:\\.[0-9]+)*)" +
    "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?" +
    "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?" +
    "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?" +
    "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?" +
    "\\s*$",
  "i",
);

/** A parsed PEP 440 version; numbers are kept as digit strings without leading zeros (they can be huge). */
export interface ParsedVersion {
  epoch: string;
  release: string[];
  pre: { letter: "a" | "b" | "rc"; n: string } | null;
  post: string | null;
  dev: string | null;
  local: string[] | null;
}

function num(s: string | undefined): string {
  const t = (s ?? "0").replace(/^0+/, "");
  return t === "" ? "0" : t;
}

const parseCache = new Map<string, ParsedVersion | null>();
const PARSE_CACHE_LIMIT = 200_000;

/** Parses a PEP 440 version, or returns null when the string is not a valid version (memoised: sorts parse a lot). */
export function parseVersion(text: string): ParsedVersion | null {
  let v = parseCache.get(text);
  if (v === undefined) {
    v = parseUncached(text);
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    parseCache.set(text, v);
  }
  return v;
}

function parseUncached(text: string): ParsedVersion | null {
  const m = VERSION_PATTERN.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  let pre: ParsedVersion["pre"] = null;
  if (g.pre !== undefined) {
    const l = (g.preL ?? "").toLowerCase();
    const letter = l === "alpha" || l === "a" ? "a" : l === "beta" || l === "b" ? "b" : "rc";
    pre = { letter, n: num(g.preN) };
  }
  const post = g.post !== undefined ? num(g.postN1 ?? g.postN2) : null;
  const dev = g.dev !== undefined ? num(g.devN) : null;
  const local = g.local !== undefined ? g.local.toLowerCase().split(/[-_.]/) : null;
  return { epoch: num(g.epoch), release: (g.release ?? "0").split(".").map((p) => num(p)), pre, post, dev, local };
}

/** The canonical string of a valid version (what packaging's `str(Version(v))` gives), else the input unchanged. */
export function normalizeVersion(text: string): string {
  const v = parseVersion(text);
  if (v === null) return text;
  let out = v.epoch !== "0" ? `${v.epoch}!` : "";
  out += v.release.join(".");
  if (v.pre) out += `${v.pre.letter}${v.pre.n}`;
  if (v.post !== null) out += `.post${v.post}`;
  if (v.dev !== null) out += `.dev${v.dev}`;
  if (v.local !== null) out += `+${v.local.map((p) => (/^[0-9]+$/.test(p) ? num(p) : p)).join(".")}`;
  return out;
}

/** True for versions with a pre-release or dev-release segment (PEP 440 "pre-release"). */
export function isPrerelease(text: string): boolean {
  const v = parseVersion(text);
  return v !== null && (v.pre !== null || v.dev !== null);
}

function cmpNum(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const PRE_RANK = { a: 0, b: 1, rc: 2 } as const;

function cmpRelease(a: string[], b: string[]): number {
  const strip = (r: string[]): string[] => {
    let n = r.length;
    while (n > 1 && r[n - 1] === "0") n--;
    return r.slice(0, n);
  };
  const x = strip(a);
  const y = strip(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const c = cmpNum(x[i] ?? "0", y[i] ?? "0");
    if (c !== 0) return c;
  }
  return 0;
}

/** Pre-release rank: a dev-only release sorts below its pre-releases, a final release above them. */
function preKey(v: ParsedVersion): [number, number, string] {
  if (v.pre === null && v.post === null && v.dev !== null) return [-1, 0, "0"];
  if (v.pre === null) return [1, 0, "0"];
  return [0, PRE_RANK[v.pre.letter], v.pre.n];
}

function cmpLocal(a: string[] | null, b: string[] | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    const c = xn && yn ? cmpNum(num(x), num(y)) : xn !== yn ? (xn ? 1 : -1) : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

function cmpParsed(a: ParsedVersion, b: ParsedVersion): number {
  let c = cmpNum(a.epoch, b.epoch) || cmpRelease(a.release, b.release);
  if (c !== 0) return c;
  const pa = preKey(a);
  const pb = preKey(b);
  c = pa[0] - pb[0] || pa[1] - pb[1] || cmpNum(pa[2], pb[2]);
  if (c !== 0) return c;
  if (a.post !== b.post) {
    if (a.post === null || b.post === null) return a.post === null ? -1 : 1;
    c = cmpNum(a.post, b.post);
    if (c !== 0) return c;
  }
  if (a.dev !== b.dev) {
    if (a.dev === null || b.dev === null) return a.dev === null ? 1 : -1;
    c = cmpNum(a.dev, b.dev);
    if (c !== 0) return c;
  }
  return cmpLocal(a.local, b.local);
}

/** Total order for release listings: invalid versions first (by string), then PEP 440 order, ties by string. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa === null || pb === null) {
    if (pa !== pb) return pa === null ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const c = cmpParsed(pa, pb);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when both strings are valid versions that PEP 440 considers equal (e.g. `1.0` and `1.0.0`). */
export function versionsEqual(a: string, b: string): boolean {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  return pa !== null && pb !== null && cmpParsed(pa, pb) === 0;
}
