// TOML 1.0 value and key literals for the writers: strings (literal when that reads better, else escaped), keys, arrays, inline tables, UTC datetimes.

/** A TOML value already rendered as text. */
export interface TomlText {
  readonly toml: string;
}

export type TomlScalar = string | number | boolean | TomlText;

/** Marks already-rendered TOML (a datetime, an inline table) so it is written as is. */
export function raw(toml: string): TomlText {
  return { toml };
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\" };

/** Lone UTF-16 surrogates cannot be written in TOML (it holds Unicode scalar values): they become U+FFFD. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A TOML basic string with `"`, `\` and every control character escaped. */
export function basicString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const body = wellFormed(value).replace(/["\\\u0000-\u001f\u007f]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
  return `"${body}"`;
}

/**
 * A TOML string: a literal string ('...') when the value has quotes or backslashes to escape and can be written
 * literally (no `'`, no control characters), else a basic string.
 */
export function tomlString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const literalOk = !/['\u0000-\u001f\u007f]/.test(value) && wellFormed(value) === value;
  if (literalOk && /["\\]/.test(value)) return `'${value}'`;
  return basicString(value);
}

/** A key: bare when TOML allows it, else quoted. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : basicString(key);
}

export function tomlValue(value: TomlScalar): string {
  if (typeof value === "string") return tomlString(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`only integers are written to TOML here, got ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return value.toml;
}

export function tomlArray(values: readonly TomlScalar[]): string {
  return `[${values.map(tomlValue).join(", ")}]`;
}

/** `{ a = 1, b = "x" }`, in the order given; `{}` when empty. */
export function tomlInlineTable(entries: readonly (readonly [string, TomlScalar])[]): string {
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`).join(", ")} }`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

/**
 * An RFC 3339 timestamp as a TOML offset datetime in UTC (`...Z`), keeping the fraction of a second as given;
 * a timestamp without an offset is taken as UTC (PyPI's JSON `upload_time`), another offset is converted
 * (to millisecond precision). Null when the text is not a valid timestamp.
 */
export function tomlUtcDatetime(text: string): TomlText | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction = "", offset = "Z"] = m;
  const [mo, d, h, mi, s] = [month, day, hour, minute, second].map(Number);
  const daysInMonth = new Date(Date.UTC(Number(year), mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return null;
  if (offset === "Z" || offset === "z" || offset === "+00:00" || offset === "-00:00") {
    return raw(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}Z`);
  }
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return raw(fraction === "" ? iso.replace(/\.\d{3}Z$/, "Z") : iso);
}
