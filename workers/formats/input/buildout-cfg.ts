// buildout.cfg: the eggs of every part in [buildout] parts (with extends, +=/-=, <= macros and ${section:option}), and [versions] pins.
import { canonicalizeName } from "../../packaging/names";
import { findReferencedFile, isMissing, isRemoteReference, lookUpFile, normalizePath, type ReadFile } from "./file-references";
import { readIni } from "./ini-file";
import { diagnosticAt, type Position } from "./location";
import { requirementFromPep508 } from "./requirement-entry";
import type { InputRequirement, Severity } from "../../api-input";
import { emptyParsedFile, type ParsedFile } from "./parsed-file";

export interface BuildoutCfgOptions {
  fileName?: string;
  files?: Record<string, string>;
  readFile?: ReadFile;
}

interface ValueLine {
  text: string;
  line: number;
  column: number;
  file?: string;
}

interface Option {
  lines: ValueLine[];
  line: number;
  column: number;
  file?: string;
}

type Config = Map<string, Map<string, Option>>;

const REFERENCE = /\$\{([^:}]*):([^}]*)\}/g;
const EGG_RECIPES = /^zc\.recipe\.egg(:.*)?$/;
/** The longest an option's value may grow by `${}` expansion: far beyond any real buildout, far below a memory problem. */
export const MAX_VALUE_CHARS = 1_000_000;

class BuildoutReader {
  readonly out: ParsedFile = emptyParsedFile();
  private config: Config = new Map();
  private readonly expanded = new Map<string, ValueLine[]>();
  /** Files read so far (normalised names). */
  private readonly loaded = new Set<string>();
  /** Each extended file's configuration, read once: a diamond of `extends` reads the shared base once. */
  private readonly loadedConfigs = new Map<string, Config>();

  constructor(private readonly options: BuildoutCfgOptions) {}

  private report(severity: Severity, at: Position, what: string, file?: string): void {
    this.out.diagnostics.push(diagnosticAt(severity, at, what, { file }));
  }

  /** Reads one file and everything it extends (base files first, this file's options on top). */
  private load(text: string, name: string | undefined, label: string | undefined, stack: string[]): Config {
    const { file, problems } = readIni(text, { lowercaseKeys: false, inlineComments: true, appendOperators: true, partDependencies: true });
    for (const problem of problems) this.report("error", problem, problem.message, label);
    const merged: Config = new Map();
    const extendsOption = file.option("buildout", "extends");
    if (extendsOption) {
      for (const line of extendsOption.lines) {
        let column = line.column;
        for (const reference of line.text.split(/(\s+)/)) {
          const at = { line: line.line, column };
          column += reference.length;
          if (reference.trim() === "") continue;
          let dropped = findReferencedFile(this.options.files, name, reference);
          // A remote file only matches a dropped file of the same name that is not already part of this buildout.
          if (dropped && isRemoteReference(reference) && dropped.name !== reference && this.loaded.has(normalizePath(dropped.name))) dropped = null;
          const found = dropped ?? lookUpFile({ readFile: this.options.readFile }, name, reference);
          if (isMissing(found)) {
            if (found.error !== null) this.report("error", at, `extends ${reference}: cannot read ${found.missing} (${found.error})`, label);
            else this.report("warning", at, `extends ${reference} not followed: the file was not provided; its parts and [versions] are missing — drop it in as well`, label);
            continue;
          }
          const key = normalizePath(found.name);
          if (stack.includes(key)) {
            this.report("error", at, `extends ${reference} forms a cycle (${[...stack, key].join(" -> ")}); not followed again`, label);
            continue;
          }
          this.loaded.add(key);
          let config = this.loadedConfigs.get(key);
          if (config === undefined) {
            config = this.load(found.text, found.name, found.name, [...stack, key]);
            this.loadedConfigs.set(key, config);
          }
          this.mergeInto(merged, config);
        }
      }
    }
    for (const section of file.sections) {
      const target = merged.get(section.name) ?? new Map<string, Option>();
      merged.set(section.name, target);
      for (const option of section.options) {
        const lines = option.lines.map((l) => ({ ...l, file: label }));
        const base = target.get(option.key);
        if (option.op === "=") {
          target.set(option.key, { lines, line: option.line, column: option.column, file: label });
        } else if (option.op === "+=") {
          target.set(option.key, { lines: [...(base?.lines ?? []), ...lines.filter((l) => l.text.trim() !== "")], line: option.line, column: option.column, file: label });
        } else {
          const removed = new Set(lines.map((l) => l.text.trim()).filter((t) => t !== ""));
          target.set(option.key, {
            lines: (base?.lines ?? []).filter((l) => !removed.has(l.text.trim())),
            line: option.line,
            column: option.column,
            file: label,
          });
        }
      }
    }
    return merged;
  }

  private mergeInto(target: Config, source: Config): void {
    for (const [section, options] of source) {
      const existing = target.get(section) ?? new Map<string, Option>();
      for (const [key, option] of options) existing.set(key, option);
      target.set(section, existing);
    }
  }

  /** `<= section` macros: a section takes the options of the named sections that it does not set itself. */
  private applyMacros(): void {
    for (const [name, options] of this.config) {
      const macro = options.get("<");
      if (!macro) continue;
      for (const line of macro.lines) {
        for (const source of line.text.split(/\s+/).filter((s) => s !== "")) {
          const from = this.config.get(source);
          if (!from) {
            this.report("error", line, `[${name}] <= ${source}: there is no section [${source}]`, line.file);
            continue;
          }
          for (const [key, option] of from) if (!options.has(key)) options.set(key, option);
        }
      }
    }
  }

  /**
   * An option's value lines with `${section:option}` references replaced (a line that is only a reference becomes its
   * lines). Each option is expanded once; a value that would grow past MAX_VALUE_CHARS is cut there, with an error.
   */
  private value(section: string, key: string, stack: string[] = []): ValueLine[] | null {
    const id = `${section}:${key}`;
    const cached = this.expanded.get(id);
    if (cached) return cached;
    const option = this.config.get(section)?.get(key);
    if (!option) return null;
    const out: ValueLine[] = [];
    let size = 0;
    let cut = false;
    const push = (line: ValueLine, at: Position, reference: string): void => {
      if (cut) return;
      if (size + line.text.length > MAX_VALUE_CHARS) {
        cut = true;
        this.report(
          "error",
          at,
          `${reference} makes [${section}] ${key} longer than ${MAX_VALUE_CHARS.toLocaleString("en")} characters; the value is cut there`,
          line.file,
        );
        return;
      }
      size += line.text.length + 1;
      out.push(line);
    };
    for (const line of option.lines) {
      const references = [...line.text.matchAll(REFERENCE)];
      if (references.length === 0) {
        push(line, line, "this line");
        continue;
      }
      const resolve = (match: RegExpMatchArray): ValueLine[] | null => {
        const targetSection = match[1] === "" ? section : match[1];
        const targetId = `${targetSection}:${match[2]}`;
        const at = { line: line.line, column: line.column + (match.index ?? 0) };
        if (stack.includes(targetId) || targetId === id) {
          this.report("error", at, `\${${match[1]}:${match[2]}} refers to itself (${[...stack, id, targetId].join(" -> ")})`, line.file);
          return null;
        }
        const resolved = this.value(targetSection, match[2], [...stack, id]);
        if (resolved === null) this.report("error", at, `\${${match[1]}:${match[2]}}: there is no option "${match[2]}" in [${targetSection}]`, line.file);
        return resolved;
      };
      const at = { line: line.line, column: line.column + (references[0].index ?? 0) };
      if (references.length === 1 && references[0][0] === line.text.trim()) {
        for (const resolved of resolve(references[0]) ?? []) push(resolved, at, references[0][0]);
        continue;
      }
      // Several references (or text around one) on a line: join each reference's lines, stopping at the cap.
      let text = "";
      let last = 0;
      for (const match of references) {
        text += line.text.slice(last, match.index);
        last = (match.index ?? 0) + match[0].length;
        const lines = resolve(match) ?? [];
        for (let k = 0; k < lines.length && text.length <= MAX_VALUE_CHARS - size; k++) text += (k > 0 ? "\n" : "") + lines[k].text;
        if (text.length > MAX_VALUE_CHARS - size) break;
      }
      text += line.text.slice(last);
      for (const piece of text.split("\n")) push({ ...line, text: piece }, at, references[0][0]);
    }
    this.expanded.set(id, out);
    return out;
  }

  read(text: string): ParsedFile {
    const own = normalizePath(this.options.fileName ?? "buildout.cfg");
    this.loaded.add(own);
    this.config = this.load(text, this.options.fileName, undefined, [own]);
    this.applyMacros();
    const buildout = this.config.get("buildout");
    if (!buildout) {
      this.report("error", { line: 1, column: 1 }, "no [buildout] section: a buildout.cfg names its parts there");
      return this.out;
    }
    this.indexOptions();
    const developNames = this.developEggs();
    const seen = new Set<string>();
    const addEgg = (line: ValueLine): void => {
      const text = line.text.trim();
      if (text === "") return;
      const at = (offset: number): Position => ({ line: line.line, column: line.column + (line.text.length - line.text.trimStart().length) + offset });
      const result = requirementFromPep508(text, { source: { kind: "main" }, at, file: line.file });
      if (!result.ok) {
        this.out.diagnostics.push(result.diagnostic);
        return;
      }
      const key = result.requirement.pep508;
      if (seen.has(key)) return;
      seen.add(key);
      const develop = developNames.get(canonicalizeName(result.requirement.name));
      const requirement: InputRequirement = develop === undefined ? result.requirement : { ...result.requirement, kind: "path", url: develop };
      this.out.requirements.push(requirement);
    };

    const parts = this.value("buildout", "parts") ?? [];
    let partCount = 0;
    for (const line of parts) {
      let column = line.column;
      for (const piece of line.text.split(/(\s+)/)) {
        const at = { line: line.line, column };
        column += piece.length;
        const part = piece.trim();
        if (part === "") continue;
        partCount++;
        const section = this.config.get(part);
        if (!section) {
          this.report("error", at, `part "${part}" has no [${part}] section`, line.file);
          continue;
        }
        const eggs = this.value(part, "eggs");
        if (eggs) eggs.forEach(addEgg);
        else {
          const recipe = this.value(part, "recipe")?.map((l) => l.text.trim()).join("") ?? "";
          if (EGG_RECIPES.test(recipe)) addEgg({ ...line, text: part, column: at.column });
        }
      }
    }
    if (partCount === 0) {
      const eggs = this.value("buildout", "eggs");
      if (eggs) {
        const option = buildout.get("eggs");
        this.report("info", { line: option?.line ?? 1, column: option?.column ?? 1 }, "no parts are listed; the eggs of [buildout] are used", option?.file);
        eggs.forEach(addEgg);
      } else {
        this.report("warning", { line: 1, column: 1 }, "[buildout] lists no parts, so there are no eggs to resolve");
      }
    }
    this.versions();
    return this.out;
  }

  private indexOptions(): void {
    const index = this.value("buildout", "index");
    if (index && index.length > 0) this.out.indexUrl = index.map((l) => l.text.trim()).join("");
    const findLinks = this.config.get("buildout")?.get("find-links");
    if (findLinks) this.report("warning", findLinks, "find-links is recognized but ignored: Tangle only reads package indexes", findLinks.file);
  }

  /** `develop = src/my.package`: the egg named like the directory is a local project. */
  private developEggs(): Map<string, string> {
    const names = new Map<string, string>();
    for (const line of this.value("buildout", "develop") ?? []) {
      for (const path of line.text.split(/\s+/).filter((p) => p !== "")) {
        const base = path.replace(/\/+$/, "").split("/").pop() ?? "";
        if (base !== "" && base !== ".") names.set(canonicalizeName(base), path);
      }
    }
    return names;
  }

  /** The [versions] section (or the one named by `versions =`) as `name==version` constraints. */
  private versions(): void {
    const named = this.value("buildout", "versions");
    const sectionName = named && named.length > 0 ? named.map((l) => l.text.trim()).join("") : "versions";
    for (const [section] of this.config) {
      if (section.startsWith(`${sectionName}:`)) {
        const first = this.config.get(section)?.values().next().value;
        this.report("info", { line: first?.line ?? 1, column: 1 }, `[${section}] is a conditional versions section; it is not applied`, first?.file);
      }
    }
    const versions = this.config.get(sectionName);
    if (!versions) return;
    for (const [name, option] of versions) {
      const lines = this.value(sectionName, name) ?? [];
      const valueLine = lines.find((l) => l.text.trim() !== "");
      if (!valueLine) continue;
      const version = valueLine.text.trim();
      const lead = valueLine.text.length - valueLine.text.trimStart().length;
      const pep508 = `${name}==${version}`;
      const result = requirementFromPep508(pep508, {
        source: { kind: "main" },
        at: (o) => (o <= name.length + 1 ? { line: option.line, column: option.column + Math.min(o, name.length) } : { line: valueLine.line, column: valueLine.column + lead + o - name.length - 2 }),
        text: `${name} = ${version}`,
        textAt: { line: option.line, column: option.column },
        file: option.file,
      });
      if (result.ok) this.out.constraints.push(result.requirement);
      else this.out.diagnostics.push(result.diagnostic);
    }
  }
}

/** Parses a buildout.cfg (following `extends` into `files`); every bad line becomes a located diagnostic. */
export function parseBuildoutCfg(text: string, options: BuildoutCfgOptions = {}): ParsedFile {
  return new BuildoutReader(options).read(text);
}
