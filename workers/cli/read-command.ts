// `tangle read FILE`: prints the requirement set a project's files declare (following what they refer to), without resolving.
import { posix } from "node:path";
import { parseArgs } from "node:util";
import { parseInput } from "../formats/input/parse-input";
import type { Diagnostic, InputRequirement, RequirementSet } from "../api-input";
import { projectFiles, readTextFile } from "./project-files";

export const READ_USAGE = `Usage: tangle read FILE [--extra NAME]... [--group NAME]... [--all-extras] [--all-groups] [--format text|json]

Prints the requirements a project file declares (requirements.txt, pyproject.toml, setup.cfg, setup.py, Pipfile,
buildout.cfg; "-" reads standard input), following what it refers to on disk, relative to the file: -r/-c includes,
pbr's requirements.txt, buildout extends, the files a setup.py reads. Nothing is resolved and nothing is downloaded.
Without --extra/--group, the main requirements and those of every extra and group are listed, each saying where it
is from. Exit status: 0 read, 2 bad input or usage (including a referenced file that cannot be read).`;

export interface ReadIo {
  stdin: () => string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One requirement as `tangle read --format json` prints it (issue 9's shape). */
export interface ReadItem {
  requirement: string;
  from: string;
  file: string;
  line: number;
  column: number;
}

export interface ReadReport {
  format: RequirementSet["format"];
  requiresPython: string | null;
  requirements: ReadItem[];
  constraints: ReadItem[];
  diagnostics: { severity: Diagnostic["severity"]; message: string; file: string; line: number; column: number }[];
}

function fromOf(requirement: InputRequirement): string {
  const source = requirement.source;
  return source.kind === "main" ? "main" : `${source.kind}:${source.name}`;
}

/** The report of a reading: files named as the user named the input (others joined to its directory). */
export function readReport(set: RequirementSet, inputPath: string): ReadReport {
  const fileOf = (file: string | undefined): string => (file === undefined ? inputPath : posix.isAbsolute(file) ? file : posix.join(posix.dirname(inputPath), file));
  const item = (r: InputRequirement): ReadItem => ({ requirement: r.pep508, from: fromOf(r), file: fileOf(r.file), line: r.line, column: r.column });
  return {
    format: set.format,
    requiresPython: set.requiresPython,
    requirements: set.requirements.map(item),
    constraints: set.constraints.map(item),
    diagnostics: set.diagnostics.map((d) => ({ severity: d.severity, message: d.message, file: fileOf(d.file), line: d.line, column: d.column })),
  };
}

/** Reads FILE as `tangle read` does; `selection` null means every extra and group. */
export function readProject(
  inputPath: string,
  selection: { extras: string[]; groups: string[]; allExtras: boolean; allGroups: boolean } | null,
  stdin: () => string,
): { ok: true; set: RequirementSet } | { ok: false; message: string } {
  let text: string;
  if (inputPath === "-") text = stdin();
  else {
    const read = readTextFile(inputPath);
    if (!read.ok) return { ok: false, message: `cannot read ${inputPath}: ${read.reason}` };
    text = read.text;
  }
  const files = projectFiles(inputPath === "-" ? "./-" : inputPath);
  const options = { fileName: inputPath === "-" ? undefined : files.fileName, readFile: files.readFile };
  const defined = parseInput(text, options);
  const extras = selection === null || selection.allExtras ? defined.extras : selection.extras;
  const groups = selection === null || selection.allGroups ? defined.groups : selection.groups;
  if (extras.length === 0 && groups.length === 0) return { ok: true, set: defined };
  return { ok: true, set: parseInput(text, { ...options, extras, groups }) };
}

function textReport(report: ReadReport): string {
  const lines = [`# ${report.format}${report.requiresPython ? `, requires-python ${report.requiresPython}` : ""}`];
  const width = Math.min(60, Math.max(0, ...report.requirements.concat(report.constraints).map((r) => r.requirement.length)));
  const row = (r: ReadItem): string => `${r.requirement.padEnd(width)}  # ${r.from}, ${r.file}:${r.line}:${r.column}`;
  lines.push(...report.requirements.map(row));
  if (report.constraints.length > 0) lines.push("", "# constraints", ...report.constraints.map(row));
  lines.push(`# ${report.requirements.length} requirements, ${report.constraints.length} constraints`);
  return `${lines.join("\n")}\n`;
}

/** Runs `tangle read` with the arguments after "read"; returns the exit status. */
export function runRead(argv: string[], io: ReadIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        extra: { type: "string", multiple: true },
        group: { type: "string", multiple: true },
        "all-extras": { type: "boolean" },
        "all-groups": { type: "boolean" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`tangle: ${(error as Error).message}\n\n${READ_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${READ_USAGE}\n`);
    return 0;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") {
    io.stderr(`tangle: --format must be one of text, json (got "${format}")\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.stderr(`tangle: read takes one FILE (got ${positionals.length === 0 ? "none" : positionals.join(", ")})\n\n${READ_USAGE}\n`);
    return 2;
  }
  const [inputPath] = positionals;
  const chosen = values.extra !== undefined || values.group !== undefined || values["all-extras"] === true || values["all-groups"] === true;
  const selection = chosen
    ? { extras: values.extra ?? [], groups: values.group ?? [], allExtras: values["all-extras"] ?? false, allGroups: values["all-groups"] ?? false }
    : null;
  const result = readProject(inputPath, selection, io.stdin);
  if (!result.ok) {
    io.stderr(`tangle: ${result.message}\n`);
    return 2;
  }
  const report = readReport(result.set, inputPath);
  if (format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout(textReport(report));
    // A message about another file starts with that file's path, relative to FILE's directory.
    for (const d of report.diagnostics) if (d.severity !== "info") io.stderr(`${d.severity}: ${d.message}\n`);
  }
  return report.diagnostics.some((d) => d.severity === "error") ? 2 : 0;
}
