// Groups packages by the licence they state (as the worker read it), for the licence view and its CSV export.
import type { PackageFactsDto } from "../../../workers/api-audit";

export interface LicenceGroup {
  label: string;
  kind: PackageFactsDto["licence"]["kind"];
  permissive: boolean;
  packages: { name: string; version: string }[];
}

/** Groups by label, largest group first, "not stated" last; `onlyOther` keeps what is not MIT, BSD or Apache. */
export function licenceGroups(facts: readonly PackageFactsDto[], onlyOther: boolean): LicenceGroup[] {
  const groups = new Map<string, LicenceGroup>();
  for (const f of facts) {
    if (onlyOther && f.licence.permissive) continue;
    const key = `${f.licence.kind}|${f.licence.label}`;
    let group = groups.get(key);
    if (!group) {
      group = { label: f.licence.label, kind: f.licence.kind, permissive: f.licence.permissive, packages: [] };
      groups.set(key, group);
    }
    group.packages.push({ name: f.name, version: f.version });
  }
  const rank = (g: LicenceGroup) => (g.kind === "not-stated" ? 1 : 0);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.packages.length - a.packages.length || a.label.localeCompare(b.label));
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `name,version,licence,source` with the licence exactly as stated (the full free text, not the short label). */
export function licenceCsv(facts: readonly PackageFactsDto[]): string {
  const rows = [["name", "version", "licence", "source"]];
  for (const f of [...facts].sort((a, b) => a.name.localeCompare(b.name))) {
    const l = f.licence;
    const text = l.kind === "expression" ? l.expression : l.kind === "classifiers" ? l.classifiers.join("; ") : l.kind === "text" ? l.text : "";
    const source = l.kind === "expression" ? "License-Expression" : l.kind === "classifiers" ? "classifiers" : l.kind === "text" ? "License field (free text)" : "not stated";
    rows.push([f.name, f.version, text, source]);
  }
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}
