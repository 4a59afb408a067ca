// Turns the session (text, settings, what-if edits) into the plain-data request the resolver worker takes.
import type { ResolveRequest } from "../../workers/api";
import type { SessionSettings } from "./session";

export interface RequestInputs {
  requirementsText: string;
  fileName: string;
  settings: SessionSettings;
  pins: Record<string, string>;
  excluded: string[];
}

/** The input formats the resolver reads, by the file name that says which one a text is. */
export const INPUT_FORMATS = ["requirements.txt", "pyproject.toml", "setup.cfg", "setup.py", "Pipfile", "buildout.cfg"] as const;
export type InputFormatName = (typeof INPUT_FORMATS)[number];

/** Which input format a file name denotes (anything unrecognised is read as requirements.txt). */
export function formatOfFileName(fileName: string): InputFormatName {
  const base = fileName.split(/[\\/]/).pop()?.toLowerCase() ?? "";
  if (base === "pipfile") return "Pipfile";
  if (base.endsWith(".toml")) return "pyproject.toml";
  if (base === "setup.py") return "setup.py";
  if (base === "setup.cfg") return "setup.cfg";
  if (base.endsWith(".cfg")) return "buildout.cfg";
  return "requirements.txt";
}

/** A calendar date as the RFC 3339 instant that ends it (everything uploaded that day still counts). */
export function excludeNewerInstant(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return `${date}T23:59:59Z`;
}

export function buildResolveRequest(inputs: RequestInputs): ResolveRequest {
  const { settings } = inputs;
  return {
    input: { text: inputs.requirementsText, fileName: inputs.fileName, format: formatOfFileName(inputs.fileName) },
    target: { implementation: "cpython", pythonVersion: settings.pythonVersion, os: settings.os, arch: settings.arch },
    indexUrl: settings.indexUrl.trim(),
    extraIndexUrls: [],
    resolution: settings.resolution,
    prerelease: settings.prerelease,
    excludeNewer: excludeNewerInstant(settings.excludeNewer),
    constraints: [],
    overrides: [],
    unknownDependencies: "assume-none",
    pins: { ...inputs.pins },
    excluded: [...inputs.excluded],
    noCache: false,
    refresh: false,
  };
}
