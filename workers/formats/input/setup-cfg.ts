// setup.cfg: setuptools' [options] install_requires / python_requires / [options.extras_require], and pbr projects.
import { appendAll } from "./append-all";
import { isMissing, lookUpFile, type ReadFile } from "./file-references";
import { IniFile, type IniOption, type IniValueLine, readIni } from "./ini-file";
import { diagnosticAt, type Position } from "./location";
import { normalizeSpecifier, requirementFromPep508 } from "./requirement-entry";
import type { InputRequirement, RequirementSource } from "../../api-input";
import { emptyParsedFile, type ParsedFile } from "./parsed-file";
import { parseRequirementsTxt } from "./requirements-txt";

export interface SetupCfgOptions {
  fileName?: string;
  files?: Record<string, string>;
  readFile?: ReadFile;
}

interface Item {
  text: string;
  at: (offset: number) => Position;
}

/** setuptools' _parse_list_semicolon: one item per line when the value spans lines, else split at `;`. */
function listItems(option: IniOption): { items: Item[]; splitAtSemicolons: boolean } {
  const lines = option.lines.filter((l) => l.text.trim() !== "");
  const items: Item[] = [];
  const multiLine = option.lines.length > 1;
  const push = (line: IniValueLine, start: number, piece: string): void => {
    const lead = piece.length - piece.trimStart().length;
    let text = piece.trim();
    // setuptools passes `# ...` lines through its comment filter; a trailing comment would only fail to parse.
    const comment = /\s#/.exec(text);
    if (comment) text = text.slice(0, comment.index).trimEnd();
    if (text === "" || text.startsWith("#")) return;
    const column = line.column + start + lead;
    items.push({ text, at: (offset) => ({ line: line.line, column: column + offset }) });
  };
  if (multiLine) {
    for (const line of lines) push(line, 0, line.text);
    return { items, splitAtSemicolons: false };
  }
  for (const line of lines) {
    let start = 0;
    for (const piece of line.text.split(";")) {
      push(line, start, piece);
      start += piece.length + 1;
    }
  }
  return { items, splitAtSemicolons: lines.some((l) => l.text.includes(";")) };
}

class SetupCfgParser {
  readonly out: ParsedFile = emptyParsedFile();

  constructor(
    private readonly ini: IniFile,
    private readonly options: SetupCfgOptions,
  ) {}

  private option(section: string, key: string): IniOption | undefined {
    const exact = this.ini.option(section, key);
    if (exact) return exact;
    const dashed = this.ini.option(section, key.replace(/_/g, "-"));
    if (dashed) {
      this.out.diagnostics.push(
        diagnosticAt("info", { line: dashed.line, column: dashed.column }, `"${dashed.key}" is the deprecated spelling of "${key}"; it is read anyway`),
      );
    }
    return dashed;
  }

  private requirements(option: IniOption, source: RequirementSource): InputRequirement[] {
    const value = IniFile.value(option).trim();
    if (value.startsWith("file:")) return this.fileDirective(option, value.slice(5), source);
    const { items, splitAtSemicolons } = listItems(option);
    const out: InputRequirement[] = [];
    for (const item of items) {
      const result = requirementFromPep508(item.text, { source, at: item.at });
      if (result.ok) out.push(result.requirement);
      else {
        const hint = splitAtSemicolons ? " (a one-line value is split at ';'; put each requirement on its own line to use markers)" : "";
        this.out.diagnostics.push({ ...result.diagnostic, message: result.diagnostic.message + hint });
      }
    }
    return out;
  }

  /** `install_requires = file: requirements.txt` (setuptools >= 62.6). */
  private fileDirective(option: IniOption, list: string, source: RequirementSource): InputRequirement[] {
    const out: InputRequirement[] = [];
    const at = { line: option.line, column: option.column };
    for (const name of list.split(",").map((n) => n.trim()).filter((n) => n !== "")) {
      const found = lookUpFile(this.options, this.options.fileName, name);
      if (isMissing(found)) {
        if (found.error !== null) this.out.diagnostics.push(diagnosticAt("error", at, `file: ${name}: cannot read ${found.missing} (${found.error})`));
        else this.out.diagnostics.push(diagnosticAt("warning", at, `file: ${name} not read: the file was not provided; drop it in as well`));
        continue;
      }
      appendAll(out, this.readRequirementsFile(found.name, found.text, source));
    }
    return out;
  }

  private readRequirementsFile(name: string, text: string, source: RequirementSource): InputRequirement[] {
    const parsed = parseRequirementsTxt(text, { asFile: name, files: this.options.files, readFile: this.options.readFile, source });
    appendAll(this.out.diagnostics, parsed.diagnostics);
    return parsed.requirements;
  }

  parse(): ParsedFile {
    const installRequires = this.option("options", "install_requires");
    if (installRequires) appendAll(this.out.requirements, this.requirements(installRequires, { kind: "main" }));
    const extras = this.ini.section("options.extras_require");
    for (const option of extras?.options ?? []) {
      this.out.extras.push(option.key);
      appendAll(this.out.requirements, this.requirements(option, { kind: "extra", name: option.key }));
    }
    const pythonRequires = this.option("options", "python_requires");
    if (pythonRequires) {
      const value = IniFile.value(pythonRequires).trim();
      const first = pythonRequires.lines[0];
      const normalized = normalizeSpecifier(value, (o) => ({ line: first.line, column: first.column + o }));
      if (normalized.ok) this.out.requiresPython = normalized.specifier;
      else this.out.diagnostics.push(normalized.diagnostic);
    }
    for (const key of ["setup_requires", "tests_require"]) {
      const option = this.option("options", key);
      if (option) {
        this.out.diagnostics.push(
          diagnosticAt("info", { line: option.line, column: option.column }, `${key} is for building or testing the project, not a dependency; it is not included`),
        );
      }
    }
    if (this.isPbr()) this.pbr();
    return this.out;
  }

  private isPbr(): boolean {
    if (this.ini.section("pbr") || this.ini.section("files")) return true;
    const metadata = this.ini.section("metadata");
    return metadata?.options.some((o) => o.key === "home-page" || o.key === "description-file" || o.key === "summary") ?? false;
  }

  /** pbr: install_requires from requirements.txt, tests from test-requirements.txt, extras from [extras]. */
  private pbr(): void {
    const header = this.ini.section("metadata") ?? this.ini.section("pbr") ?? this.ini.section("files");
    const at = { line: header?.line ?? 1, column: 1 };
    const requirements = lookUpFile(this.options, this.options.fileName, "requirements.txt");
    if (!isMissing(requirements)) appendAll(this.out.requirements, this.readRequirementsFile(requirements.name, requirements.text, { kind: "main" }));
    else if (requirements.error !== null) {
      this.out.diagnostics.push(diagnosticAt("error", at, `this is a pbr project: its dependencies are in ${requirements.missing}, which cannot be read (${requirements.error})`));
    } else {
      this.out.diagnostics.push(
        diagnosticAt("warning", at, "this is a pbr project: its dependencies are in requirements.txt, which was not provided; drop it in as well"),
      );
    }
    // pbr reads test-requirements.txt when it is there; its absence is no error.
    const tests = lookUpFile(this.options, this.options.fileName, "test-requirements.txt");
    if (!isMissing(tests)) {
      this.out.groups.push("test");
      appendAll(this.out.requirements, this.readRequirementsFile(tests.name, tests.text, { kind: "group", name: "test" }));
    }
    const pythonRequires = this.ini.option("metadata", "python-requires") ?? this.ini.option("metadata", "python_requires");
    if (pythonRequires && this.out.requiresPython === null) {
      const first = pythonRequires.lines[0];
      const normalized = normalizeSpecifier(IniFile.value(pythonRequires).trim(), (o) => ({ line: first.line, column: first.column + o }));
      if (normalized.ok) this.out.requiresPython = normalized.specifier;
      else this.out.diagnostics.push(normalized.diagnostic);
    }
    for (const option of this.ini.section("extras")?.options ?? []) {
      this.out.extras.push(option.key);
      appendAll(this.out.requirements, this.requirements(option, { kind: "extra", name: option.key }));
    }
  }
}

/** Parses a setup.cfg; bad lines and bad requirements become located diagnostics, the rest still parse. */
export function parseSetupCfg(text: string, options: SetupCfgOptions = {}): ParsedFile {
  const { file, problems } = readIni(text, { lowercaseKeys: false });
  const parser = new SetupCfgParser(file, options);
  const out = parser.parse();
  for (const problem of problems) out.diagnostics.push(diagnosticAt("error", problem, problem.message));
  return out;
}
