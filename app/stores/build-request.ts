// Turns the session (text, settings, what-if edits) into the plain-data request the resolver worker takes.
import type { InputFormat, ResolveRequest } from "../../workers/api";
import { detectFormat } from "../../workers/api-input-format";
import type { SessionSettings } from "./session";

export interface RequestInputs {
  requirementsText: string;
  fileName: string;
  /** How to read the text; when absent, the file name decides. */
  format?: InputFormat;
  /** The project's other files by relative name, and constraints and overrides one requirement a line. */
  projectFiles?: Record<string, string>;
  constraintsText?: string;
  overridesText?: string;
  /** Extras and dependency groups of the file to include. */
  extras?: string[];
  groups?: string[];
  settings: SessionSettings;
  pins: Record<string, string>;
  excluded: string[];
  /** See the session's `reproduceAt`: an upper bound on upload times, on top of the exclude-newer day. */
  reproduceAt?: string | null;
}

/** A calendar date as the RFC 3339 instant that ends it (everything uploaded that day still counts). */
export function excludeNewerInstant(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return `${date}T23:59:59Z`;
}

/** The earlier of two RFC 3339 instants (either may be missing). */
export function earlierInstant(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/** The requirements of a constraints or overrides text: one a line, comments and blank lines dropped. */
export function requirementLines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}

export function buildResolveRequest(inputs: RequestInputs): ResolveRequest {
  const { settings } = inputs;
  const input: ResolveRequest["input"] = { text: inputs.requirementsText, fileName: inputs.fileName, format: inputs.format ?? detectFormat(inputs.requirementsText, inputs.fileName) };
  if (inputs.extras && inputs.extras.length > 0) input.extras = [...inputs.extras];
  if (inputs.groups && inputs.groups.length > 0) input.groups = [...inputs.groups];
  if (inputs.projectFiles && Object.keys(inputs.projectFiles).length > 0) input.files = { ...inputs.projectFiles };
  return {
    input,
    target: { implementation: "cpython", pythonVersion: settings.pythonVersion, os: settings.os, arch: settings.arch },
    indexUrl: settings.indexUrl.trim(),
    extraIndexUrls: [],
    resolution: settings.resolution,
    prerelease: settings.prerelease,
    policy: settings.policy,
    excludeNewer: earlierInstant(excludeNewerInstant(settings.excludeNewer), inputs.reproduceAt),
    constraints: requirementLines(inputs.constraintsText),
    overrides: requirementLines(inputs.overridesText),
    unknownDependencies: settings.unknownDependencies,
    pins: { ...inputs.pins },
    excluded: [...inputs.excluded],
    noCache: false,
    refresh: false,
    ...(settings.universal ? { universal: settings.universalPython.trim() ? { python: settings.universalPython.trim() } : {} } : {}),
  };
}
