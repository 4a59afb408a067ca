// The JSON report of a resolution: the CLI's `--format json` shape, also offered as a download; like `pip install --report`, it says what it was resolved for.
import type { DistributionFileDto, Resolution, ResolveRequest, ResolveStats, SkippedRequirementDto, UniversalScopeDto } from "../../api";
import type { AuditReportDto } from "../../api-audit";
import { markerEnvironment } from "../../packaging/environment";
import type { MarkerEnvironment } from "../../packaging/markers";
import { chosenFile } from "./chosen-file";

/** What the resolution answered (pip's report: `environment`, the index, the requirements given). */
export interface JsonReportRequest {
  /** The target's marker values, as pip's report lists them. */
  environment: MarkerEnvironment;
  indexUrl: string;
  extraIndexUrls: string[];
  input: { fileName: string | null; format: string | null; extras: string[]; groups: string[] };
  constraints: string[];
  overrides: string[];
  excludeNewer: string | null;
}

export interface JsonReport {
  status: "resolved" | "unsatisfiable" | "error";
  /** Present when the request is known (the CLI and the page always pass it). */
  request?: JsonReportRequest;
  /** A universal resolution: the Python range, platforms, environments and forks it covered. */
  universal?: UniversalScopeDto;
  packages: {
    /** Unique key when the name appears at several versions (universal); see ResolvedPackageDto.id. */
    id?: string;
    name: string;
    version: string;
    /** Universal: the PEP 508 marker of the environments where it is installed (absent: all of them). */
    marker?: string;
    extras: string[];
    direct: boolean;
    /** As pip's report: the user asked for it (a direct requirement), rather than something else needing it. */
    requested: boolean;
    /** Universal: where your requirements ask for it, when narrower than `marker` (see ResolvedPackageDto.directMarker). */
    directMarker?: string;
    /**
     * The file an installer takes for the target (pip's `download_info`: the best-ranked compatible wheel, else the
     * sdist), with its URL and hashes; null when the request is unknown, no file fits the target, or the resolution is universal
     * (no one target: pylock.toml lists every file).
     */
    file: Pick<DistributionFileDto, "filename" | "url" | "hashes"> | null;
    dependencies: { name: string; specifier: string; marker: string | null; environmentMarker?: string; targets?: string[] }[];
    dependents: string[];
    warnings: string[];
    /** With an audit: the licence as stated (SPDX expression, classifiers, or the free text), "not stated" when none. */
    licence?: string;
    /** With an audit: the ids of the advisories that affect this release; null when the index gives no vulnerability data. */
    vulnerabilities?: string[] | null;
  }[];
  /** Your requirements left out because their marker is false for the target (PEP 508, with where they were written). */
  skipped: Pick<SkippedRequirementDto, "requirement" | "file" | "line">[];
  explanation?: string;
  suggestions?: string[];
  /** Unsatisfiable only: true when the ways-out search ran out of its budget, so more ways out may exist than `suggestions` lists. */
  waysOutIncomplete?: boolean;
  error?: { kind: string; message: string };
  diagnostics: { severity: string; message: string; line: number; column: number }[];
  warnings: string[];
  stats: ResolveStats;
}

function requestOf(request: ResolveRequest): JsonReportRequest {
  return {
    environment: markerEnvironment(request.target),
    indexUrl: request.indexUrl,
    extraIndexUrls: [...request.extraIndexUrls],
    input: { fileName: request.input.fileName ?? null, format: request.input.format ?? null, extras: [...(request.input.extras ?? [])], groups: [...(request.input.groups ?? [])] },
    constraints: [...request.constraints],
    overrides: [...request.overrides],
    excludeNewer: request.excludeNewer,
  };
}

/** The report; with `audit` (the page's, once loaded), each package also carries its licence and vulnerability ids. */
export function formatJsonReport(resolution: Resolution, request?: ResolveRequest, audit?: AuditReportDto): JsonReport {
  const report: JsonReport = {
    status: resolution.status,
    ...(request ? { request: requestOf(request) } : {}),
    packages: [],
    skipped: resolution.status === "error" ? [] : (resolution.skipped ?? []).map((s) => ({ requirement: s.requirement, ...(s.file === undefined ? {} : { file: s.file }), line: s.line })),
    diagnostics: resolution.diagnostics,
    warnings: resolution.warnings,
    stats: resolution.stats,
  };
  if (resolution.status === "resolved") {
    const facts = new Map(audit?.packages.map((f) => [`${f.name}==${f.version}`, f]));
    if (resolution.universal) report.universal = resolution.universal;
    report.packages = resolution.packages.map((p) => ({
      ...(p.id !== undefined ? { id: p.id } : {}),
      name: p.name,
      version: p.version,
      ...(p.marker !== undefined ? { marker: p.marker } : {}),
      extras: p.extras,
      direct: p.direct,
      requested: p.direct,
      ...(p.directMarker !== undefined ? { directMarker: p.directMarker } : {}),
      file: resolution.universal ? null : fileFor(p.files, request),
      dependencies: p.dependencies.map((d) => ({
        name: d.name,
        specifier: d.specifier,
        marker: d.marker,
        ...(d.environmentMarker !== undefined ? { environmentMarker: d.environmentMarker } : {}),
        ...(d.targets !== undefined ? { targets: d.targets } : {}),
      })),
      dependents: p.dependents,
      warnings: p.warnings,
      ...auditFields(facts.get(`${p.name}==${p.version}`)),
    }));
  } else if (resolution.status === "unsatisfiable") {
    if (resolution.universal) report.universal = resolution.universal;
    report.explanation = resolution.explanation;
    report.suggestions = resolution.suggestions.map((s) => s.title);
    report.waysOutIncomplete = resolution.waysOutIncomplete === true;
  } else {
    report.error = { kind: resolution.error.kind, message: resolution.error.message };
  }
  return report;
}

function fileFor(files: readonly DistributionFileDto[], request: ResolveRequest | undefined): JsonReport["packages"][number]["file"] {
  const file = request ? chosenFile(files, request.target) : null;
  return file === null ? null : { filename: file.filename, url: file.url, hashes: { ...file.hashes } };
}

function auditFields(facts: AuditReportDto["packages"][number] | undefined): Pick<JsonReport["packages"][number], "licence" | "vulnerabilities"> {
  if (facts === undefined) return {};
  const l = facts.licence;
  const licence = l.kind === "expression" ? l.expression : l.kind === "classifiers" ? l.classifiers.join("; ") : l.kind === "text" ? l.text : l.label;
  return { licence, vulnerabilities: facts.vulnerabilities?.map((v) => v.id) ?? null };
}
