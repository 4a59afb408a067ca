// Candidate choice: which of a project's usable versions the resolver tries in a range (pre-releases, yanked, locks, lowest).
import type { PrereleaseMode, ResolutionStrategy } from "../api";
import type { VersionRange } from "../packaging/ranges";
import { compareVersions, type Version } from "../packaging/version";
import type { Candidate } from "./project-candidates";

/** What the requirements seen so far say about one project, plus the options that bear on choosing its version. */
export interface ChoiceRules {
  prerelease: PrereleaseMode;
  /** Some requirement's specifier names a pre-release of this project. */
  explicitPrerelease: boolean;
  /** Some requirement pins this project with `==`/`===` (yanked releases allowed, PEP 592). */
  pinnedByEquals: boolean;
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
 * pip's order of preference among the candidates (newest first) in `range`: a preferred (locked) version, then final
 * releases, then pre-releases if allowed or necessary, yanked only when pinned with `==`.
 */
export function chooseCandidate(candidates: readonly Candidate[], range: VersionRange, rules: ChoiceRules): Candidate | null {
  const mode = rules.prerelease;
  const allowPre = mode === "allow" || (mode === "if-necessary-or-explicit" && rules.explicitPrerelease);
  const inRange: Candidate[] = [];
  for (const c of candidates) if (range.contains(c.version)) inRange.push(c);
  // A preferred (locked) version comes first whenever the range allows it, as uv and Poetry keep locked versions.
  const preferred = rules.preferred;
  if (preferred) {
    const locked = inRange.find((c) => compareVersions(c.version, preferred) === 0);
    if (locked && (locked.yanked === false || rules.pinnedByEquals)) return locked;
  }
  if (rules.lowest) inRange.reverse();
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
