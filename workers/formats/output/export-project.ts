// The project a lock export is written for (uv.lock and poetry.lock record one): its name, Python range and direct requirements, read from the request's input.
import { parse, type TomlTable } from "smol-toml";
import type { ResolveRequest } from "../../api";
import { parseMarker } from "../../packaging/markers";
import { parseInput } from "../input/parse-input";
import type { InputRequirement } from "../../api-input";
import { inputFileName, inputFormatOf } from "./request-description";

export interface ExportProject {
  /** The project's name as written in pyproject.toml, else a stand-in ("project"). */
  name: string;
  version: string | null;
  /** The project's own requires-python, or null when its input does not say. */
  requiresPython: string | null;
  /** The requirements the resolution was made from (main, and the extras and groups that were asked for). */
  requirements: InputRequirement[];
  /** The pyproject.toml text when the input is one (Poetry hashes it). */
  pyproject: string | null;
  /** The pyproject has a [build-system]: uv installs the project itself (editable); without one it is virtual. */
  buildable: boolean;
}

function tableOf(value: unknown): TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as TomlTable) : {};
}

function parsedOrEmpty(text: string): TomlTable {
  try {
    return parse(text);
  } catch {
    return {};
  }
}

export function exportProject(request: ResolveRequest): ExportProject {
  const format = inputFormatOf(request);
  const set = parseInput(request.input.text, {
    format,
    fileName: inputFileName(request),
    files: request.input.files,
    extras: request.input.extras,
    groups: request.input.groups,
  });
  const requirements = set.requirements.filter((r) => r.name !== "");
  if (format !== "pyproject.toml") return { name: "project", version: null, requiresPython: set.requiresPython, requirements, pyproject: null, buildable: false };
  const data = parsedOrEmpty(request.input.text);
  const project = tableOf(data.project);
  const poetry = tableOf(tableOf(data.tool).poetry);
  const name = typeof project.name === "string" ? project.name : typeof poetry.name === "string" ? poetry.name : "project";
  const version = typeof project.version === "string" ? project.version : typeof poetry.version === "string" ? poetry.version : null;
  return { name, version, requiresPython: set.requiresPython, requirements, pyproject: request.input.text, buildable: data["build-system"] !== undefined };
}

/** The extras a dependency marker names (an edge that holds only with one of them), or none for a marker that cannot be read. */
export function markerExtras(marker: string | null): string[] {
  if (marker === null) return [];
  try {
    return parseMarker(marker).extraNames();
  } catch {
    return [];
  }
}
