// Maps a path inside one mounted index to the pypi.org endpoint it names (Simple API, files, JSON API).

import { normalizeName } from "./project-name";

export type IndexRoute =
  | { kind: "redirect"; location: string }
  | { kind: "simple-index" }
  | { kind: "simple-project"; name: string }
  | { kind: "file"; filename: string }
  | { kind: "metadata"; filename: string }
  | { kind: "json-project"; name: string }
  | { kind: "json-release"; name: string; version: string }
  | { kind: "not-found" };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * `rest` is the path after the index prefix, e.g. `/simple/Foo/`. Redirect locations are relative to the index
 * (start with `/`). Non-normalised Simple names redirect to the normalised URL, a missing trailing slash is added.
 */
export function routeIndexPath(rest: string): IndexRoute {
  const raw = rest.split("/");
  // raw[0] is "" because rest starts with "/".
  if (raw[0] !== "" || raw.length < 2) return { kind: "not-found" };
  const segs = raw.slice(1).map(decode);
  if (segs.some((s) => s === null)) return { kind: "not-found" };
  const s = segs as string[];
  const [head, a, b, c, d] = s;
  if (head === "simple") {
    if (s.length === 1) return { kind: "redirect", location: "/simple/" };
    if (s.length === 2 && a === "") return { kind: "simple-index" };
    if (s.length === 2 && a) return { kind: "redirect", location: `/simple/${encodeURIComponent(normalizeName(a))}/` };
    if (s.length === 3 && a && b === "") {
      return normalizeName(a) === a ? { kind: "simple-project", name: a } : { kind: "redirect", location: `/simple/${encodeURIComponent(normalizeName(a))}/` };
    }
    return { kind: "not-found" };
  }
  if (head === "files" && s.length === 2 && a) {
    return a.endsWith(".metadata") ? { kind: "metadata", filename: a.slice(0, -".metadata".length) } : { kind: "file", filename: a };
  }
  if (head === "pypi" && a) {
    if (s.length === 3 && b === "json") return { kind: "json-project", name: a };
    if (s.length === 4 && b === "json" && c === "") return { kind: "redirect", location: `/pypi/${encodeURIComponent(a)}/json` };
    if (s.length === 4 && b && c === "json") return { kind: "json-release", name: a, version: b };
    if (s.length === 5 && b && c === "json" && d === "") return { kind: "redirect", location: `/pypi/${encodeURIComponent(a)}/${encodeURIComponent(b)}/json` };
  }
  return { kind: "not-found" };
}
