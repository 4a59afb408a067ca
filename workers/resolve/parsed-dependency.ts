// One requirement string from the index or the user, parsed once and kept in the shapes the resolver needs.
import type { Marker } from "../packaging/markers";
import { canonicalizeName } from "../packaging/names";
import type { VersionRange } from "../packaging/ranges";
import { InvalidRequirement, parseRequirement } from "../packaging/requirement";

export interface ParsedDependency {
  /** The requirement exactly as written. */
  text: string;
  /** Canonical project name. */
  name: string;
  /** The name as written. */
  displayName: string;
  /** PEP 685-normalized extras. */
  extras: string[];
  range: VersionRange;
  /** Normalized specifier text ("" = any version). */
  specifier: string;
  marker: Marker | null;
  url: string | null;
  /** The specifier names a pre-release, so pre-releases are allowed for this project (pip's rule). */
  mentionsPrerelease: boolean;
  /** Pinned with `==` (no wildcard) or `===`: yanked releases may be chosen (PEP 592). */
  pinned: boolean;
}

export type ParseOutcome = { ok: true; dependency: ParsedDependency } | { ok: false; message: string };

const cache = new Map<string, ParseOutcome>();

/** Parses a PEP 508 requirement; results are memoized because the same strings recur across releases. */
export function parseDependency(text: string): ParseOutcome {
  let outcome = cache.get(text);
  if (outcome) return outcome;
  try {
    const req = parseRequirement(text);
    const specifiers = req.specifier.specifiers;
    outcome = {
      ok: true,
      dependency: {
        text,
        name: canonicalizeName(req.name),
        displayName: req.name,
        extras: req.extras.map((e) => canonicalizeName(e)),
        range: req.specifier.toRange(),
        specifier: req.specifier.toString(),
        marker: req.marker,
        url: req.url,
        mentionsPrerelease: req.specifier.prereleases === true,
        pinned: specifiers.some((s) => s.operator === "===" || (s.operator === "==" && !s.version.endsWith(".*"))),
      },
    };
  } catch (error) {
    if (!(error instanceof InvalidRequirement)) throw error;
    outcome = { ok: false, message: error.message.split("\n")[0] };
  }
  cache.set(text, outcome);
  return outcome;
}
