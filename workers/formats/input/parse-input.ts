// The single entry point: detects the format, runs its parser, selects extras and groups, and notes direct references.
import { canonicalizeName } from "../../packaging/names";
import { parseBuildoutCfg } from "./buildout-cfg";
import { detectFormat } from "../../api-input-format";
import { diagnosticAt } from "./location";
import { parsePipfile } from "./pipfile";
import { parsePyprojectToml } from "./pyproject-toml";
import type { Diagnostic, InputFormat, InputRequirement, RequirementSet } from "../../api-input";
import { emptyParsedFile, type ParsedFile, type ParseInputOptions } from "./parsed-file";
import { parseRequirementsTxt } from "./requirements-txt";
import { parseSetupCfg } from "./setup-cfg";
import { parseSetupPy } from "./setup-py";

function parseFormat(format: InputFormat, text: string, options: ParseInputOptions): ParsedFile {
  const context = { fileName: options.fileName, files: options.files, readFile: options.readFile };
  switch (format) {
    case "requirements.txt":
      return parseRequirementsTxt(text, context);
    case "pyproject.toml":
      return parsePyprojectToml(text, context);
    case "setup.cfg":
      return parseSetupCfg(text, context);
    case "setup.py":
      return parseSetupPy(text, context);
    case "Pipfile":
      return parsePipfile(text);
    case "buildout.cfg":
      return parseBuildoutCfg(text, context);
  }
}

/**
 * Runs a format's parser. Parsers report bad input as diagnostics; anything they throw is a bug in Tangle, and still
 * becomes a diagnostic so that the user keeps their text and sees what happened (a stack overflow says so plainly).
 */
function parseSafely(format: InputFormat, text: string, options: ParseInputOptions): ParsedFile {
  try {
    return parseFormat(format, text, options);
  } catch (error) {
    const out = emptyParsedFile();
    const overflow = error instanceof RangeError;
    const what = overflow
      ? `this ${format} is nested or repeated too deeply to read (${error.message}); simplify it`
      : `Tangle could not read this ${format}: an internal error (${error instanceof Error ? error.message : String(error)}); please report it`;
    out.diagnostics.push({ ...diagnosticAt("error", { line: 1, column: 1 }, what), internal: true });
    return out;
  }
}

const KIND_WORDS: Record<Exclude<InputRequirement["kind"], "index">, string> = {
  url: "a direct URL",
  vcs: "a version-control URL",
  path: "a local path",
  editable: "an editable install",
};

/** A per-line note for a requirement that cannot come from an index. */
function directReferenceNote(requirement: InputRequirement): Diagnostic | null {
  if (requirement.kind === "index") return null;
  const what = requirement.name === "" ? `"${requirement.url ?? requirement.text}"` : `${requirement.name} (${requirement.url ?? requirement.text})`;
  return diagnosticAt(
    "warning",
    { line: requirement.line, column: requirement.column },
    `${what} is ${KIND_WORDS[requirement.kind]}: it cannot come from a package index, so it is shown as such and the rest resolves without it`,
    { file: requirement.file },
  );
}

function selected(requirement: InputRequirement, extras: Set<string>, groups: Set<string>): boolean {
  const source = requirement.source;
  if (source.kind === "main") return true;
  if (source.kind === "extra") return extras.has(canonicalizeName(source.name));
  return groups.has(canonicalizeName(source.name));
}

function dedupe(requirements: InputRequirement[]): InputRequirement[] {
  const seen = new Set<string>();
  return requirements.filter((r) => {
    const key = JSON.stringify([r.pep508, r.file ?? "", r.line, r.column, r.source]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Diagnostics of the parsed text first (by line and column), then those of other files (in reading order). */
function ordered(diagnostics: Diagnostic[]): Diagnostic[] {
  const own = diagnostics.filter((d) => d.file === undefined).sort((a, b) => a.line - b.line || a.column - b.column);
  return [...own, ...diagnostics.filter((d) => d.file !== undefined)];
}

/** Parses any supported dependency file into one RequirementSet; nothing throws for bad input, everything is a diagnostic. */
/** A warning about the request as a whole (an extra or group asked for), not about any line: line and column 0. */
function wholeFileWarning(message: string): Diagnostic {
  return { severity: "warning", message, line: 0, column: 0 };
}

export function parseInput(text: string, options: ParseInputOptions = {}): RequirementSet {
  const format = options.format ?? detectFormat(text, options.fileName);
  const parsed = parseSafely(format, text, options);
  const diagnostics = [...parsed.diagnostics];

  const wantedExtras = new Set((options.extras ?? []).map(canonicalizeName));
  const wantedGroups = new Set((options.groups ?? []).map(canonicalizeName));
  const definedExtras = new Set(parsed.extras.map(canonicalizeName));
  const definedGroups = new Set(parsed.groups.map(canonicalizeName));
  for (const extra of options.extras ?? []) {
    if (!definedExtras.has(canonicalizeName(extra))) {
      const known = parsed.extras.length > 0 ? `it defines ${parsed.extras.join(", ")}` : "it defines none";
      diagnostics.push(wholeFileWarning(`the extra "${extra}" is not defined in this ${format} (${known})`));
    }
  }
  for (const group of options.groups ?? []) {
    if (!definedGroups.has(canonicalizeName(group))) {
      const known = parsed.groups.length > 0 ? `it defines ${parsed.groups.join(", ")}` : "it defines none";
      diagnostics.push(wholeFileWarning(`the dependency group "${group}" is not defined in this ${format} (${known})`));
    }
  }

  const requirements = dedupe(parsed.requirements.filter((r) => selected(r, wantedExtras, wantedGroups)));
  const constraints = dedupe(parsed.constraints);
  for (const requirement of [...requirements, ...constraints]) {
    const note = directReferenceNote(requirement);
    if (note) diagnostics.push(note);
  }

  return {
    format,
    requirements,
    constraints,
    requiresPython: parsed.requiresPython,
    indexUrl: parsed.indexUrl,
    extraIndexUrls: parsed.extraIndexUrls,
    pre: parsed.pre,
    extras: [...new Set(parsed.extras)],
    groups: [...new Set(parsed.groups)],
    ...(parsed.defaultGroups && parsed.defaultGroups.length > 0 ? { defaultGroups: [...new Set(parsed.defaultGroups)] } : {}),
    diagnostics: ordered(diagnostics),
  };
}
