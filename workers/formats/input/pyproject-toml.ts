// pyproject.toml: PEP 621 [project], PEP 735 [dependency-groups], Poetry's [tool.poetry], and uv/PDM dev groups.
import { appendAll } from "./append-all";
import type { TomlTable, TomlValue } from "smol-toml";
import { canonicalizeName } from "../../packaging/names";
import { type FileSource, isMissing, lookUpFile, type ReadFile } from "./file-references";
import { parseRequirementsTxt } from "./requirements-txt";
import { expandGroups, type GroupEntry, MAX_GROUP_ENTRIES } from "./dependency-groups";
import { diagnosticAt, type Position } from "./location";
import { poetryPythonToSpecifier } from "./poetry-constraint";
import { andMarkers, poetryDependency, type PoetryDependencyContext } from "./poetry-dependency";
import { formatPep508, normalizeSpecifier, requirementFromPep508 } from "./requirement-entry";
import type { InputRequirement, RequirementSource, Severity } from "../../api-input";
import { emptyParsedFile, type ParsedFile } from "./parsed-file";
import { describeToml, isTable, parseTomlDocument, type TomlDocument, type TomlPath } from "./toml-document";

class PyprojectParser {
  readonly out: ParsedFile = emptyParsedFile();
  private projectName: string | null = null;
  /** Requirements by extra (as written) and by group, before self-references are expanded. */
  private readonly extras = new Map<string, InputRequirement[]>();
  private readonly groups = new Map<string, GroupEntry<InputRequirement>[]>();

  constructor(
    private readonly doc: TomlDocument,
    private readonly fileName: string | undefined,
    private readonly fileSource: FileSource,
  ) {}

  private report(severity: Severity, position: Position, what: string): void {
    this.out.diagnostics.push(diagnosticAt(severity, position, what));
  }

  private table(path: TomlPath): TomlTable | null {
    let value: TomlValue | undefined = this.doc.data;
    for (const key of path) {
      if (!isTable(value)) return null;
      value = value[key as string];
    }
    if (value === undefined) return null;
    if (!isTable(value)) {
      this.report("error", this.doc.valuePosition(path), `[${path.join(".")}] must be a table, not ${describeToml(value)}`);
      return null;
    }
    return value;
  }

  /** A PEP 508 string at `path` in the document, or null (with a diagnostic). */
  private pep508At(path: TomlPath, value: TomlValue, source: RequirementSource): InputRequirement | null {
    if (typeof value !== "string") {
      this.report("error", this.doc.valuePosition(path), `expected a PEP 508 requirement string, found ${describeToml(value)}`);
      return null;
    }
    const result = requirementFromPep508(value, { source, at: this.doc.stringMapper(path) });
    if (!result.ok) {
      this.out.diagnostics.push(result.diagnostic);
      return null;
    }
    return result.requirement;
  }

  /** An array of PEP 508 strings. */
  private pep508Array(path: TomlPath, value: TomlValue, source: RequirementSource): InputRequirement[] {
    if (!Array.isArray(value)) {
      this.report("error", this.doc.valuePosition(path), `[${path.join(".")}] must be an array of requirement strings, not ${describeToml(value)}`);
      return [];
    }
    const out: InputRequirement[] = [];
    value.forEach((item, index) => {
      const requirement = this.pep508At([...path, index], item, source);
      if (requirement) out.push(requirement);
    });
    return out;
  }

  parse(): ParsedFile {
    this.project();
    this.dependencyGroups();
    this.buildSystem();
    this.poetry();
    this.uvAndPdm();
    this.finish();
    return this.out;
  }

  private project(): void {
    const project = this.table(["project"]);
    if (!project) return;
    if (typeof project.name === "string") this.projectName = project.name;
    if (project.dependencies !== undefined) {
      appendAll(this.out.requirements, this.pep508Array(["project", "dependencies"], project.dependencies, { kind: "main" }));
    }
    const optional = this.table(["project", "optional-dependencies"]);
    if (optional) {
      for (const [extra, list] of Object.entries(optional)) {
        const path = ["project", "optional-dependencies", extra];
        this.extras.set(extra, this.pep508Array(path, list, { kind: "extra", name: extra }));
      }
    }
    const requiresPython = project["requires-python"];
    if (typeof requiresPython === "string") {
      const normalized = normalizeSpecifier(requiresPython, this.doc.stringMapper(["project", "requires-python"]));
      if (normalized.ok) this.out.requiresPython = normalized.specifier;
      else this.out.diagnostics.push(normalized.diagnostic);
    } else if (requiresPython !== undefined) {
      this.report("error", this.doc.valuePosition(["project", "requires-python"]), `requires-python must be a string, not ${describeToml(requiresPython)}`);
    }
    const dynamic = Array.isArray(project.dynamic) ? project.dynamic : [];
    const providedByPoetry: Record<string, TomlPath> = {
      dependencies: ["tool", "poetry", "dependencies"],
      "optional-dependencies": ["tool", "poetry", "extras"],
    };
    const backend = this.doc.data["build-system"];
    const pbr = isTable(backend) && backend["build-backend"] === "pbr.build";
    if (pbr && dynamic.includes("dependencies")) this.pbrRequirements();
    for (const field of ["dependencies", "optional-dependencies"]) {
      if (pbr && field === "dependencies") continue;
      if (dynamic.includes(field) && this.doc.location(providedByPoetry[field]) === undefined) {
        this.report("warning", this.doc.valuePosition(["project", "dynamic"]), `${field} are dynamic: the build backend computes them, which Tangle cannot do`);
      }
    }
  }

  /** pbr on PEP 621 (`build-backend = "pbr.build"`, dynamic dependencies): the dependencies are requirements.txt's. */
  private pbrRequirements(): void {
    const at = this.doc.valuePosition(["project", "dynamic"]);
    const found = lookUpFile(this.fileSource, this.fileName, "requirements.txt");
    if (isMissing(found)) {
      if (found.error !== null) this.report("error", at, `dependencies are dynamic and pbr reads them from ${found.missing}, which cannot be read (${found.error})`);
      else this.report("warning", at, "dependencies are dynamic and pbr reads them from requirements.txt, which was not provided; drop it in as well");
      return;
    }
    const parsed = parseRequirementsTxt(found.text, { asFile: found.name, files: this.fileSource.files, readFile: this.fileSource.readFile, source: { kind: "main" } });
    appendAll(this.out.diagnostics, parsed.diagnostics);
    appendAll(this.out.requirements, parsed.requirements);
  }

  private dependencyGroups(): void {
    const groups = this.table(["dependency-groups"]);
    if (!groups) return;
    for (const [group, list] of Object.entries(groups)) {
      const path = ["dependency-groups", group];
      if (!Array.isArray(list)) {
        this.report("error", this.doc.valuePosition(path), `dependency group "${group}" must be an array, not ${describeToml(list)}`);
        continue;
      }
      const entries: GroupEntry<InputRequirement>[] = [];
      list.forEach((item, index) => {
        const itemPath = [...path, index];
        if (isTable(item)) {
          const include = item["include-group"];
          const keys = Object.keys(item);
          if (typeof include === "string" && keys.length === 1) {
            entries.push({ kind: "include", name: include, at: this.doc.valuePosition(itemPath) });
          } else {
            this.report("error", this.doc.valuePosition(itemPath), `a dependency group entry must be a requirement string or {include-group = "name"}`);
          }
          return;
        }
        const requirement = this.pep508At(itemPath, item, { kind: "group", name: group });
        if (requirement) entries.push({ kind: "item", item: requirement });
      });
      this.addGroupEntries(group, entries);
    }
  }

  private addGroupEntries(group: string, entries: GroupEntry<InputRequirement>[]): void {
    const existing = [...this.groups.keys()].find((g) => canonicalizeName(g) === canonicalizeName(group));
    if (existing !== undefined) appendAll(this.groups.get(existing) ?? [], entries);
    else this.groups.set(group, entries);
  }

  private buildSystem(): void {
    const build = this.table(["build-system"]);
    if (!build || !Array.isArray(build.requires)) return;
    const count = build.requires.length;
    this.report(
      "info",
      this.doc.keyPosition(["build-system", "requires"]),
      `[build-system] requires (${count} requirement${count === 1 ? "" : "s"}) is what building the project needs, not a dependency; it is not included`,
    );
  }

  private poetry(): void {
    const poetry = this.table(["tool", "poetry"]);
    if (!poetry) return;
    const project = this.table(["project"]);
    const pep621Dependencies = project !== null && project.dependencies !== undefined;
    const pep621Extras = project !== null && project["optional-dependencies"] !== undefined;

    const context = (source: RequirementSource): PoetryDependencyContext => ({ doc: this.doc, source, diagnostics: this.out.diagnostics });
    const mainDeps = new Map<string, InputRequirement[]>();
    const dependencies = this.table(["tool", "poetry", "dependencies"]);
    if (dependencies) {
      for (const [name, value] of Object.entries(dependencies)) {
        const path = ["tool", "poetry", "dependencies", name];
        if (name.toLowerCase() === "python") {
          this.poetryPython(path, value);
          continue;
        }
        if (pep621Dependencies) continue;
        const deps = poetryDependency(name, path, value, context({ kind: "main" }));
        mainDeps.set(canonicalizeName(name), deps.map((d) => d.requirement));
        for (const dep of deps) {
          if (!dep.optional) this.out.requirements.push(dep.requirement);
        }
      }
      if (pep621Dependencies && Object.keys(dependencies).some((n) => n.toLowerCase() !== "python")) {
        this.report(
          "info",
          this.doc.keyPosition(["tool", "poetry", "dependencies"]),
          "[project] dependencies are set, so [tool.poetry.dependencies] only adds details to them (sources, develop) and is not read as requirements",
        );
      }
    }

    const extras = this.table(["tool", "poetry", "extras"]);
    if (extras && !pep621Extras) {
      for (const [extra, names] of Object.entries(extras)) {
        const path = ["tool", "poetry", "extras", extra];
        if (!Array.isArray(names)) {
          this.report("error", this.doc.valuePosition(path), `extra "${extra}" must be an array of dependency names`);
          continue;
        }
        const list: InputRequirement[] = [];
        names.forEach((name, index) => {
          if (typeof name !== "string") return;
          const bare = name.split(/[\s[<>=!~;]/, 1)[0];
          const found = mainDeps.get(canonicalizeName(bare));
          if (!found) {
            this.report("warning", this.doc.valuePosition([...path, index]), `extra "${extra}" names "${name}", which is not in [tool.poetry.dependencies]`);
            return;
          }
          appendAll(list, found.map((r) => ({ ...r, source: { kind: "extra" as const, name: extra } })));
        });
        this.extras.set(extra, list);
      }
    }
    if (dependencies && !pep621Dependencies) {
      for (const [name, value] of Object.entries(dependencies)) {
        const optional = isTable(value) ? value.optional === true : Array.isArray(value) && value.some((v) => isTable(v) && v.optional === true);
        if (!optional) continue;
        const inExtra = [...this.extras.values()].some((list) => list.some((r) => canonicalizeName(r.name) === canonicalizeName(name)));
        if (!inExtra) {
          this.report("info", this.doc.keyPosition(["tool", "poetry", "dependencies", name]), `${name} is optional and no extra in [tool.poetry.extras] names it, so it is not included`);
        }
      }
    }

    const poetryGroups = this.table(["tool", "poetry", "group"]);
    if (poetryGroups) {
      for (const [group, config] of Object.entries(poetryGroups)) {
        if (!isTable(config)) continue;
        const entries: GroupEntry<InputRequirement>[] = [];
        const groupDeps = this.table(["tool", "poetry", "group", group, "dependencies"]);
        if (groupDeps) {
          for (const [name, value] of Object.entries(groupDeps)) {
            const path = ["tool", "poetry", "group", group, "dependencies", name];
            if (name.toLowerCase() === "python") continue;
            for (const dep of poetryDependency(name, path, value, context({ kind: "group", name: group }))) {
              entries.push({ kind: "item", item: dep.requirement });
            }
          }
        }
        const includes = config["include-groups"];
        if (Array.isArray(includes)) {
          includes.forEach((include, index) => {
            if (typeof include === "string") {
              entries.push({ kind: "include", name: include, at: this.doc.valuePosition(["tool", "poetry", "group", group, "include-groups", index]) });
            }
          });
        }
        this.addGroupEntries(group, entries);
        // Poetry installs every group not marked optional (`poetry install` without --with/--only).
        if (config.optional !== true) (this.out.defaultGroups ??= []).push(group);
      }
    }
    const devDependencies = this.table(["tool", "poetry", "dev-dependencies"]);
    if (devDependencies) {
      this.report("info", this.doc.keyPosition(["tool", "poetry", "dev-dependencies"]), `[tool.poetry.dev-dependencies] is deprecated; it is read as the group "dev"`);
      const entries: GroupEntry<InputRequirement>[] = [];
      for (const [name, value] of Object.entries(devDependencies)) {
        const path = ["tool", "poetry", "dev-dependencies", name];
        for (const dep of poetryDependency(name, path, value, context({ kind: "group", name: "dev" }))) {
          entries.push({ kind: "item", item: dep.requirement });
        }
      }
      this.addGroupEntries("dev", entries);
      (this.out.defaultGroups ??= []).push("dev");
    }

    const sources = poetry.source;
    if (Array.isArray(sources)) {
      sources.forEach((source, index) => {
        if (!isTable(source) || typeof source.url !== "string") return;
        const path = ["tool", "poetry", "source", index];
        const priority = typeof source.priority === "string" ? source.priority : source.default === true ? "default" : source.secondary === true ? "secondary" : "primary";
        if (priority === "explicit") {
          this.report("info", this.doc.valuePosition(path), `source "${String(source.name)}" is explicit (only for dependencies that name it); it is not used as an index`);
        } else if ((priority === "primary" || priority === "default") && this.out.indexUrl === null) {
          this.out.indexUrl = source.url;
        } else if (!this.out.extraIndexUrls.includes(source.url)) {
          this.out.extraIndexUrls.push(source.url);
        }
      });
    }
  }

  private poetryPython(path: TomlPath, value: TomlValue): void {
    if (typeof value !== "string") {
      this.report("error", this.doc.valuePosition(path), `python must be a version constraint string, not ${describeToml(value)}`);
      return;
    }
    const converted = poetryPythonToSpecifier(value);
    const at = this.doc.stringMapper(path);
    if (!converted.ok) {
      this.report("error", at(converted.offset), `python: ${converted.message}`);
      return;
    }
    if (converted.warning) this.report("warning", at(0), `python: ${converted.warning}`);
    if (this.out.requiresPython !== null || converted.specifier === "") return;
    const normalized = normalizeSpecifier(converted.specifier, at);
    if (normalized.ok) this.out.requiresPython = normalized.specifier;
    else this.out.diagnostics.push(normalized.diagnostic);
  }

  private uvAndPdm(): void {
    const uv = this.table(["tool", "uv"]);
    if (uv) {
      if (uv["dev-dependencies"] !== undefined) {
        const list = this.pep508Array(["tool", "uv", "dev-dependencies"], uv["dev-dependencies"], { kind: "group", name: "dev" });
        this.addGroupEntries("dev", list.map((item) => ({ kind: "item", item })));
      }
      const indexes = uv.index;
      if (Array.isArray(indexes)) {
        for (const index of indexes) {
          if (!isTable(index) || typeof index.url !== "string" || index.explicit === true) continue;
          if (index.default === true) this.out.indexUrl = index.url;
          else if (!this.out.extraIndexUrls.includes(index.url)) this.out.extraIndexUrls.push(index.url);
        }
      }
    }
    const pdmDev = this.table(["tool", "pdm", "dev-dependencies"]);
    if (pdmDev) {
      for (const [group, list] of Object.entries(pdmDev)) {
        const requirements = this.pep508Array(["tool", "pdm", "dev-dependencies", group], list, { kind: "group", name: group });
        this.addGroupEntries(group, requirements.map((item) => ({ kind: "item", item })));
      }
    }
  }

  /** Expands groups and self-referencing extras (`myproject[extra]`), then flattens everything into the output. */
  private finish(): void {
    const self = this.projectName === null ? null : canonicalizeName(this.projectName);
    const extraByCanonical = new Map<string, string>();
    for (const extra of this.extras.keys()) extraByCanonical.set(canonicalizeName(extra), extra);

    // Each extra is expanded once; a requirement reached twice (a diamond of self-references) is kept once.
    const expandedExtras = new Map<string, InputRequirement[]>();
    const expandSelf = (list: InputRequirement[], source: RequirementSource, stack: string[]): InputRequirement[] => {
      const out: InputRequirement[] = [];
      const seen = new Set<string>();
      const add = (requirement: InputRequirement): void => {
        const key = JSON.stringify([requirement.pep508, requirement.file ?? "", requirement.line, requirement.column]);
        if (seen.has(key) || out.length >= MAX_GROUP_ENTRIES) return;
        seen.add(key);
        out.push(requirement);
      };
      for (const requirement of list) {
        if (self === null || requirement.url !== null || canonicalizeName(requirement.name) !== self) {
          add({ ...requirement, source });
          continue;
        }
        for (const extra of requirement.extras) {
          const target = extraByCanonical.get(canonicalizeName(extra));
          const at = { line: requirement.line, column: requirement.column };
          if (target === undefined) {
            this.report("warning", at, `${requirement.text} names the extra "${extra}", which this project does not define`);
            continue;
          }
          if (stack.includes(target)) {
            this.report("error", at, `${requirement.text} makes the extra "${target}" include itself (${[...stack, target].join(" -> ")})`);
            continue;
          }
          let inner = expandedExtras.get(target);
          if (inner === undefined) {
            inner = expandSelf(this.extras.get(target) ?? [], { kind: "extra", name: target }, [...stack, target]);
            expandedExtras.set(target, inner);
          }
          for (const item of inner) add(this.withMarker({ ...item, source }, requirement.marker));
        }
      }
      return out;
    };

    for (const [extra, list] of this.extras) {
      this.out.extras.push(extra);
      appendAll(this.out.requirements, expandSelf(list, { kind: "extra", name: extra }, [extra]));
    }
    const { expanded, problems } = expandGroups(this.groups);
    for (const problem of problems) this.report("error", problem.at, problem.message);
    for (const [group, list] of expanded) {
      this.out.groups.push(group);
      appendAll(this.out.requirements, expandSelf(list, { kind: "group", name: group }, []));
    }
  }

  /** A requirement reached through a self-reference with a marker: both markers must hold. */
  private withMarker(requirement: InputRequirement, marker: string | null): InputRequirement {
    if (marker === null) return requirement;
    const combined = andMarkers([requirement.marker ?? "", marker]);
    const pep508 = formatPep508({ ...requirement, marker: combined });
    const at = { line: requirement.line, column: requirement.column };
    const result = requirementFromPep508(pep508, { source: requirement.source, at: () => at, text: requirement.text });
    if (!result.ok) return requirement;
    return { ...result.requirement, kind: requirement.kind, url: requirement.url, hashes: requirement.hashes };
  }
}

export interface PyprojectTomlOptions {
  fileName?: string;
  files?: Record<string, string>;
  readFile?: ReadFile;
}

/** Parses a pyproject.toml; TOML syntax errors and bad entries become located diagnostics. */
export function parsePyprojectToml(text: string, options: PyprojectTomlOptions = {}): ParsedFile {
  const parsed = parseTomlDocument(text);
  if (!parsed.ok) {
    const out = emptyParsedFile();
    out.diagnostics.push(parsed.diagnostic);
    return out;
  }
  return new PyprojectParser(parsed.document, options.fileName, { files: options.files, readFile: options.readFile }).parse();
}
