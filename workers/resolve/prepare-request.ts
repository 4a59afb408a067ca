// Checks and parses a resolve request: target, input file, constraints, overrides, pins, into solver-ready options.
import type { InputDiagnosticDto, ResolveRequest } from "../api";
import { parseInput } from "../formats/input/parse-input";
import type { InputRequirement, RequirementSet } from "../api-input";
import { describeTargetEnvironment, markerEnvironment, parseTargetEnvironment, type TargetEnvironment } from "../packaging/environment";
import type { MarkerEnvironment } from "../packaging/markers";
import { canonicalizeName } from "../packaging/names";
import { VersionRange } from "../packaging/ranges";
import { parseVersion, tryParseVersion, type Version } from "../packaging/version";
import { parseDependency, type ParsedDependency } from "./parsed-dependency";
import type { ResolveOptions } from "./resolve-options";

/** A request that has been checked: the options, the user's root requirements and the input diagnostics. */
export interface PreparedRequest {
  options: ResolveOptions;
  roots: ParsedDependency[];
  /** Where each root requirement was written (same order as `roots`). */
  rootSources: InputRequirement[];
  diagnostics: InputDiagnosticDto[];
  input: RequirementSet;
  /** The input as the user gave it (text, format, files), for native edits of it. */
  source: ResolveRequest["input"];
}

function located(line: number, column: number, file: string | undefined, message: string): string {
  return `${file ? `${file}, ` : ""}line ${line}, column ${column}: ${message}`;
}

function toDependency(req: InputRequirement, diagnostics: InputDiagnosticDto[]): ParsedDependency | null {
  const parsed = parseDependency(req.pep508);
  if (!parsed.ok) {
    diagnostics.push({ severity: "error", message: located(req.line, req.column, req.file, parsed.message), line: req.line, column: req.column });
    return null;
  }
  const dep: ParsedDependency = { ...parsed.dependency, text: req.text.trim() };
  if (req.allowPrereleases) dep.mentionsPrerelease = true;
  // A Poetry `||` union: the requirement allows the union of its alternatives (the PEP 508 text holds the first).
  if (req.alternatives && req.alternatives.length > 1) {
    for (const alternative of req.alternatives.slice(1)) {
      const other = parseDependency(`${req.name}${alternative}`);
      if (other.ok) dep.range = dep.range.union(other.dependency.range);
    }
  }
  return dep;
}

/** Requirement texts (constraint or override files) -> parsed requirements, with located diagnostics. */
function requirementsOf(texts: readonly string[], label: string, diagnostics: InputDiagnosticDto[]): ParsedDependency[] {
  const out: ParsedDependency[] = [];
  for (const text of texts) {
    const set = parseInput(text, { format: "requirements.txt" });
    for (const d of set.diagnostics) diagnostics.push({ severity: d.severity, message: `${label}: ${d.message}`, line: d.line, column: d.column });
    for (const req of [...set.requirements, ...set.constraints]) {
      if (req.kind !== "index") continue;
      const dep = toDependency(req, diagnostics);
      if (dep) out.push(dep);
    }
  }
  return out;
}

type TargetFacts =
  | { ok: true; target: TargetEnvironment; markerEnv: MarkerEnvironment; python: Version; targetLabel: string }
  | { ok: false; message: string };

/** A target's marker environment, interpreter version and label, computed once per distinct target. */
const targetFacts = new Map<string, TargetFacts>();

function factsOf(input: ResolveRequest["target"]): TargetFacts {
  const key = JSON.stringify(input);
  let facts = targetFacts.get(key);
  if (!facts) {
    const parsed = parseTargetEnvironment(input);
    if (!parsed.ok) facts = { ok: false, message: parsed.message };
    else {
      const markerEnv = markerEnvironment(parsed.target);
      facts = { ok: true, target: parsed.target, markerEnv, python: parseVersion(markerEnv.python_full_version), targetLabel: describeTargetEnvironment(parsed.target) };
    }
    if (targetFacts.size > 64) targetFacts.clear();
    targetFacts.set(key, facts);
  }
  return facts;
}

/** Preferred versions by canonical name; unparsable versions are ignored (they can match no candidate). */
function preferencesOf(preferences: Record<string, string> | undefined): Map<string, Version> {
  const out = new Map<string, Version>();
  for (const [name, text] of Object.entries(preferences ?? {})) {
    const version = tryParseVersion(text);
    if (version) out.set(canonicalizeName(name), version);
  }
  return out;
}

export type PrepareOutcome = { ok: true; prepared: PreparedRequest } | { ok: false; message: string; diagnostics: InputDiagnosticDto[] };

/** Checks and parses everything the user gave; errors a person can cause come back located, never thrown. */
export function prepareRequest(request: ResolveRequest): PrepareOutcome {
  const diagnostics: InputDiagnosticDto[] = [];
  const targetFacts = factsOf(request.target);
  if (!targetFacts.ok) return { ok: false, message: `Invalid target environment: ${targetFacts.message}`, diagnostics };
  const { target, markerEnv, python, targetLabel } = targetFacts;

  const input = parseInput(request.input.text, {
    format: request.input.format,
    fileName: request.input.fileName,
    files: request.input.files,
    extras: request.input.extras,
    groups: request.input.groups,
  });
  for (const d of input.diagnostics) diagnostics.push({ severity: d.severity, message: d.message, line: d.line, column: d.column });

  const roots: ParsedDependency[] = [];
  const rootSources: InputRequirement[] = [];
  for (const req of input.requirements) {
    if (req.kind !== "index") continue;
    const dep = toDependency(req, diagnostics);
    if (!dep) continue;
    // A universal resolution keeps every requirement: each fork reads the markers for its own environments.
    if (!request.universal && dep.marker && !dep.marker.evaluate(markerEnv, [])) continue;
    roots.push(dep);
    rootSources.push(req);
  }
  const constraints = new Map<string, VersionRange>();
  const narrow = (name: string, range: VersionRange) => constraints.set(name, (constraints.get(name) ?? VersionRange.full()).intersect(range));
  const constraintDeps = [
    ...input.constraints.filter((c) => c.kind === "index").map((c) => toDependency(c, diagnostics)),
    ...requirementsOf(request.constraints, "constraints", diagnostics),
  ];
  // A universal resolution applies a marked constraint or override only in the forks where its marker holds.
  const markedConstraints: ParsedDependency[] = [];
  for (const c of constraintDeps) {
    if (c && c.marker && request.universal) markedConstraints.push(c);
    else if (c && (!c.marker || c.marker.evaluate(markerEnv, []))) narrow(c.name, c.range);
  }
  const fileConstraints = new Map(constraints);
  const whatIfPins = new Map<string, string>();
  for (const [name, specifier] of Object.entries(request.pins)) {
    const pin = parseDependency(`${name}${specifier}`);
    if (!pin.ok) return { ok: false, message: `Invalid pin "${name}${specifier}": ${pin.message}`, diagnostics };
    narrow(pin.dependency.name, pin.dependency.range);
    whatIfPins.set(pin.dependency.name, pin.dependency.specifier || specifier);
  }
  const overrides = new Map<string, ParsedDependency>();
  const markedOverrides: ParsedDependency[] = [];
  for (const o of requirementsOf(request.overrides, "overrides", diagnostics)) {
    if (o.marker && request.universal) markedOverrides.push(o);
    else if (!o.marker || o.marker.evaluate(markerEnv, [])) overrides.set(o.name, o);
  }

  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const message = errors.length === 1 ? errors[0].message : `${errors.length} errors in the input; the first: ${errors[0].message}`;
    return { ok: false, message, diagnostics };
  }

  const excludeNewer = request.excludeNewer ? Date.parse(request.excludeNewer) : null;
  if (excludeNewer !== null && Number.isNaN(excludeNewer)) {
    return { ok: false, message: `Invalid exclude-newer date "${request.excludeNewer}": expected an RFC 3339 timestamp such as 2024-05-01T00:00:00Z`, diagnostics };
  }
  const prerelease = input.pre && request.prerelease === "if-necessary-or-explicit" ? "allow" : request.prerelease;
  const options: ResolveOptions = {
    target,
    markerEnv,
    python,
    targetLabel,
    resolution: request.resolution,
    prerelease,
    policy: request.policy ?? "pip",
    excludeNewer,
    unknownDependencies: request.unknownDependencies,
    constraints,
    overrides,
    excluded: new Set(request.excluded.map((name) => canonicalizeName(name))),
    whatIfPins,
    fileConstraints,
    preferences: preferencesOf(request.preferences),
  };
  if (markedConstraints.length > 0) options.markedConstraints = markedConstraints;
  if (markedOverrides.length > 0) options.markedOverrides = markedOverrides;
  return { ok: true, prepared: { options, roots, rootSources, diagnostics, input, source: request.input } };
}
