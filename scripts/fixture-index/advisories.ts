// The advisories the fixture index serves under `vulnerabilities`: the bundled PyPI advisory database matched to each release.
import { loadAdvisoryDatabase } from "../../workers/audit/advisory-database";
import type { OsvAdvisory } from "../../workers/audit/osv-advisory";
import { isVulnerable } from "../../workers/audit/osv-match";
import { toPypiVulnerability, type PypiVulnerability } from "../../workers/audit/pypi-vulnerability";
import { normalizeName } from "./project-name";

let byProject: Map<string, OsvAdvisory[]> | null = null;

/** Advisories by normalised project name, read from scripts/data/advisories on first use (about 5 MB, once per process). */
function advisoriesByProject(): Map<string, OsvAdvisory[]> {
  if (byProject === null) {
    byProject = new Map();
    for (const advisory of loadAdvisoryDatabase()) {
      for (const affected of advisory.affected) {
        if (affected.package.ecosystem !== "PyPI") continue;
        const key = normalizeName(affected.package.name);
        const list = byProject.get(key) ?? [];
        if (!list.includes(advisory)) list.push(advisory);
        byProject.set(key, list);
      }
    }
  }
  return byProject;
}

/** What pypi.org would list for this release, withdrawn advisories included (with their `withdrawn` time), in database order. */
export function releaseVulnerabilities(project: string, version: string): PypiVulnerability[] {
  const key = normalizeName(project);
  return (advisoriesByProject().get(key) ?? []).filter((a) => isVulnerable(a, key, version)).map((a) => toPypiVulnerability(a, key));
}
