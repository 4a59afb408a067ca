// How a resolution was made, for export headers: the target and options in words, and the equivalent `tangle resolve` command line.
import type { ResolveRequest } from "../../api";
import { describeTargetEnvironment } from "../../packaging/environment";
import { detectFormat } from "../../api-input-format";
import type { InputFormat } from "../../api-input";

/** The tool name written into every export (`created-by` in pylock.toml). */
export const CREATED_BY = "tangle";

/** The index pip and the CLI use when none is given. */
export const DEFAULT_INDEX_URL = "https://pypi.org/simple";

/** The CLI's defaults (workers/cli.ts): options equal to them are left out of the command line. */
const CLI_DEFAULTS = { resolution: "highest", prerelease: "if-necessary-or-explicit" } as const;

export function isDefaultIndex(url: string): boolean {
  return url.replace(/\/+$/, "") === DEFAULT_INDEX_URL;
}

/** The URL with its password (or token user name) replaced by `****`, as pip's `redact_auth_from_url` does. */
export function redactUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/@?#]*)@/i.exec(url);
  if (!match) return url;
  const userinfo = match[2];
  const colon = userinfo.indexOf(":");
  const redacted = colon === -1 ? "****" : `${userinfo.slice(0, colon)}:****`;
  return `${match[1]}${redacted}@${url.slice(match[0].length)}`;
}

/** The input's format: the one given, else the one detected from its text and file name. */
export function inputFormatOf(request: ResolveRequest): InputFormat {
  return request.input.format ?? detectFormat(request.input.text, request.input.fileName);
}

/** The input's file name as given, else the conventional name of its format (`requirements.in` for pip requirements). */
export function inputFileName(request: ResolveRequest): string {
  if (request.input.fileName !== undefined && request.input.fileName !== "") return request.input.fileName;
  const format = inputFormatOf(request);
  return format === "requirements.txt" ? "requirements.in" : format;
}

/** E.g. "CPython 3.8 on Linux x86_64 with glibc 2.28". */
export function targetInWords(request: ResolveRequest): string {
  if (request.universal) {
    const platforms = request.universal.platforms && request.universal.platforms.length > 0 ? request.universal.platforms.join(", ") : "linux, macos, windows";
    return `every environment (universal: CPython ${request.universal.python ?? "of the project's requires-python"} on ${platforms})`;
  }
  return describeTargetEnvironment(request.target);
}

/** One word per argument, quoted for a POSIX shell as Python's `shlex.quote` does; control characters shown as `?`. */
export function shellQuote(argument: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = argument.replace(/[\u0000-\u001f\u007f]/g, "?");
  if (printable !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(printable)) return printable;
  return `'${printable.replace(/'/g, `'"'"'`)}'`;
}

function numberedFiles(base: string, count: number): string[] {
  if (count === 1) return [`${base}.txt`];
  return Array.from({ length: count }, (_, i) => `${base}-${i + 1}.txt`);
}

/**
 * The `tangle resolve` command that repeats this resolution and writes `format`. The target is always spelled out;
 * other options only when they differ from the CLI's defaults. Constraints and overrides travel as text, so their
 * files are named `constraints.txt`, `overrides.txt` (numbered when there are several). Index URLs are redacted.
 */
export function equivalentCommand(request: ResolveRequest, format: string): string {
  const args = ["tangle", "resolve", inputFileName(request)];
  if (request.universal) {
    args.push("--universal");
    if (request.universal.python !== undefined) args.push("--python", request.universal.python);
    if (request.universal.platforms && request.universal.platforms.length > 0) args.push("--platform", request.universal.platforms.join(","));
  } else {
    args.push("--python", request.target.pythonVersion, "--platform", request.target.os, "--arch", request.target.arch);
  }
  if (request.indexUrl !== "" && !isDefaultIndex(request.indexUrl)) args.push("--index-url", redactUrl(request.indexUrl));
  for (const url of request.extraIndexUrls) args.push("--extra-index-url", redactUrl(url));
  for (const file of numberedFiles("constraints", request.constraints.length)) args.push("-c", file);
  for (const file of numberedFiles("overrides", request.overrides.length)) args.push("--override", file);
  if (request.resolution !== CLI_DEFAULTS.resolution) args.push("--resolution", request.resolution);
  if (request.prerelease !== CLI_DEFAULTS.prerelease) args.push("--prerelease", request.prerelease);
  if (request.policy === "uv") args.push("--policy", "uv");
  if (request.excludeNewer !== null) args.push("--exclude-newer", request.excludeNewer);
  args.push("--format", format);
  return args.map((a, i) => (i < 2 ? a : shellQuote(a))).join(" ");
}

/** What the command line cannot say (a PyPy target, chosen extras and groups, what-if edits), one sentence each. */
export function notOnCommandLine(request: ResolveRequest): string[] {
  const notes: string[] = [];
  if (request.target.implementation !== "cpython") notes.push("the target interpreter is PyPy (the command line targets CPython)");
  if (request.input.extras && request.input.extras.length > 0) notes.push(`extras included: ${request.input.extras.join(", ")}`);
  if (request.input.groups && request.input.groups.length > 0) notes.push(`dependency groups included: ${request.input.groups.join(", ")}`);
  const pins = Object.entries(request.pins).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pins.length > 0) notes.push(`what-if pins: ${pins.map(([name, specifier]) => `${name}${specifier}`).join(", ")}`);
  if (request.excluded.length > 0) notes.push(`what-if exclusions: ${[...request.excluded].sort().join(", ")}`);
  if (request.unknownDependencies !== "assume-none") notes.push(`releases with unknown dependencies: ${request.unknownDependencies}`);
  return notes;
}

/** "resolution highest, pre-releases if-necessary-or-explicit, exclude-newer none". */
export function optionsInWords(request: ResolveRequest): string {
  const policy = request.policy === "uv" ? ", uv's candidate rules" : "";
  return `resolution ${request.resolution}, pre-releases ${request.prerelease}${policy}, exclude-newer ${request.excludeNewer ?? "none"}`;
}

/** "https://pypi.org/simple" or "A (extra: B, C)", redacted. */
export function indexesInWords(request: ResolveRequest): string {
  const main = redactUrl(request.indexUrl === "" ? DEFAULT_INDEX_URL : request.indexUrl);
  if (request.extraIndexUrls.length === 0) return main;
  return `${main} (extra: ${request.extraIndexUrls.map(redactUrl).join(", ")})`;
}

/**
 * pip-compile's header, adapted: how the file was made (tool, target, command, index, options, time), each line
 * starting with `#` (no line breaks from the request can leak into it).
 */
export function headerLines(request: ResolveRequest, resolvedAt: string, format: string): string[] {
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ");
  const lines = [
    "#",
    `# This file is autogenerated by ${CREATED_BY} for ${targetInWords(request)}`,
    "# by the following command:",
    "#",
    `#    ${equivalentCommand(request, format)}`,
    "#",
  ];
  for (const note of notOnCommandLine(request)) lines.push(`#    (${oneLine(note)})`);
  lines.push(`# Resolved at ${oneLine(resolvedAt)} from ${oneLine(indexesInWords(request))}`);
  lines.push(`# Options: ${optionsInWords(request)}`);
  lines.push("#");
  return lines;
}
