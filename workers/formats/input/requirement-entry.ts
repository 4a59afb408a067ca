// Turns one PEP 508 requirement string into an InputRequirement, or into a diagnostic located in the file.
import { InvalidMarker, parseMarker } from "../../packaging/markers";
import { InvalidRequirement, parseRequirement } from "../../packaging/requirement";
import { InvalidSpecifier, parseSpecifierSet } from "../../packaging/specifiers";
import { diagnosticAt, type OffsetMapper } from "./location";
import type { Diagnostic, InputRequirement, RequirementKind, RequirementSource } from "../../api-input";

export interface EntryOptions {
  source: RequirementSource;
  /** Position in the file of each offset of the PEP 508 text (offset 0 is where the requirement starts). */
  at: OffsetMapper;
  /** The requirement as written, when it differs from the PEP 508 text (a Poetry table, a joined line). */
  text?: string;
  /** Where the written text starts, when `text` is given and does not start where the PEP 508 text does. */
  textAt?: { line: number; column: number };
  file?: string;
  editable?: boolean;
  hashes?: string[];
  allowPrereleases?: boolean;
}

export type EntryResult = { ok: true; requirement: InputRequirement } | { ok: false; diagnostic: Diagnostic };

const VCS_SCHEME = /^(git|hg|svn|bzr)\+/i;

/** What a direct reference points at: a VCS URL, a local path (file: URL) or an archive URL. */
export function classifyUrl(url: string): Exclude<RequirementKind, "index" | "editable"> {
  if (VCS_SCHEME.test(url)) return "vcs";
  if (/^file:/i.test(url)) return "path";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return "url";
  return "path";
}

/** The reason of a parser error (packaging's first message line, without the caret drawing). */
export function errorReason(error: Error): string {
  const reason: unknown = (error as { reason?: unknown }).reason;
  if (typeof reason === "string" && reason !== "") return reason;
  return error.message.split("\n", 1)[0];
}

/** Renders requirement parts as a PEP 508 string (`name[extras] specifier ; marker` or `name[extras] @ url ; marker`). */
export function formatPep508(parts: {
  name: string;
  extras: readonly string[];
  specifier: string;
  url: string | null;
  marker: string | null;
}): string {
  let text = parts.name;
  if (parts.extras.length > 0) text += `[${parts.extras.join(",")}]`;
  if (parts.url !== null) {
    text = text === "" ? parts.url : `${text} @ ${parts.url}`;
    if (parts.marker !== null) text += ` ; ${parts.marker}`;
    return text;
  }
  text += parts.specifier;
  if (parts.marker !== null) text += `; ${parts.marker}`;
  return text;
}

/** Parses `pep508` with the PEP 508 parser; on error the diagnostic points at the offending column in the file. */
export function requirementFromPep508(pep508: string, options: EntryOptions): EntryResult {
  const start = options.at(0);
  try {
    const parsed = parseRequirement(pep508);
    const extras = [...parsed.extras];
    const specifier = parsed.specifier.toString();
    const marker = parsed.marker ? parsed.marker.toString() : null;
    const url = parsed.url;
    let kind: RequirementKind = url === null ? "index" : classifyUrl(url);
    if (options.editable) kind = "editable";
    const textAt = options.textAt ?? start;
    const requirement: InputRequirement = {
      text: options.text ?? pep508,
      line: textAt.line,
      column: textAt.column,
      name: parsed.name,
      extras,
      specifier,
      marker,
      url,
      kind,
      hashes: options.hashes ?? [],
      source: options.source,
      pep508: formatPep508({ name: parsed.name, extras, specifier, url, marker }),
      allowPrereleases: options.allowPrereleases ?? false,
    };
    if (options.file !== undefined) requirement.file = options.file;
    return { ok: true, requirement };
  } catch (error) {
    if (!(error instanceof InvalidRequirement)) throw error;
    const column = typeof error.column === "number" ? error.column : 0;
    const position = options.at(Math.min(column, pep508.length));
    const end = options.at(pep508.length);
    return {
      ok: false,
      diagnostic: diagnosticAt("error", position, `invalid requirement "${pep508}": ${errorReason(error)}`, {
        file: options.file,
        endColumn: end.line === position.line ? end.column : undefined,
      }),
    };
  }
}

/** Parses and normalises a marker expression; on error the diagnostic points at the offending column. */
export function normalizeMarker(
  text: string,
  at: OffsetMapper,
  file?: string,
): { ok: true; marker: string } | { ok: false; diagnostic: Diagnostic } {
  try {
    return { ok: true, marker: parseMarker(text).toString() };
  } catch (error) {
    if (!(error instanceof InvalidMarker)) throw error;
    const column: unknown = (error as { column?: unknown }).column;
    const position = at(typeof column === "number" ? Math.min(column, text.length) : 0);
    const end = at(text.length);
    return {
      ok: false,
      diagnostic: diagnosticAt("error", position, `invalid marker "${text}": ${errorReason(error)}`, {
        file,
        endColumn: end.line === position.line ? end.column : undefined,
      }),
    };
  }
}

/** Parses and normalises a PEP 440 specifier set (a Requires-Python); on error the diagnostic points at its start. */
export function normalizeSpecifier(
  text: string,
  at: OffsetMapper,
  file?: string,
): { ok: true; specifier: string } | { ok: false; diagnostic: Diagnostic } {
  try {
    return { ok: true, specifier: parseSpecifierSet(text).toString() };
  } catch (error) {
    if (!(error instanceof InvalidSpecifier)) throw error;
    return {
      ok: false,
      diagnostic: diagnosticAt("error", at(0), `invalid version specifier "${text}": ${errorReason(error)}`, { file }),
    };
  }
}
