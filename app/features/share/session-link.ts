// The permalink codec: a session <-> a URL fragment (versioned JSON, deflate-raw, base64url), decoding untrusted links safely.
import * as v from "valibot";
import type { InputFormat } from "../../../workers/api";
import { INPUT_FORMATS } from "../../../workers/api-input-format";

/** Everything a link reproduces. Settings mirror the session store's; `resolvedAt` becomes exclude-newer on opening. */
export interface LinkSession {
  text: string;
  fileName: string;
  /** How the text is read when the user chose it over what the file name says (absent: the file name decides). */
  format?: InputFormat;
  extras: string[];
  groups: string[];
  /** The project's other files (pbr's requirements.txt, `-r`/`-c` includes, buildout `extends`), by name; absent when none. */
  files?: Record<string, string>;
  /** Constraints (pip's `-c`) and overrides (uv's `--override`), one requirement a line; absent when empty. */
  constraints?: string;
  overrides?: string;
  settings: {
    pythonVersion: string;
    os: "linux" | "macos" | "windows";
    arch: "x86_64" | "aarch64" | "arm64";
    indexUrl: string;
    resolution: "highest" | "lowest" | "lowest-direct";
    prerelease: "if-necessary-or-explicit" | "allow" | "disallow";
    excludeNewer: string;
    unknownDependencies: "assume-none" | "exclude";
    /** One resolution for every platform and Python in `universalPython` (absent in links made before it existed: false). */
    universal: boolean;
    universalPython: string;
    policy: "pip" | "uv";
  };
  pins: Record<string, string>;
  excluded: string[];
  /** When the linked resolution was made (RFC 3339), or null when the link was copied before resolving. */
  resolvedAt: string | null;
  /** Two lock files compared (old, new), when the link was copied with a comparison on show; the project file is `text`. */
  comparison?: { old: LinkedLock; new: LinkedLock };
}

/** A lock file carried by a link: its name and its whole text. */
export interface LinkedLock {
  fileName: string;
  text: string;
}

export const LINK_SCHEMA = 1;
/** Fragment prefix: the schema version, so later versions can still read (or clearly refuse) old links. */
const PREFIX = `s${LINK_SCHEMA}.`;
/** No link inflates past this: a decompression bomb stops here instead of exhausting memory. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;
/** The longest link Tangle writes: Chromium's URL limit (2 MB); longer addresses are refused by the browser. */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;
/** A link holds at most this many project files besides the one in the editor. */
export const MAX_LINK_FILES = 50;

/** The session does not fit a link (what it holds is bigger than a link may carry or inflate to). */
export class SessionTooLargeForLink extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SessionTooLargeForLink";
  }
}

export type DecodeResult =
  | { ok: true; session: LinkSession; problems: string[] }
  | { ok: false; message: string; recovered: Partial<LinkSession> };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  // A length of 4n+1 cannot be base64: the link was cut one character into a group; that character carries no whole byte.
  if (text.length % 4 === 1) text = text.slice(0, -1);
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Compressed bytes are fed to the inflater this many at a time: deflate expands at most ~1,032x, so no single step can
 * produce more than about 1 MB however the input was crafted, and the cap below is checked between steps. */
const INFLATE_SLICE = 1024;

/**
 * Inflates at most `limit` bytes, feeding the input a slice at a time; keeps what arrived before an error.
 * `truncated`: the stream ended early (a link cut off when copied); `corrupt`: bytes that are not a deflate stream.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<{ text: string; error: "truncated" | "corrupt" | "too-large" | null }> {
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  let writeError: "truncated" | "corrupt" | null = null;
  let stop = false;
  // Engines name an input that merely stops early ("Compressed input was truncated." in Chromium, "unexpected end of
  // file" in Node) apart from bytes that are no deflate stream ("invalid code ...", "The compressed data was not valid.").
  const kindOf = (error: unknown): "truncated" | "corrupt" => (/truncat|unexpected end/i.test(error instanceof Error ? error.message : String(error)) ? "truncated" : "corrupt");
  const feeding = (async () => {
    try {
      for (let at = 0; at < bytes.length && !stop; at += INFLATE_SLICE) await writer.write(bytes.subarray(at, at + INFLATE_SLICE));
      if (!stop) await writer.close();
    } catch (error) {
      writeError = kindOf(error);
    }
  })();
  const decoder = new TextDecoder();
  let text = "";
  let total = 0;
  let error: "truncated" | "corrupt" | "too-large" | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        stop = true;
        error = "too-large";
        await reader.cancel().catch(() => undefined);
        break;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The readable side errors with the writable side; which of the two it was is known once feeding has settled.
  }
  await feeding;
  if (error === "too-large") return { text, error };
  // Altered bytes can also desynchronise the decoder so that it only runs out of input; then what came out tells:
  // JSON.stringify never writes a raw control character, and what it writes is valid UTF-8.
  if (writeError === "truncated" && hasCharJsonNeverWrites(text)) writeError = "corrupt";
  return { text: text + decoder.decode(), error: writeError };
}

/** Whether `text` holds a raw control character or a replacement character (undecodable UTF-8). */
function hasCharJsonNeverWrites(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0xfffd) return true;
  }
  return false;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The link's fragment. Throws {@link SessionTooLargeForLink}, saying how big and what to do, when the session is more than
 * a link can carry: a link that opening would refuse (over {@link MAX_INFLATED_BYTES}) or the browser would not hold.
 */
export async function encodeSessionLink(session: LinkSession): Promise<string> {
  // The session's fields and its settings in one order: the same session always makes the same link, whether it was
  // typed or read back from a link (which builds its settings in another order); otherwise restoring a link rewrote
  // the address bar with another text for the same session. The text comes first, so a cut-off link still holds it;
  // the rest sorted. (Maps such as the files keep their order.)
  const sorted = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
  const { text, ...rest } = session;
  const json = JSON.stringify({ v: LINK_SCHEMA, text, ...sorted({ ...rest, settings: sorted(session.settings) }) });
  const what = session.files && Object.keys(session.files).length > 0 ? "its text and files" : "its text";
  const advice = "Share the files themselves, or leave out of the project the files the resolution does not need.";
  const bytes = new TextEncoder().encode(json).byteLength;
  if (bytes > MAX_INFLATED_BYTES) {
    throw new SessionTooLargeForLink(`This session is too big for a link: ${what} come to ${megabytes(bytes)}, and a link holds up to ${megabytes(MAX_INFLATED_BYTES)}. ${advice}`);
  }
  const link = PREFIX + toBase64Url(await deflate(json));
  if (link.length > MAX_LINK_CHARS) {
    throw new SessionTooLargeForLink(`This session is too big for a link: compressed, it is ${megabytes(link.length)}, and browsers hold links up to ${megabytes(MAX_LINK_CHARS)}. ${advice}`);
  }
  return link;
}

/** A value from a link, shown in a message: short, and never by calling anything on it (a link can hold any JSON). */
function shown(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? typeof value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => v.picklist(values);

/** One field of a link: its schema, and what to say (and fall back to) when the link's value does not fit it. */
interface FieldRule<S extends v.GenericSchema> {
  schema: S;
  problem: (value: unknown, fallback: v.InferOutput<S>) => string;
}

const settingRules = {
  os: { schema: oneOf(["linux", "macos", "windows"]), problem: (x, d) => `the link's os "${shown(x)}" is not one of linux, macos, windows; using ${d}` },
  arch: { schema: oneOf(["x86_64", "aarch64", "arm64"]), problem: (x, d) => `the link's arch "${shown(x)}" is not one of x86_64, aarch64, arm64; using ${d}` },
  resolution: {
    schema: oneOf(["highest", "lowest", "lowest-direct"]),
    problem: (x, d) => `the link's resolution "${shown(x)}" is not one of highest, lowest, lowest-direct; using ${d}`,
  },
  prerelease: {
    schema: oneOf(["if-necessary-or-explicit", "allow", "disallow"]),
    problem: (x, d) => `the link's prerelease "${shown(x)}" is not one of if-necessary-or-explicit, allow, disallow; using ${d}`,
  },
  unknownDependencies: {
    schema: oneOf(["assume-none", "exclude"]),
    problem: (x, d) => `the link's unknownDependencies "${shown(x)}" is not one of assume-none, exclude; using ${d}`,
  },
  policy: { schema: oneOf(["pip", "uv"]), problem: (x, d) => `the link's policy "${shown(x)}" is not one of pip, uv; using ${d}` },
  pythonVersion: {
    schema: v.pipe(v.string(), v.regex(/^3\.\d{1,2}(\.\d{1,3})?$/)),
    problem: (x, d) => `the link's Python version "${shown(x)}" is not a Python 3 version; using ${d}`,
  },
  indexUrl: { schema: v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/)), problem: (_x, d) => `the link's index URL is not an http(s) URL; using ${d}` },
  excludeNewer: {
    schema: v.union([v.literal(""), v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))]),
    problem: (x) => `the link's exclude-newer date "${shown(x)}" is not a YYYY-MM-DD date; ignored`,
  },
  universal: { schema: v.boolean(), problem: (x, d) => `the link's universal "${shown(x)}" is not true or false; using ${d}` },
  universalPython: {
    schema: v.pipe(v.string(), v.maxLength(200), v.regex(/^[\d\s.,<>=!~*]*$/)),
    problem: (x) => `the link's universal Python range "${shown(x)}" is not a version specifier; the project's requires-python is used`,
  },
} satisfies { [K in keyof LinkSession["settings"]]: FieldRule<v.GenericSchema<unknown, LinkSession["settings"][K]>> };

const names = v.array(v.string());
/** A project file's name as a link may give it: a plain relative name, no control characters, no climbing out with `..`. */
const fileName = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(255),
  // eslint-disable-next-line no-control-regex
  v.check((n) => !/[\u0000-\u001f\u007f]/.test(n) && !n.split(/[\\/]/).includes("..") && !/^[\\/]/.test(n)),
);
const projectFiles = v.pipe(
  v.record(fileName, v.string()),
  v.check((files) => Object.keys(files).length <= MAX_LINK_FILES),
);
/** A compared lock carried by a link: a file name as for project files, and its text. */
const linkedLock = v.strictObject({ fileName, text: v.string() });
const sessionRules = {
  pins: { schema: v.record(v.string(), v.string()), problem: () => "the link's pinned versions are unreadable; ignored" },
  format: {
    schema: v.optional(v.picklist(INPUT_FORMATS as unknown as [InputFormat, ...InputFormat[]])),
    problem: (x: unknown) => `the link's format "${shown(x)}" is not one Tangle reads; the file name decides`,
  },
  resolvedAt: {
    schema: v.nullable(v.pipe(v.string(), v.check((t) => !Number.isNaN(Date.parse(t))))),
    problem: () => "the link's resolution time is unreadable; it resolves against today's index",
  },
  text: { schema: v.string(), problem: () => "the link's text is not text; left as it was" },
  fileName: { schema: v.string(), problem: () => "the link's fileName is not text; left as it was" },
  extras: { schema: names, problem: () => "the link's extras are not a list of names; ignored" },
  groups: { schema: names, problem: () => "the link's groups are not a list of names; ignored" },
  excluded: { schema: names, problem: () => "the link's excluded are not a list of names; ignored" },
  files: {
    schema: v.optional(projectFiles),
    problem: () => `the link's project files are unreadable (at most ${MAX_LINK_FILES} files, each a plain relative name with text); only the editor's file was opened`,
  },
  constraints: { schema: v.optional(v.string()), problem: () => "the link's constraints are not text; ignored" },
  overrides: { schema: v.optional(v.string()), problem: () => "the link's overrides are not text; ignored" },
  comparison: {
    schema: v.optional(v.strictObject({ old: linkedLock, new: linkedLock })),
    problem: () => "the link's comparison of two lock files is unreadable; it opens without it",
  },
} satisfies { [K in keyof Omit<LinkSession, "settings">]-?: FieldRule<v.GenericSchema<unknown, LinkSession[K]>> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The link's value for one field when it fits the rule; otherwise the fallback, and the rule's problem is noted. */
function field<S extends v.GenericSchema>(from: Record<string, unknown>, key: string, rule: FieldRule<S>, fallback: v.InferOutput<S>, problems: string[]): v.InferOutput<S> {
  if (!Object.hasOwn(from, key) || from[key] === undefined) return fallback;
  const parsed = v.safeParse(rule.schema, from[key]);
  if (parsed.success) return parsed.output;
  problems.push(rule.problem(from[key], fallback));
  return fallback;
}

/**
 * Checks every field of a decoded payload against `defaults`: what is valid is kept, what is not is replaced by the
 * default and named in `problems`, so a damaged link still opens with everything that could be read.
 */
export function validateSession(payload: unknown, defaults: LinkSession): { session: LinkSession; problems: string[] } {
  const problems: string[] = [];
  const data = isRecord(payload) ? payload : {};
  if (!isRecord(payload)) problems.push("the link does not hold a session");
  const settingsIn = isRecord(data.settings) ? data.settings : {};
  if (data.settings !== undefined && !isRecord(data.settings)) problems.push("the link's settings are unreadable; defaults used");
  const d = defaults.settings;
  const settings: LinkSession["settings"] = {
    os: field(settingsIn, "os", settingRules.os, d.os, problems),
    arch: field(settingsIn, "arch", settingRules.arch, d.arch, problems),
    resolution: field(settingsIn, "resolution", settingRules.resolution, d.resolution, problems),
    prerelease: field(settingsIn, "prerelease", settingRules.prerelease, d.prerelease, problems),
    unknownDependencies: field(settingsIn, "unknownDependencies", settingRules.unknownDependencies, d.unknownDependencies, problems),
    policy: field(settingsIn, "policy", settingRules.policy, d.policy, problems),
    pythonVersion: field(settingsIn, "pythonVersion", settingRules.pythonVersion, d.pythonVersion, problems),
    indexUrl: field(settingsIn, "indexUrl", settingRules.indexUrl, d.indexUrl, problems),
    excludeNewer: field(settingsIn, "excludeNewer", settingRules.excludeNewer, d.excludeNewer, problems),
    // A link from before universal resolution resolved for its one target, whatever this browser's setting is.
    universal: field(settingsIn, "universal", settingRules.universal, false, problems),
    universalPython: field(settingsIn, "universalPython", settingRules.universalPython, "", problems),
  };
  const pins = field(data, "pins", sessionRules.pins, defaults.pins, problems);
  const format = field(data, "format", sessionRules.format, undefined, problems);
  const comparison = field(data, "comparison", sessionRules.comparison, undefined, problems);
  const resolvedAt = data.resolvedAt === null ? defaults.resolvedAt : field(data, "resolvedAt", sessionRules.resolvedAt, defaults.resolvedAt, problems);
  // valibot's record takes an array as an object of indexes: a list is not a set of named files.
  const files = Array.isArray(data.files) ? (problems.push(sessionRules.files.problem()), undefined) : field(data, "files", sessionRules.files, undefined, problems);
  const constraints = field(data, "constraints", sessionRules.constraints, undefined, problems);
  const overrides = field(data, "overrides", sessionRules.overrides, undefined, problems);
  const session: LinkSession = {
    text: field(data, "text", sessionRules.text, defaults.text, problems),
    fileName: field(data, "fileName", sessionRules.fileName, defaults.fileName, problems),
    ...(format ? { format } : {}),
    extras: field(data, "extras", sessionRules.extras, defaults.extras, problems),
    groups: field(data, "groups", sessionRules.groups, defaults.groups, problems),
    ...(files && Object.keys(files).length > 0 ? { files } : {}),
    ...(constraints ? { constraints } : {}),
    ...(overrides ? { overrides } : {}),
    settings,
    pins,
    excluded: field(data, "excluded", sessionRules.excluded, defaults.excluded, problems),
    resolvedAt,
    ...(comparison ? { comparison } : {}),
  };
  return { session, problems };
}

/** Salvages the requirements text from the start of a cut-off JSON payload. */
function salvageText(partial: string): string | null {
  const at = partial.indexOf('"text":"');
  if (at < 0) return null;
  let out = "";
  for (let i = at + 8; i < partial.length; i++) {
    const c = partial[i];
    if (c === '"') return out;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = partial[i + 1];
    if (next === undefined) break;
    if (next === "u") {
      const hex = partial.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      out += ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" } as Record<string, string>)[next] ?? next;
      i += 1;
    }
  }
  return out;
}

/** Decodes a fragment (with or without "#"). Never throws: every failure says what is wrong and what was kept. */
export async function decodeSessionLink(fragment: string, defaults: LinkSession): Promise<DecodeResult> {
  try {
    return await decode(fragment, defaults);
  } catch (error) {
    // A bug, not the link's fault; the page still keeps what the user had and says the link could not be read.
    return { ok: false, message: `This link could not be read (${error instanceof Error ? error.message : "unknown error"}).`, recovered: {} };
  }
}

async function decode(fragment: string, defaults: LinkSession): Promise<DecodeResult> {
  const body = fragment.replace(/^#/, "");
  const schema = /^s(\d+)\./.exec(body);
  if (!schema) return { ok: false, message: "This link is not a Tangle session link (it should start with #s1.).", recovered: {} };
  if (Number(schema[1]) !== LINK_SCHEMA) {
    return { ok: false, message: `This link was made by a newer Tangle (session format ${schema[1]}); this page reads format ${LINK_SCHEMA}.`, recovered: {} };
  }
  const bytes = fromBase64Url(body.slice(schema[0].length));
  if (!bytes) return { ok: false, message: "This link is damaged: it contains characters a Tangle link never has.", recovered: {} };
  const inflated = await inflate(bytes, MAX_INFLATED_BYTES);
  if (inflated.error === "too-large") {
    return { ok: false, message: `This link expands to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; it was not opened.`, recovered: {} };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(inflated.text);
  } catch {
    const text = salvageText(inflated.text);
    const recovered = text ? " The requirements it starts with were recovered; the settings were not." : " Nothing in it could be recovered.";
    // A complete deflate stream that does not hold JSON, or bytes that are no deflate stream at all, were altered; a
    // stream that merely stops early was cut off.
    const message =
      inflated.error === "truncated"
        ? "This link is incomplete — it was probably cut off when it was copied."
        : "This link is corrupted — some of its characters were changed after it was made.";
    return { ok: false, message: message + recovered, recovered: text ? { text } : {} };
  }
  const { session, problems } = validateSession(payload, defaults);
  return { ok: true, session, problems };
}
