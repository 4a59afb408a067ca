// requirements.txt / requirements.in in pip's full syntax: options, includes, hashes, URLs, VCS, paths, editables.
import {
  eggFragment,
  guessSdistName,
  isArchiveFile,
  isPipUrl,
  isVcsUrl,
  looksLikePath,
  parseWheelFilename,
  stripExtras,
  urlFilename,
  urlScheme,
} from "./direct-reference";
import { type FileSource, isMissing, isRemoteReference, lookUpFile, normalizePath, type ReadFile } from "./file-references";
import { diagnosticAt, type OffsetMapper } from "./location";
import { type LogicalLine, logicalLines } from "./pip-lines";
import { breakArgsOptions, type PipOption, parseOptions } from "./pip-options";
import { formatPep508, normalizeMarker, requirementFromPep508 } from "./requirement-entry";
import type { InputRequirement, RequirementKind, RequirementSource, Severity } from "../../api-input";
import { emptyParsedFile, type ParsedFile } from "./parsed-file";

export interface RequirementsTxtOptions {
  /** The parsed text's own name (base of relative `-r` paths). */
  fileName?: string;
  /** Other files, by name, that `-r`/`-c` may name. */
  files?: Record<string, string>;
  /** Reads a named file that is not in `files` (the CLI's disk). */
  readFile?: ReadFile;
  /** What the requirements are (setup.cfg's pbr reads requirements.txt as the main dependencies). */
  source?: RequirementSource;
  /** Treat the requirements as constraints (a file given with `-c`). */
  constraint?: boolean;
  /** The text is another file read on behalf of the parsed one (pbr's requirements.txt): locate everything in it. */
  asFile?: string;
}

/** pip's STRONG_HASHES. */
const HASH_ALGORITHMS = new Set(["sha256", "sha384", "sha512"]);
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
const IGNORED_OPTION_REASONS: Partial<Record<PipOption["name"], string>> = {
  "find-links": "Tangle only reads package indexes, not --find-links locations",
  "no-binary": "Tangle's candidate choice does not follow --no-binary",
  "only-binary": "Tangle's candidate choice does not follow --only-binary",
  "prefer-binary": "Tangle's candidate choice does not follow --prefer-binary",
  "require-hashes": "hashes are kept on the requirements but not enforced",
  "trusted-host": "the browser decides which hosts it trusts",
  "use-feature": "pip features do not apply to Tangle",
  "no-index": "Tangle resolves from an index; choose the index in the settings instead",
};

class RequirementsTxtParser {
  readonly out: ParsedFile = emptyParsedFile();
  /** Files already read, as `r:` or `c:` plus the normalised name: a file included twice is read once. */
  private readonly read = new Set<string>();

  constructor(
    private readonly fileSource: FileSource,
    private readonly source: RequirementSource,
  ) {}

  private report(severity: Severity, at: OffsetMapper, offset: number, what: string, file: string | undefined): void {
    this.out.diagnostics.push(diagnosticAt(severity, at(offset), what, { file }));
  }

  /** Parses one file; `file` is undefined for the top-level text. `stack` holds the files being read (cycle check). */
  parseFile(text: string, file: string | undefined, ownName: string | undefined, constraint: boolean, stack: string[]): void {
    for (const line of logicalLines(text)) this.parseLine(line, file, ownName, constraint, stack);
  }

  private parseLine(line: LogicalLine, file: string | undefined, ownName: string | undefined, constraint: boolean, stack: string[]): void {
    const text = line.text;
    for (const match of text.matchAll(ENV_VAR)) {
      this.report(
        "warning",
        line.at,
        match.index,
        `environment variable ${match[0]} is left as is: Tangle runs without your environment`,
        file,
      );
    }
    const { args, optionsStart } = breakArgsOptions(text);
    const parsed = optionsStart < text.length ? parseOptions(text, optionsStart) : { options: [], ignoredArgs: [], problems: [] };
    for (const problem of parsed.problems) this.report("error", line.at, problem.start, problem.message, file);
    for (const ignored of parsed.ignoredArgs) {
      this.report("warning", line.at, ignored.start, `"${ignored.value}" after the options is ignored (as pip does)`, file);
    }

    if (args !== "") {
      const hashes = this.requirementOptions(parsed.options, line, file);
      this.requirementLine(args, line.at, { file, constraint, hashes });
      return;
    }
    const editable = parsed.options.find((o) => o.name === "editable");
    if (editable && editable.value !== null) {
      const at: OffsetMapper = (offset) => line.at(editable.valueStart + offset);
      this.editableLine(editable.value, at, { file, constraint });
      for (const other of parsed.options) {
        if (other !== editable) this.report("warning", line.at, other.start, `${other.flag} is ignored on an editable requirement line`, file);
      }
      return;
    }
    for (const option of parsed.options) this.optionLine(option, line, file, ownName, stack);
  }

  /** Per-requirement options: `--hash` is kept; the rest are reported. */
  private requirementOptions(options: PipOption[], line: LogicalLine, file: string | undefined): string[] {
    const hashes: string[] = [];
    for (const option of options) {
      if (option.name === "hash" && option.value !== null) {
        const colon = option.value.indexOf(":");
        const algorithm = colon < 0 ? "" : option.value.slice(0, colon);
        const digest = colon < 0 ? "" : option.value.slice(colon + 1);
        if (colon < 0 || digest === "") {
          this.report(
            "error",
            line.at,
            option.valueStart,
            `--hash must be a hash name followed by a value, like --hash=sha256:abcde...`,
            file,
          );
        } else if (!HASH_ALGORITHMS.has(algorithm)) {
          this.report("error", line.at, option.valueStart, `--hash algorithm "${algorithm}" is not allowed; use sha256, sha384 or sha512`, file);
        } else if (!/^[0-9a-f]+$/i.test(digest)) {
          this.report("error", line.at, option.valueStart + colon + 1, `--hash value "${digest}" is not hexadecimal`, file);
        } else {
          hashes.push(`${algorithm}:${digest.toLowerCase()}`);
        }
      } else if (option.name === "global-option" || option.name === "config-settings") {
        this.report("warning", line.at, option.start, `${option.flag} is ignored: Tangle does not build packages`, file);
      } else {
        this.report("warning", line.at, option.start, `${option.flag} is ignored on a requirement line (as pip does)`, file);
      }
    }
    return hashes;
  }

  private optionLine(
    option: PipOption,
    line: LogicalLine,
    file: string | undefined,
    ownName: string | undefined,
    stack: string[],
  ): void {
    const value = option.value ?? "";
    switch (option.name) {
      case "index-url":
        this.out.indexUrl = value;
        return;
      case "extra-index-url":
        if (!this.out.extraIndexUrls.includes(value)) this.out.extraIndexUrls.push(value);
        return;
      case "pre":
        this.out.pre = true;
        return;
      case "hash":
        this.report("warning", line.at, option.start, "--hash without a requirement on the same line is ignored", file);
        return;
      case "requirement":
      case "constraint":
        this.include(option, value, line, file, ownName, option.name === "constraint", stack);
        return;
      case "global-option":
      case "config-settings":
        this.report("warning", line.at, option.start, `${option.flag} is ignored: Tangle does not build packages`, file);
        return;
      default: {
        const reason = IGNORED_OPTION_REASONS[option.name] ?? "it does not apply to Tangle";
        this.report("warning", line.at, option.start, `${option.flag} is recognized but ignored: ${reason}`, file);
        return;
      }
    }
  }

  private include(
    option: PipOption,
    reference: string,
    line: LogicalLine,
    file: string | undefined,
    ownName: string | undefined,
    nestedConstraint: boolean,
    stack: string[],
  ): void {
    const what = nestedConstraint ? "constraints file" : "requirements file";
    if (isRemoteReference(reference) && !this.fileSource.files?.[reference]) {
      this.report("warning", line.at, option.valueStart, `${option.flag} ${reference} not followed: Tangle does not download ${what}s; drop the file in as well`, file);
      return;
    }
    const found = lookUpFile(this.fileSource, ownName, reference);
    if (isMissing(found)) {
      if (found.error !== null) this.report("error", line.at, option.valueStart, `${option.flag} ${reference}: cannot read the ${what} ${found.missing} (${found.error})`, file);
      else this.report("warning", line.at, option.valueStart, `${option.flag} ${reference} not followed: the ${what} ${found.missing} was not provided; drop it in as well`, file);
      return;
    }
    const key = normalizePath(found.name);
    if (stack.includes(key)) {
      const cycle = [...stack.slice(stack.indexOf(key)), key].join(" -> ");
      this.report("error", line.at, option.valueStart, `${option.flag} ${reference} includes a file that is already being read (${cycle}); not followed again`, file);
      return;
    }
    // A diamond (two files including the same third) reads it once: the second reading adds nothing new.
    const readKey = `${nestedConstraint ? "c" : "r"}:${key}`;
    if (this.read.has(readKey)) return;
    this.read.add(readKey);
    this.parseFile(found.text, found.name, found.name, nestedConstraint, [...stack, key]);
  }

  private add(requirement: InputRequirement, constraint: boolean): void {
    if (constraint) this.out.constraints.push(requirement);
    else this.out.requirements.push(requirement);
  }

  private direct(parts: {
    text: string;
    at: OffsetMapper;
    file: string | undefined;
    name: string;
    extras: string[];
    specifier: string;
    url: string;
    marker: string | null;
    kind: RequirementKind;
    hashes: string[];
  }): InputRequirement {
    const start = parts.at(0);
    const requirement: InputRequirement = {
      text: parts.text,
      line: start.line,
      column: start.column,
      name: parts.name,
      extras: parts.extras,
      specifier: parts.specifier,
      marker: parts.marker,
      url: parts.url,
      kind: parts.kind,
      hashes: parts.hashes,
      source: this.source,
      pep508: formatPep508({ name: parts.name, extras: parts.extras, specifier: "", url: parts.url, marker: parts.marker }),
      allowPrereleases: false,
    };
    if (parts.file !== undefined) requirement.file = parts.file;
    return requirement;
  }

  /** pip's parse_req_from_line, without touching a file system. */
  private requirementLine(
    args: string,
    at: OffsetMapper,
    context: { file: string | undefined; constraint: boolean; hashes: string[] },
  ): void {
    const { file, constraint, hashes } = context;
    const urlLike = isPipUrl(args);
    const separator = urlLike ? "; " : ";";
    const sepIndex = args.indexOf(separator);
    const head = sepIndex >= 0 ? args.slice(0, sepIndex) : args;
    const markerText = sepIndex >= 0 ? args.slice(sepIndex + separator.length) : "";
    const name = head.trim();
    const nameOffset = head.length - head.trimStart().length;

    let marker: string | null = null;
    if (markerText.trim() !== "") {
      const markerOffset = sepIndex + separator.length + (markerText.length - markerText.trimStart().length);
      const normalized = normalizeMarker(markerText.trim(), (o) => at(markerOffset + o), file);
      if (!normalized.ok) {
        this.out.diagnostics.push(normalized.diagnostic);
        return;
      }
      marker = normalized.marker;
    }

    const nameAt: OffsetMapper = (o) => at(nameOffset + o);
    if (isPipUrl(name)) {
      this.urlRequirement(args, name, nameAt, marker, [], { file, constraint, hashes });
      return;
    }
    const { path, extras } = stripExtras(name);
    // pip treats `name @ url` as PEP 508 when the part before "@" does not look like a path; otherwise a path-looking
    // or archive-named argument is a local directory or file (pip checks the disk; Tangle assumes it exists).
    const atSign = name.split("@", 2);
    const pep508WithUrl = atSign.length === 2 && !looksLikePath(atSign[0]);
    if (!pep508WithUrl && (looksLikePath(name) || isArchiveFile(path))) {
      const filename = urlFilename(path);
      const wheel = parseWheelFilename(filename);
      const guessed = wheel?.name ?? guessSdistName(filename) ?? "";
      this.add(
        this.direct({
          text: args,
          at: nameAt,
          file,
          name: guessed,
          extras,
          specifier: wheel ? `==${wheel.version}` : "",
          url: path,
          marker,
          kind: "path",
          hashes,
        }),
        constraint,
      );
      return;
    }
    const result = requirementFromPep508(args, { source: this.source, at, file, hashes });
    if (result.ok) this.add(result.requirement, constraint);
    // A line that only fails because of an unexpanded ${VAR} has its warning already.
    else if (!/\$\{[A-Z0-9_]+\}/.test(args)) this.out.diagnostics.push(result.diagnostic);
  }

  private urlRequirement(
    text: string,
    url: string,
    at: OffsetMapper,
    marker: string | null,
    extraExtras: string[],
    context: { file: string | undefined; constraint: boolean; hashes: string[] },
    editable = false,
  ): void {
    const filename = urlFilename(url);
    const egg = eggFragment(url);
    let name = egg?.name ?? "";
    let specifier = "";
    if (url.toLowerCase().split("#", 1)[0].endsWith(".whl")) {
      const wheel = parseWheelFilename(filename);
      if (!wheel) {
        this.report("error", at, 0, `"${filename}" is not a valid wheel file name`, context.file);
        return;
      }
      name = wheel.name;
      specifier = `==${wheel.version}`;
    } else if (name === "" && !isVcsUrl(url)) {
      name = guessSdistName(filename) ?? "";
    }
    const kind: RequirementKind = editable ? "editable" : isVcsUrl(url) ? "vcs" : urlScheme(url) === "file" ? "path" : "url";
    const requirement = this.direct({
      text,
      at,
      file: context.file,
      name,
      extras: [...(egg?.extras ?? []), ...extraExtras],
      specifier,
      url,
      marker,
      kind,
      hashes: context.hashes,
    });
    this.add(requirement, context.constraint);
  }

  /** pip's parse_editable: a local directory, a file: URL, or a VCS URL with #egg=name. */
  private editableLine(value: string, at: OffsetMapper, context: { file: string | undefined; constraint: boolean }): void {
    const { path, extras } = stripExtras(value);
    if (path.toLowerCase().startsWith("file:")) {
      this.urlRequirement(value, path, at, null, extras, { ...context, hashes: [] }, true);
      return;
    }
    let url = value;
    const scheme = urlScheme(value);
    for (const vcs of ["git", "hg", "svn", "bzr"]) {
      if (value.toLowerCase().startsWith(`${vcs}:`)) {
        url = `${vcs}+${value}`;
        break;
      }
    }
    if (isVcsUrl(url)) {
      if (!eggFragment(url)) {
        this.report("error", at, 0, `could not detect the project name of "${value}": add #egg=your_package_name`, context.file);
        return;
      }
      this.urlRequirement(value, url, at, null, [], { ...context, hashes: [] }, true);
      return;
    }
    if (scheme !== null && /^[a-z][a-z0-9+.-]*$/.test(scheme) && scheme.length > 1 && value.includes("://")) {
      this.report(
        "error",
        at,
        0,
        `"${value}" is not a valid editable requirement: it should be a path to a local project or a VCS URL (git+, hg+, svn+, bzr+)`,
        context.file,
      );
      return;
    }
    this.add(
      this.direct({ text: value, at, file: context.file, name: "", extras, specifier: "", url: path, marker: null, kind: "editable", hashes: [] }),
      context.constraint,
    );
  }
}

/** Parses a requirements file (following `-r`/`-c` into `files`); every bad line becomes a diagnostic, the rest parse. */
export function parseRequirementsTxt(text: string, options: RequirementsTxtOptions = {}): ParsedFile {
  const parser = new RequirementsTxtParser({ files: options.files, readFile: options.readFile }, options.source ?? { kind: "main" });
  const ownKey = normalizePath(options.fileName ?? options.asFile ?? "<input>");
  parser.parseFile(text, options.asFile, options.fileName ?? options.asFile, options.constraint ?? false, [ownKey]);
  return parser.out;
}
