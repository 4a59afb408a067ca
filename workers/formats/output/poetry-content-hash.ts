// Poetry's `content-hash` of a pyproject.toml (Poetry 2's Locker): sha256 of the relevant tables as Python's json.dumps(sort_keys=True) writes them.
import { parse, type TomlTable, type TomlValue } from "smol-toml";
import { sha256Hex } from "./sha256";

const LEGACY_KEYS = ["dependencies", "source", "extras", "dev-dependencies"];
const POETRY_KEYS = [...LEGACY_KEYS, "group"];
const PROJECT_KEYS = ["requires-python", "dependencies", "optional-dependencies"];

type JsonLike = TomlValue | null | JsonLike[] | { [key: string]: JsonLike };

const ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/** A string as json.dumps writes it with ensure_ascii: printable ASCII as is, everything else as \uXXXX (UTF-16 units). */
function pythonJsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    if (ESCAPES[c] !== undefined) out += ESCAPES[c];
    else if (code >= 0x20 && code <= 0x7e) out += c;
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}

/** Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units (they differ above U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * json.dumps(value, sort_keys=True) with its default separators (", " and ": "). TOML floats that are whole numbers
 * come out of the parser as JavaScript numbers and print without Python's ".0": such values do not occur in the tables
 * Poetry hashes (requirement strings and tables of strings), so the difference is accepted.
 */
export function pythonJsonDumps(value: JsonLike): string {
  if (value === null) return "null";
  if (typeof value === "string") return pythonJsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  if (value instanceof Date) return pythonJsonString(value.toISOString());
  const entries = Object.entries(value).sort(([a], [b]) => byCodePoint(a, b));
  return `{${entries.map(([k, v]) => `${pythonJsonString(k)}: ${pythonJsonDumps(v)}`).join(", ")}}`;
}

function tableOf(value: TomlValue | undefined): TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as TomlTable) : {};
}

/** The content-hash Poetry 2 writes into poetry.lock for this pyproject.toml; null when the text is not TOML. */
export function poetryContentHash(pyprojectText: string): string | null {
  let data: TomlTable;
  try {
    data = parse(pyprojectText);
  } catch {
    return null;
  }
  const project = tableOf(data.project);
  const poetry = tableOf(tableOf(data.tool).poetry);
  const groups = tableOf(data["dependency-groups"]);
  const relevantProject: Record<string, JsonLike> = {};
  for (const key of PROJECT_KEYS) if (project[key] !== undefined) relevantProject[key] = project[key];
  const hasProject = Object.keys(relevantProject).length > 0;
  const relevantPoetry: Record<string, JsonLike> = {};
  for (const key of POETRY_KEYS) {
    const value = poetry[key];
    if (value === undefined && (!LEGACY_KEYS.includes(key) || hasProject)) continue;
    relevantPoetry[key] = value ?? null;
  }
  let content: JsonLike = relevantPoetry;
  if (hasProject) {
    content = { project: relevantProject, tool: { poetry: relevantPoetry } };
    if (Object.keys(groups).length > 0) content["dependency-groups"] = groups;
  }
  return sha256Hex(pythonJsonDumps(content));
}
