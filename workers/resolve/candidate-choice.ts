// Candidate choice: which of a project's usable versions the resolver tries in a range (pre-releases, yanked, locks, lowest), by pip's or uv's rules.
import type { PrereleaseMode, ResolutionStrategy, ResolverPolicy } from "../api";
import type { VersionRange } from "../packaging/ranges";
import { compareVersions, type Version } from "../packaging/version";
import type { Candidate } from "./project-candidates";

/** What the requirements seen so far say about one project, plus the options that bear on choosing its version. */
export interface ChoiceRules {
  policy: ResolverPolicy;
  prerelease: PrereleaseMode;
  /** A requirement's specifier names a pre-release of this project (pip: any requirement; uv: a first-party one). */
  explicitPrerelease: boolean;
  /** A requirement pins this project with `==`/`===`, so yanked releases are allowed (PEP 592; pip: any requirement, uv: a first-party one). */
  pinnedByEquals: boolean;
  /** The project has no final release at all (uv then takes its pre-releases). */
  onlyPrereleases: boolean;
  /** The version to try first when the range allows it (a lock's version). */
  preferred: Version | undefined;
  /** Try the lowest version first instead of the highest. */
  lowest: boolean;
}

/** Whether the strategy tries a project's lowest version first (`lowest-direct` only for the user's own requirements). */
export function prefersLowest(strategy: ResolutionStrategy, isDirect: boolean): boolean {
  return strategy === "lowest" || (strategy === "lowest-direct" && isDirect);
}

/**
 * The order of preference among the candidates (newest first) in `range`: a preferred (locked) version, then the first
 * acceptable candidate. pip: final releases, then pre-releases if a specifier names one or nothing final is in range,
 * yanked only when pinned with `==`. uv (`--prerelease if-necessary-or-explicit`, its default): pre-releases only for a
 * project a first-party requirement names a pre-release of, or one with no final release at all, never as a fallback
 * for a range; yanked only when a first-party requirement pins it.
 */
export function chooseCandidate(candidates: readonly Candidate[], range: VersionRange, rules: ChoiceRules): Candidate | null {
  return rules.policy === "uv" ? chooseAsUv(candidates, range, rules) : chooseAsPip(candidates, range, rules);
}

function chooseAsUv(candidates: readonly Candidate[], range: VersionRange, rules: ChoiceRules): Candidate | null {
  const mode = rules.prerelease;
  const allowPre = mode === "allow" || (mode === "if-necessary-or-explicit" && (rules.explicitPrerelease || rules.onlyPrereleases));
  const inRange = candidatesIn(candidates, range, rules);
  if (!Array.isArray(inRange)) return inRange;
  return inRange.find((c) => (c.yanked === false || rules.pinnedByEquals) && (allowPre || !c.version.isPrerelease)) ?? null;
}

/** The candidates in range in the order they are tried, or the preferred (locked) one when the range allows it. */
function candidatesIn(candidates: readonly Candidate[], range: VersionRange, rules: ChoiceRules): Candidate[] | Candidate {
  const inRange: Candidate[] = [];
  for (const c of candidates) if (range.contains(c.version)) inRange.push(c);
  // A preferred (locked) version comes first whenever the range allows it, as uv and Poetry keep locked versions.
  const preferred = rules.preferred;
  if (preferred) {
    const locked = inRange.find((c) => compareVersions(c.version, preferred) === 0);
    if (locked && (locked.yanked === false || rules.pinnedByEquals)) return locked;
  }
  if (rules.lowest) inRange.reverse();
  return inRange;
}

function chooseAsPip(candidates: readonly Candidate[], range: VersionRange, rules: ChoiceRules): Candidate | null {
  const mode = rules.prerelease;
  const allowPre = mode === "allow" || (mode === "if-necessary-or-explicit" && rules.explicitPrerelease);
  const inRange = candidatesIn(candidates, range, rules);
  if (!Array.isArray(inRange)) return inRange;
  const first = (accept: (c: Candidate) => boolean) => inRange.find(accept) ?? null;
  const unyanked = (c: Candidate) => c.yanked === false;
  let chosen = first((c) => unyanked(c) && (allowPre || !c.version.isPrerelease));
  if (!chosen && mode === "if-necessary-or-explicit") chosen = first(unyanked);
  if (!chosen && rules.pinnedByEquals) {
    chosen = first((c) => mode !== "disallow" || !c.version.isPrerelease);
  }
  return chosen;
}

/** The warning shown when a yanked version is chosen (only ever because it is pinned with `==`). */
export function yankedWarning(name: string, chosen: Candidate): string | null {
  if (chosen.yanked === false) return null;
  return `${name} ${chosen.version} is yanked${chosen.yanked ? `: ${chosen.yanked}` : ""}; chosen because it is pinned with ==`;
}
