// Adding `extra == "x"` markers to requirement strings and reading the extras back out of them.

/** Splits a PEP 508 string into the requirement and its marker (`null` when it has none). */
function splitMarker(req: string): [string, string | null] {
  // A URL requirement needs whitespace before its `;`; a plain one may not (`six;python_version<"3"`).
  const at = req.includes("@") ? req.search(/\s;/) : req.indexOf(";");
  if (at < 0) return [req.trim(), null];
  const semi = req.indexOf(";", at);
  return [req.slice(0, semi).trim(), req.slice(semi + 1).trim()];
}

/** `dep` -> `dep; extra == "x"`, `dep; m` -> `dep; (m) and extra == "x"` (the form setuptools writes). */
export function withExtraMarker(req: string, extra: string): string {
  const [base, marker] = splitMarker(req);
  const cond = `extra == "${extra}"`;
  return marker === null || marker === "" ? `${base}; ${cond}` : `${base}; (${marker}) and ${cond}`;
}

const EXTRA_IN_MARKER = /\bextra\s*==\s*(?:"([^"]*)"|'([^']*)')/g;

/** The extras named by `extra == "x"` comparisons in a requirement's marker, in order of appearance. */
export function extrasOf(req: string): string[] {
  const marker = splitMarker(req)[1];
  if (marker === null) return [];
  return [...marker.matchAll(EXTRA_IN_MARKER)].map((m) => m[1] ?? m[2] ?? "");
}

/** Every extra a release provides, in order of first mention (for `Provides-Extra` and `provides_extra`). */
export function providedExtras(requiresDist: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of requiresDist) for (const e of extrasOf(r)) seen.add(e);
  return [...seen];
}
