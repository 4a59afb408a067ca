// The JSON report of a resolution: the CLI's `--format json` shape, also offered as a download.
import type { Resolution, ResolveStats } from "../../api";

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
  }[];
  explanation?: string;
  suggestions?: string[];
  error?: { kind: string; message: string };
  diagnostics: { severity: string; message: string; line: number; column: number }[];
  warnings: string[];
  stats: ResolveStats;
}

export function formatJsonReport(resolution: Resolution): JsonReport {
  const report: JsonReport = {
    status: resolution.status,
    packages: [],
    diagnostics: resolution.diagnostics,
    warnings: resolution.warnings,
    stats: resolution.stats,
  };
  if (resolution.status === "resolved") {
    report.packages = resolution.packages.map((p) => ({
      name: p.name,
      version: p.version,
      extras: p.extras,
      direct: p.direct,
      dependencies: p.dependencies.map((d) => ({ name: d.name, specifier: d.specifier, marker: d.marker })),
      dependents: p.dependents,
      warnings: p.warnings,
    }));
  } else if (resolution.status === "unsatisfiable") {
    report.explanation = resolution.explanation;
    report.suggestions = resolution.suggestions.map((s) => s.title);
  } else {
    report.error = { kind: resolution.error.kind, message: resolution.error.message };
  }
  return report;
}
