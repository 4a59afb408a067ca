// The JSON report of a resolution: the CLI's `--format json` shape, also offered as a download.
import type { Resolution, ResolveStats } from "../../api";
import type { AuditReportDto } from "../../api-audit";

export interface JsonReport {
  status: "resolved" | "unsatisfiable" | "error";
  packages: {
    name: string;
    version: string;
    extras: string[];
    direct: boolean;
    dependencies: { name: string; specifier: string; marker: string | null }[];
    dependents: string[];
    warnings: string[];
    /** With an audit: the licence as stated (SPDX expression, classifiers, or the free text), "not stated" when none. */
    licence?: string;
    /** With an audit: the ids of the advisories that affect this release; null when the index gives no vulnerability data. */
    vulnerabilities?: string[] | null;
  }[];
  explanation?: string;
  suggestions?: string[];
  error?: { kind: string; message: string };
  diagnostics: { severity: string; message: string; line: number; column: number }[];
  warnings: string[];
  stats: ResolveStats;
}

/** The report; with `audit` (the page's, once loaded), each package also carries its licence and vulnerability ids. */
export function formatJsonReport(resolution: Resolution, audit?: AuditReportDto): JsonReport {
  const report: JsonReport = {
    status: resolution.status,
    packages: [],
    diagnostics: resolution.diagnostics,
    warnings: resolution.warnings,
    stats: resolution.stats,
  };
  if (resolution.status === "resolved") {
    const facts = new Map(audit?.packages.map((f) => [`${f.name}==${f.version}`, f]));
    report.packages = resolution.packages.map((p) => ({
      name: p.name,
      version: p.version,
      extras: p.extras,
      direct: p.direct,
      dependencies: p.dependencies.map((d) => ({ name: d.name, specifier: d.specifier, marker: d.marker })),
      dependents: p.dependents,
      warnings: p.warnings,
      ...auditFields(facts.get(`${p.name}==${p.version}`)),
    }));
  } else if (resolution.status === "unsatisfiable") {
    report.explanation = resolution.explanation;
    report.suggestions = resolution.suggestions.map((s) => s.title);
  } else {
    report.error = { kind: resolution.error.kind, message: resolution.error.message };
  }
  return report;
}

function auditFields(facts: AuditReportDto["packages"][number] | undefined): Pick<JsonReport["packages"][number], "licence" | "vulnerabilities"> {
  if (facts === undefined) return {};
  const l = facts.licence;
  const licence = l.kind === "expression" ? l.expression : l.kind === "classifiers" ? l.classifiers.join("; ") : l.kind === "text" ? l.text : l.label;
  return { licence, vulnerabilities: facts.vulnerabilities?.map((v) => v.id) ?? null };
}
