// The requirements a resolution left out for its target (their marker is false), as comment lines an export keeps so they are not lost silently.
import type { ResolvedResolution } from "./resolved-resolution";

/** One `# skipped on this target: pywin32; sys_platform == "win32"` line per skipped requirement (none when nothing was skipped). */
export function skippedComments(resolution: ResolvedResolution): string[] {
  return (resolution.skipped ?? []).map((s) => `# skipped on this target: ${s.requirement.replace(/[\r\n]+/g, " ")}`);
}
