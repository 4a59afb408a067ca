// The user's requirements left out because their marker is false for the target (or for every environment of a universal resolution): each as PEP 508 and said in one line.
import type { SkippedRequirementDto } from "../api";
import type { RequirementSet } from "../api-input";
import type { Marker, MarkerEnvironment } from "../packaging/markers";
import { parseDependency } from "./parsed-dependency";

/** Where requirements are judged: whether a marker holds somewhere there, and the words for it. */
export interface SkipScope {
  holds: (marker: Marker) => boolean;
  /** "CPython 3.11 on Linux x86_64", or a universal resolution's environments in words. */
  label: string;
}

/** One target: a marker holds when it is true in the target's environment. */
export function targetScope(markerEnv: MarkerEnvironment, label: string): SkipScope {
  return { holds: (marker) => marker.evaluate(markerEnv, []), label };
}

/** Each skipped requirement with its note: "pywin32 (line 3): skipped, sys_platform == "win32" is false for CPython 3.11 on Linux x86_64". */
export function skippedRequirements(input: RequirementSet, scope: SkipScope): SkippedRequirementDto[] {
  const out: SkippedRequirementDto[] = [];
  for (const req of input.requirements) {
    if (req.kind !== "index" || req.marker === null) continue;
    const parsed = parseDependency(req.pep508);
    if (!parsed.ok || !parsed.dependency.marker) continue;
    let holds: boolean;
    try {
      holds = scope.holds(parsed.dependency.marker);
    } catch {
      holds = false;
    }
    if (holds) continue;
    const { displayName, extras, specifier, marker } = parsed.dependency;
    const requirement = `${displayName}${extras.length > 0 ? `[${extras.join(",")}]` : ""}${specifier}; ${marker.toString()}`;
    const where = req.file ? ` (${req.file}, line ${req.line})` : ` (line ${req.line})`;
    out.push({
      requirement,
      ...(req.file ? { file: req.file } : {}),
      line: req.line,
      note: `${req.name}${where}: skipped, ${marker.toString()} is false for ${scope.label}`,
    });
  }
  return out;
}
