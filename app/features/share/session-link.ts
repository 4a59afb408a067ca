// The permalink codec: a session <-> a URL fragment (versioned JSON, deflate-raw, base64url), decoding untrusted links safely.
import { INPUT_FORMATS, type InputFormatName } from "../../stores/build-request";

/** Everything a link reproduces. Settings mirror the session store's; `resolvedAt` becomes exclude-newer on opening. */
export interface LinkSession {
  text: string;
  fileName: string;
  /** How the text is read when the user chose it over what the file name says (absent: the file name decides). */
  format?: InputFormatName;
  extras: string[];
  groups: string[];
  settings: {
    pythonVersion: string;
    os: "linux" | "macos" | "windows";
    arch: "x86_64" | "aarch64" | "arm64";
    indexUrl: string;
    resolution: "highest" | "lowest" | "lowest-direct";
    prerelease: "if-necessary-or-explicit" | "allow" | "disallow";
    excludeNewer: string;
    unknownDependencies: "assume-none" | "exclude";
  };
  pins: Record<string, string>;
  excluded: string[];
  /** When the linked resolution was made (RFC 3339), or null when the link was copied before resolving. */
  resolvedAt: string | null;
}

export const LINK_SCHEMA = 1;
/** Fragment prefix: the schema version, so later versions can still read (or clearly refuse) old links. */
const PREFIX = `s${LINK_SCHEMA}.`;
/** No link inflates past this: a decompression bomb stops here instead of exhausting memory. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; session: LinkSession; problems: string[] }
  | { ok: false; message: string; recovered: Partial<LinkSession> };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
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

/** Inflates at most `limit` bytes; keeps what arrived before an error (a truncated link still yields its start). */
async function inflate(bytes: Uint8Array, limit: number): Promise<{ text: string; error: "truncated" | "too-large" | null }> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return { text, error: "too-large" };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text: text + decoder.decode(), error: "truncated" };
  }
  return { text: text + decoder.decode(), error: null };
}

export async function encodeSessionLink(session: LinkSession): Promise<string> {
  const json = JSON.stringify({ v: LINK_SCHEMA, ...session });
  return PREFIX + toBase64Url(await deflate(json));
}

const OPTIONS = {
  os: ["linux", "macos", "windows"],
  arch: ["x86_64", "aarch64", "arm64"],
  resolution: ["highest", "lowest", "lowest-direct"],
  prerelease: ["if-necessary-or-explicit", "allow", "disallow"],
  unknownDependencies: ["assume-none", "exclude"],
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

/**
 * Checks every field of a decoded payload against `defaults`: what is valid is kept, what is not is replaced by the
 * default and named in `problems`, so a damaged link still opens with everything that could be read.
 */
export function validateSession(payload: unknown, defaults: LinkSession): { session: LinkSession; problems: string[] } {
  const problems: string[] = [];
  const data = isRecord(payload) ? payload : {};
  if (!isRecord(payload)) problems.push("the link does not hold a session");
  const text = (key: keyof LinkSession, fallback: string): string => {
    const v = data[key];
    if (typeof v === "string") return v;
    if (v !== undefined) problems.push(`the link's ${key} is not text; left as it was`);
    return fallback;
  };
  const list = (key: "extras" | "groups" | "excluded"): string[] => {
    const v = data[key];
    if (v === undefined) return defaults[key];
    const ok = stringList(v);
    if (!ok) problems.push(`the link's ${key} are not a list of names; ignored`);
    return ok ?? defaults[key];
  };
  const settingsIn = isRecord(data.settings) ? data.settings : {};
  if (data.settings !== undefined && !isRecord(data.settings)) problems.push("the link's settings are unreadable; defaults used");
  const settings = { ...defaults.settings };
  const pick = <K extends keyof typeof OPTIONS>(key: K) => {
    const v = settingsIn[key];
    if (v === undefined) return;
    if ((OPTIONS[key] as readonly unknown[]).includes(v)) (settings[key] as unknown) = v;
    else problems.push(`the link's ${key} "${String(v)}" is not one of ${OPTIONS[key].join(", ")}; using ${settings[key]}`);
  };
  pick("os");
  pick("arch");
  pick("resolution");
  pick("prerelease");
  pick("unknownDependencies");
  const python = settingsIn.pythonVersion;
  if (python !== undefined) {
    if (typeof python === "string" && /^3\.\d{1,2}(\.\d{1,3})?$/.test(python)) settings.pythonVersion = python;
    else problems.push(`the link's Python version "${String(python)}" is not a Python 3 version; using ${settings.pythonVersion}`);
  }
  const indexUrl = settingsIn.indexUrl;
  if (indexUrl !== undefined) {
    if (typeof indexUrl === "string" && /^https?:\/\/\S+$/.test(indexUrl)) settings.indexUrl = indexUrl;
    else problems.push(`the link's index URL is not an http(s) URL; using ${settings.indexUrl}`);
  }
  const excludeNewer = settingsIn.excludeNewer;
  if (excludeNewer !== undefined) {
    if (excludeNewer === "" || (typeof excludeNewer === "string" && /^\d{4}-\d{2}-\d{2}$/.test(excludeNewer))) settings.excludeNewer = excludeNewer as string;
    else problems.push(`the link's exclude-newer date "${String(excludeNewer)}" is not a YYYY-MM-DD date; ignored`);
  }
  let pins = defaults.pins;
  if (data.pins !== undefined) {
    if (isRecord(data.pins) && Object.values(data.pins).every((v) => typeof v === "string")) pins = data.pins as Record<string, string>;
    else problems.push("the link's pinned versions are unreadable; ignored");
  }
  let format: InputFormatName | undefined;
  if (data.format !== undefined) {
    if ((INPUT_FORMATS as readonly unknown[]).includes(data.format)) format = data.format as InputFormatName;
    else problems.push(`the link's format "${String(data.format)}" is not one Tangle reads; the file name decides`);
  }
  let resolvedAt: string | null = defaults.resolvedAt;
  if (data.resolvedAt !== undefined && data.resolvedAt !== null) {
    if (typeof data.resolvedAt === "string" && !Number.isNaN(Date.parse(data.resolvedAt))) resolvedAt = data.resolvedAt;
    else problems.push("the link's resolution time is unreadable; it resolves against today's index");
  }
  return {
    session: {
      text: text("text", defaults.text),
      fileName: text("fileName", defaults.fileName),
      ...(format ? { format } : {}),
      extras: list("extras"),
      groups: list("groups"),
      settings,
      pins,
      excluded: list("excluded"),
      resolvedAt,
    },
    problems,
  };
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
    return {
      ok: false,
      message:
        "This link is incomplete — it was probably cut off when it was copied." +
        (text ? " The requirements it starts with were recovered; the settings were not." : " Nothing in it could be recovered."),
      recovered: text ? { text } : {},
    };
  }
  const { session, problems } = validateSession(payload, defaults);
  return { ok: true, session, problems };
}
