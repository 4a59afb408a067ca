// Parser of core-metadata files (METADATA / PKG-INFO / PEP 658 `.metadata`): RFC 822-style headers, the description body ignored.
import { invalidResponse } from "./index-error";

/** The fields of a core-metadata file the resolver needs; requirement strings are kept exactly as written. */
export interface CoreMetadata {
  metadataVersion: string | null;
  name: string;
  version: string;
  requiresDist: string[];
  requiresPython: string | null;
  providesExtra: string[];
  summary: string | null;
  license: string | null;
  homePage: string | null;
  /** Project-URL `Label, URL` lines, by label. */
  projectUrls: Record<string, string>;
  /** Metadata 2.2 `Dynamic` fields (as written, e.g. "Requires-Dist"). */
  dynamic: string[];
}

/** An email-style field name: printable ASCII without space or colon. */
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:[ \t]*(.*)$/;

/**
 * Parses a core-metadata file fetched from `url`. Headers end at the first empty line (the description body follows)
 * or, as Python's email parser does, at the first line that is not a header. Continuation lines (leading space or tab)
 * extend the previous field. Throws IndexError when the text is not core metadata (no headers, no Name or Version).
 */
export function parseCoreMetadata(text: string, url: string): CoreMetadata {
  if (text.trim() === "") throw invalidResponse(url, "an empty body where core metadata was expected");
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\n|\r/);
  const fields: { name: string; lines: string[] }[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line === "") break;
    if (line[0] === " " || line[0] === "\t") {
      const current = fields[fields.length - 1];
      if (current === undefined) {
        throw invalidResponse(url, `core metadata that starts with an indented line (line ${i + 1}: ${JSON.stringify(line.slice(0, 40))})`);
      }
      current.lines.push(line);
      continue;
    }
    const match = FIELD_LINE.exec(line);
    if (match === null) {
      if (fields.length === 0) {
        throw invalidResponse(url, `text that is not core metadata: expected \`Field: value\` at line ${i + 1}, found ${JSON.stringify(line.slice(0, 40))}`);
      }
      break;
    }
    fields.push({ name: match[1].toLowerCase(), lines: [match[2]] });
  }

  const all = (name: string): string[] => fields.filter((f) => f.name === name).map((f) => oneLine(f.lines));
  const first = (name: string): string | null => {
    const value = all(name)[0];
    return value === undefined || value === "" ? null : value;
  };
  const name = first("name");
  const version = first("version");
  if (name === null) throw invalidResponse(url, "core metadata without a `Name` field");
  if (version === null) throw invalidResponse(url, "core metadata without a `Version` field");

  const projectUrls: Record<string, string> = {};
  for (const entry of all("project-url")) {
    const comma = entry.indexOf(",");
    if (comma < 0) continue;
    const label = entry.slice(0, comma).trim();
    if (!(label in projectUrls)) projectUrls[label] = entry.slice(comma + 1).trim();
  }
  const licenseField = fields.find((f) => f.name === "license");
  const license = licenseField === undefined ? null : multiLine(licenseField.lines);
  return {
    metadataVersion: first("metadata-version"),
    name,
    version,
    requiresDist: all("requires-dist").filter((r) => r !== ""),
    requiresPython: first("requires-python"),
    providesExtra: all("provides-extra").filter((e) => e !== ""),
    summary: first("summary"),
    license: license === "" ? null : license,
    homePage: first("home-page"),
    projectUrls,
    dynamic: all("dynamic").filter((d) => d !== ""),
  };
}

/** A folded field as one line: continuation lines joined with single spaces. */
function oneLine(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l, i) => i === 0 || l !== "")
    .join(" ")
    .trim();
}

/** A multi-line field (License): continuation lines kept as lines, their common indentation removed. */
function multiLine(lines: string[]): string {
  const rest = lines.slice(1);
  const indents = rest.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return [lines[0], ...rest.map((l) => (l.trim() === "" ? "" : l.slice(cut).trimEnd()))].join("\n").trim();
}
