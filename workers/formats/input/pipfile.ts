// Pipfile (pipenv): [packages], [dev-packages] (group "dev"), other package categories, [requires], [[source]], [pipenv].
import type { TomlValue } from "smol-toml";
import { diagnosticAt, type Position } from "./location";
import { andMarkers } from "./poetry-dependency";
import { formatPep508, requirementFromPep508 } from "./requirement-entry";
import type { InputRequirement, RequirementKind, RequirementSource, Severity } from "../../api-input";
import { emptyParsedFile, type ParsedFile } from "./parsed-file";
import { describeToml, isTable, parseTomlDocument, type TomlDocument, type TomlPath } from "./toml-document";

/** Pipfile keys that are PEP 508 marker variables: `sys_platform = "== 'win32'"`. */
const MARKER_KEYS = new Set([
  "os_name", "sys_platform", "platform_machine", "platform_python_implementation", "platform_release", "platform_system",
  "platform_version", "python_version", "python_full_version", "implementation_name", "implementation_version",
]);
const VCS_KEYS = ["git", "hg", "svn", "bzr"] as const;
const PACKAGE_KEYS = new Set(["version", "extras", "markers", "index", "ref", "subdirectory", "editable", "path", "file", ...VCS_KEYS, ...MARKER_KEYS]);
const NON_PACKAGE_TABLES = new Set(["source", "requires", "pipenv", "scripts"]);

class PipfileParser {
  readonly out: ParsedFile = emptyParsedFile();
  private sourceNames: string[] = [];

  constructor(private readonly doc: TomlDocument) {}

  private report(severity: Severity, position: Position, what: string): void {
    this.out.diagnostics.push(diagnosticAt(severity, position, what));
  }

  parse(): ParsedFile {
    const data = this.doc.data;
    this.sources(data.source);
    for (const [table, value] of Object.entries(data)) {
      if (NON_PACKAGE_TABLES.has(table)) continue;
      if (!isTable(value)) {
        this.report("warning", this.doc.valuePosition([table]), `"${table}" is not a Pipfile section; it is ignored`);
        continue;
      }
      let source: RequirementSource;
      if (table === "packages") source = { kind: "main" };
      else {
        const group = table === "dev-packages" ? "dev" : table;
        if (table !== "dev-packages") this.report("info", this.doc.valuePosition([table]), `[${table}] is read as the package category (group) "${table}"`);
        source = { kind: "group", name: group };
        this.out.groups.push(group);
      }
      for (const [name, spec] of Object.entries(value)) {
        const requirement = this.package(name, [table, name], spec, source);
        if (requirement) this.out.requirements.push(requirement);
      }
    }
    this.requires();
    const pipenv = data.pipenv;
    if (isTable(pipenv) && pipenv.allow_prereleases === true) this.out.pre = true;
    return this.out;
  }

  private sources(sources: TomlValue | undefined): void {
    if (sources === undefined) return;
    if (!Array.isArray(sources)) {
      this.report("error", this.doc.valuePosition(["source"]), "[[source]] must be an array of tables");
      return;
    }
    sources.forEach((source, index) => {
      if (!isTable(source) || typeof source.url !== "string") {
        this.report("error", this.doc.valuePosition(["source", index]), "a [[source]] needs a url");
        return;
      }
      this.sourceNames.push(typeof source.name === "string" ? source.name : "");
      if (this.out.indexUrl === null) this.out.indexUrl = source.url;
      else if (!this.out.extraIndexUrls.includes(source.url)) this.out.extraIndexUrls.push(source.url);
    });
  }

  private requires(): void {
    const requires = this.doc.data.requires;
    if (requires === undefined) return;
    if (!isTable(requires)) {
      this.report("error", this.doc.valuePosition(["requires"]), "[requires] must be a table");
      return;
    }
    const valid = (value: TomlValue | undefined): value is string => typeof value === "string" && /^\d+(\.\d+)*$/.test(value);
    for (const key of ["python_full_version", "python_version"]) {
      const value = requires[key];
      if (value !== undefined && !valid(value)) {
        const shown = typeof value === "string" ? `"${value}"` : describeToml(value);
        this.report("error", this.doc.valuePosition(["requires", key]), `${key} must be a version such as "3.11", not ${shown}`);
      }
    }
    if (valid(requires.python_full_version)) this.out.requiresPython = `==${requires.python_full_version}`;
    else if (valid(requires.python_version)) this.out.requiresPython = `==${requires.python_version}.*`;
  }

  /** A Pipfile version string: "*" is any version; a bare version means ==. */
  private specifier(value: string, path: TomlPath, name: string): string {
    const trimmed = value.trim();
    if (trimmed === "*" || trimmed === "") return "";
    if (/^\d/.test(trimmed)) {
      this.report("info", this.doc.valuePosition(path), `${name}: the bare version "${trimmed}" is read as "==${trimmed}"`);
      return `==${trimmed}`;
    }
    return trimmed;
  }

  private package(name: string, path: TomlPath, spec: TomlValue, source: RequirementSource): InputRequirement | null {
    const keyAt = this.doc.keyPosition(path);
    const text = this.doc.sourceText(path);
    if (typeof spec === "string") {
      const specifier = this.specifier(spec, path, name);
      const stringAt = this.doc.stringMapper(path);
      const head = name;
      const result = requirementFromPep508(`${head}${specifier}`, {
        source,
        at: (o) => (o >= head.length ? stringAt(o - head.length + (spec.length - spec.trimStart().length)) : keyAt),
        text,
        textAt: keyAt,
      });
      if (!result.ok) {
        this.out.diagnostics.push(result.diagnostic);
        return null;
      }
      return result.requirement;
    }
    if (!isTable(spec)) {
      this.report("error", this.doc.valuePosition(path), `${name}: a package must be a version string or a table, not ${describeToml(spec)}`);
      return null;
    }
    for (const key of Object.keys(spec)) {
      if (!PACKAGE_KEYS.has(key)) this.report("warning", this.doc.keyPosition([...path, key]), `${name}: unknown key "${key}" is ignored`);
    }
    const extras = Array.isArray(spec.extras) ? spec.extras.filter((e): e is string => typeof e === "string") : [];
    const markers: string[] = [];
    if (typeof spec.markers === "string") markers.push(spec.markers);
    for (const key of Object.keys(spec)) {
      const value = spec[key];
      if (MARKER_KEYS.has(key) && typeof value === "string") markers.push(`${key} ${value.trim()}`);
    }
    const marker = andMarkers(markers);
    if (typeof spec.index === "string" && spec.index !== this.sourceNames[0]) {
      this.report("info", this.doc.valuePosition([...path, "index"]), `${name}: the index "${spec.index}" is not used on its own; every [[source]] is searched`);
    }

    let url: string | null = null;
    let kind: RequirementKind = "index";
    let specifier = "";
    const vcs = VCS_KEYS.find((k) => typeof spec[k] === "string");
    const editable = spec.editable === true;
    if (vcs) {
      const base = String(spec[vcs]);
      const ref = typeof spec.ref === "string" ? `@${spec.ref}` : "";
      const subdirectory = typeof spec.subdirectory === "string" ? `#subdirectory=${spec.subdirectory}` : "";
      url = `${base.startsWith(`${vcs}+`) ? base : `${vcs}+${base}`}${ref}${subdirectory}`;
      kind = editable ? "editable" : "vcs";
    } else if (typeof spec.path === "string") {
      url = spec.path;
      kind = editable ? "editable" : "path";
    } else if (typeof spec.file === "string") {
      url = spec.file;
      kind = "url";
    } else if (spec.version !== undefined) {
      if (typeof spec.version !== "string") {
        this.report("error", this.doc.valuePosition([...path, "version"]), `${name}: version must be a string`);
        return null;
      }
      specifier = this.specifier(spec.version, [...path, "version"], name);
    }

    const checkText = formatPep508({ name, extras, specifier, url: null, marker });
    const versionAt = spec.version !== undefined ? this.doc.stringMapper([...path, "version"]) : null;
    const markerAt = typeof spec.markers === "string" ? this.doc.stringMapper([...path, "markers"]) : null;
    const nameAndExtras = formatPep508({ name, extras, specifier: "", url: null, marker: null }).length;
    const markerStart = marker === null ? -1 : checkText.length - marker.length + (typeof spec.markers === "string" ? marker.indexOf(spec.markers) : 0);
    const result = requirementFromPep508(checkText, {
      source,
      at: (o) => {
        if (markerAt !== null && markerStart >= 0 && o >= markerStart) return markerAt(o - markerStart);
        if (versionAt !== null && o >= nameAndExtras && o <= nameAndExtras + specifier.length) return versionAt(o - nameAndExtras);
        return keyAt;
      },
      text,
      textAt: keyAt,
    });
    if (!result.ok) {
      this.out.diagnostics.push(result.diagnostic);
      return null;
    }
    if (url === null) return result.requirement;
    return {
      ...result.requirement,
      url,
      kind,
      specifier: "",
      pep508: formatPep508({ name, extras: result.requirement.extras, specifier: "", url, marker: result.requirement.marker }),
    };
  }
}

/** Parses a Pipfile; TOML syntax errors and bad entries become located diagnostics. */
export function parsePipfile(text: string): ParsedFile {
  const parsed = parseTomlDocument(text);
  if (!parsed.ok) {
    const out = emptyParsedFile();
    out.diagnostics.push(parsed.diagnostic);
    return out;
  }
  return new PipfileParser(parsed.document).parse();
}
