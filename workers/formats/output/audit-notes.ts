// The audit's facts about one resolved package as short comment texts for exports that can carry comments.
import type { ResolvedPackageDto } from "../../api";
import type { AuditReportDto } from "../../api-audit";

/** "licence: MIT License" and, when the release has advisories, "vulnerabilities: PYSEC-..., ..." (single lines). */
export function auditNotes(pkg: ResolvedPackageDto, audit: AuditReportDto | undefined): string[] {
  const facts = audit?.packages.find((f) => f.name === pkg.name && f.version === pkg.version);
  if (!facts) return [];
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ");
  const notes = [`licence: ${oneLine(facts.licence.label)}`];
  if (facts.vulnerabilities === null) notes.push("vulnerabilities: not available from this index");
  else if (facts.vulnerabilities.length > 0) notes.push(`vulnerabilities: ${facts.vulnerabilities.map((v) => oneLine(v.id)).join(", ")}`);
  return notes;
}
