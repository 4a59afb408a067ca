// Native edits of one requirement in the file it came from (a requirements line, a TOML string or table, a setup.py list item, a buildout pin), checked by reading the edited file again.
import { canonicalizeName } from "../../packaging/names";
import { tryParseSpecifierSet } from "../../packaging/specifiers";
import { parseInput } from "./parse-input";
import type { InputFormat, InputRequirement, RequirementSet } from "../../api-input";
import type { ParseInputOptions } from "./parsed-file";

/** What to do to the requirement: give it another PEP 440 specifier set ("" = any version), another project name, or remove it. */
export type RequirementChange = { kind: "specifier"; specifier: string } | { kind: "rename"; name: string } | { kind: "remove" };

/** One line of the file replaced (`to`), or deleted (`to` null). `line` is 1-based; `from` is the whole line as it is. */
export interface LineEdit {
  line: number;
  from: string;
  to: string | null;
}

/** Applies a line edit to `text` (keeping its line ends); null when the line no longer reads `from`. */
export function applyLineEdit(text: string, edit: LineEdit): string | null {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r\n|\n/);
  if (lines[edit.line - 1] !== edit.from) return null;
  if (edit.to === null) lines.splice(edit.line - 1, 1);
  else lines[edit.line - 1] = edit.to;
  return lines.join(eol);
}

/** `name[extras]` then the specifier, then `; marker` or a comment: the part of a PEP 508 text to swap, by offsets. */
const PEP508_HEAD = /^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(?:\[[^\]]*\])?/;

/** The requirement text with its version part replaced, keeping name, extras and marker exactly as written. */
function withSpecifierText(text: string, specifier: string): string | null {
  const head = PEP508_HEAD.exec(text);
  if (!head || text.includes("@")) return null;
  const rest = text.slice(head[0].length);
  const end = rest.search(/[;#]/);
  const versionPart = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? "" : rest.slice(end);
  const trailing = /\s*$/.exec(versionPart)?.[0] ?? "";
  const gap = tail !== "" && trailing === "" ? " " : trailing;
  return `${head[0].trimEnd()}${specifier}${tail !== "" ? gap : trailing}${tail}`;
}

/** Where a quoted string opens and closes on a line: the start of its content and the index of its closing quote. */
function quotedAround(line: string, contentStart: number): { open: number; close: number } | null {
  const quote = line[contentStart - 1];
  if (quote !== '"' && quote !== "'") return null;
  const close = line.indexOf(quote, contentStart);
  return close < 0 ? null : { open: contentStart - 1, close };
}

/** Removes the list item `line[open..close]` with one comma next to it; null when that is not a list item. */
function withoutListItem(line: string, open: number, close: number): string {
  const after = line.slice(close + 1);
  const before = line.slice(0, open);
  const comma = /^\s*,\s*/.exec(after);
  if (comma) return before + after.slice(comma[0].length);
  const previous = /,\s*$/.exec(before);
  if (previous) return before.slice(0, previous.index) + after;
  return before + after;
}

/** A line that holds nothing but list punctuation and a comment once the item is gone. */
function onlyPunctuation(line: string): boolean {
  return /^[\s,]*(#.*)?$/.test(line);
}

/** TOML value of `key = "value"` / `{ version = "value", ... }` on `line`: where the version string's content is. */
function tomlVersionString(line: string): { start: number; end: number } | null {
  const eq = line.indexOf("=");
  if (eq < 0) return null;
  const value = line.slice(eq + 1);
  const lead = value.length - value.trimStart().length;
  const at = eq + 1 + lead;
  const first = line[at];
  if (first === '"' || first === "'") {
    const end = line.indexOf(first, at + 1);
    return end < 0 ? null : { start: at + 1, end };
  }
  if (first === "{") {
    const m = /(?:^|[{,\s])version\s*=\s*(["'])/.exec(line.slice(at));
    if (!m) return null;
    const start = at + m.index + m[0].length;
    const end = line.indexOf(m[1], start);
    return end < 0 ? null : { start, end };
  }
  return null;
}

/** Poetry's and Pipfile's version string for a PEP 440 specifier set: "*" for any, else the clauses joined by commas. */
function tomlConstraint(specifier: string): string {
  return specifier === "" ? "*" : specifier.replace(/\s+/g, "");
}

function isTomlTableEntry(format: InputFormat, req: InputRequirement): boolean {
  return (format === "pyproject.toml" || format === "Pipfile") && req.pep508 !== req.text && /^\s*["']?[A-Za-z0-9._-]+["']?\s*=/.test(req.text);
}

/** The edit, before checking, or null when no native edit exists for this requirement. */
function proposeEdit(text: string, format: InputFormat, req: InputRequirement, change: RequirementChange): LineEdit | null {
  if (req.file || req.kind !== "index" || req.hashes.length > 0) return null;
  const lines = text.split(/\r\n|\n/);
  const index = req.line - 1;
  const line = lines[index];
  if (line === undefined) return null;
  const start = req.column - 1;

  if (change.kind === "rename") {
    // The project name leads the entry in every one-line form: `name...` (PEP 508), `name = ...` (TOML, buildout).
    if (/^\s*\[/.test(req.text) || line.slice(start, start + req.text.length) !== req.text) return null;
    const head = /^(\s*["']?)([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(req.text);
    if (!head || head[2] !== req.name) return null;
    const renamed = `${head[1]}${change.name}${req.text.slice(head[0].length)}`;
    return { line: req.line, from: line, to: `${line.slice(0, start)}${renamed}${line.slice(start + req.text.length)}` };
  }

  // Poetry's `[tool.poetry.dependencies.flask]` table: the `version = "..."` line below the header.
  if (/^\s*\[/.test(req.text)) {
    if (change.kind === "remove") return null;
    for (let i = index + 1; i < lines.length && !/^\s*\[/.test(lines[i]); i++) {
      const m = /^(\s*version\s*=\s*)(["'])([^"']*)\2(.*)$/.exec(lines[i]);
      if (m) return { line: i + 1, from: lines[i], to: `${m[1]}${m[2]}${tomlConstraint(change.specifier)}${m[2]}${m[4]}` };
    }
    return null;
  }

  // Poetry / Pipfile `name = "spec"` or `name = {version = "spec", ...}`.
  if (isTomlTableEntry(format, req)) {
    if (line.slice(start, start + req.text.length) !== req.text) return null;
    if (change.kind === "remove") return line.trim() === req.text.trim() || onlyPunctuation(line.replace(req.text, "")) ? { line: req.line, from: line, to: null } : null;
    const at = tomlVersionString(line.slice(start));
    if (!at) return null;
    const s = start + at.start;
    const e = start + at.end;
    return { line: req.line, from: line, to: `${line.slice(0, s)}${tomlConstraint(change.specifier)}${line.slice(e)}` };
  }

  // buildout `[versions]` pin: `name = version`.
  if (format === "buildout.cfg" && /^\s*[A-Za-z0-9._-]+\s*=/.test(req.text)) {
    if (change.kind === "remove") return { line: req.line, from: line, to: null };
    const pin = /^==([^,*]+)$/.exec(change.specifier);
    if (!pin) return null;
    const m = /^(\s*[A-Za-z0-9._-]+\s*=\s*)(\S+)(.*)$/.exec(line);
    return m ? { line: req.line, from: line, to: `${m[1]}${pin[1]}${m[3]}` } : null;
  }

  // A PEP 508 string: a requirements line, a setup.cfg list line, a buildout eggs line, a quoted list item.
  if (line.slice(start, start + req.text.length) !== req.text) return null;
  const quoted = format === "pyproject.toml" || format === "setup.py" ? quotedAround(line, start) : null;
  if ((format === "pyproject.toml" || format === "setup.py") && !quoted) return null;
  if (change.kind === "specifier") {
    const edited = withSpecifierText(req.text, change.specifier);
    if (edited === null) return null;
    const replacement = quoted ? edited.trim() : edited;
    return { line: req.line, from: line, to: `${line.slice(0, start)}${replacement}${line.slice(start + req.text.length)}` };
  }
  if (quoted) {
    const rest = withoutListItem(line, quoted.open, quoted.close);
    return { line: req.line, from: line, to: onlyPunctuation(rest) ? null : rest };
  }
  const rest = line.slice(0, start) + line.slice(start + req.text.length);
  if (onlyPunctuation(rest)) return { line: req.line, from: line, to: null };
  // `install_requires = requests` in setup.cfg: keep the key, empty.
  if (/^\s*[A-Za-z0-9_.-]+\s*=\s*(#.*)?$/.test(rest)) return { line: req.line, from: line, to: rest.trimEnd() };
  return null;
}

/** Reading the edited file gives the change and nothing else: same requirements, one with the new range or one fewer. */
function readsAsPromised(before: RequirementSet, after: RequirementSet, req: InputRequirement, change: RequirementChange): boolean {
  const errors = (set: RequirementSet) => set.diagnostics.filter((d) => d.severity === "error").length;
  if (errors(after) > errors(before)) return false;
  const pool = (set: RequirementSet) => [...set.requirements, ...set.constraints];
  const name = canonicalizeName(req.name);
  const renamed = change.kind === "rename" ? canonicalizeName(change.name) : null;
  const others = (set: RequirementSet) =>
    pool(set)
      .filter((r) => canonicalizeName(r.name) !== name && canonicalizeName(r.name) !== renamed)
      .map((r) => r.pep508)
      .sort();
  if (JSON.stringify(others(before)) !== JSON.stringify(others(after))) return false;
  const mine = (set: RequirementSet) => pool(set).filter((r) => canonicalizeName(r.name) === name);
  if (change.kind === "rename") {
    const theirs = (set: RequirementSet) => pool(set).filter((r) => canonicalizeName(r.name) === renamed);
    const added = theirs(after).filter((r) => !theirs(before).some((b) => b.pep508 === r.pep508 && b.line === r.line));
    return mine(after).length === mine(before).length - 1 && added.length === 1 && added[0].specifier === req.specifier && (added[0].marker ?? "") === (req.marker ?? "");
  }
  if (change.kind === "remove") return mine(after).length === mine(before).length - 1;
  if (mine(after).length !== mine(before).length) return false;
  const wanted = tryParseSpecifierSet(change.specifier);
  if (!wanted) return false;
  return mine(after).some((r) => {
    const got = tryParseSpecifierSet(r.specifier);
    return got !== null && got.toRange().equals(wanted.toRange()) && r.extras.join() === req.extras.join() && (r.marker ?? "") === (req.marker ?? "");
  });
}

/**
 * The native edit of `req` (read from `text` with `options`) for `change`, or null when none exists: the requirement
 * sits in another file, is built by code, carries hashes, or the edited file would not read back as promised.
 */
export function editRequirement(text: string, options: ParseInputOptions & { format: InputFormat }, req: InputRequirement, change: RequirementChange): LineEdit | null {
  const edit = proposeEdit(text, options.format, req, change);
  if (!edit) return null;
  const edited = applyLineEdit(text, edit);
  if (edited === null) return null;
  const before = parseInput(text, options);
  const after = parseInput(edited, options);
  return readsAsPromised(before, after, req, change) ? edit : null;
}
