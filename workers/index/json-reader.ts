// JSON answers of an index: parsing, and typed reads of fields; each failure is an IndexError naming the URL and what was found.
import { invalidResponse } from "./index-error";
import type { IndexError } from "./index-error";

/**
 * Parses a JSON response body (a leading BOM is tolerated). Bad text throws IndexError "<url> answered with text that
 * is not JSON (<the engine's message, which names the position>); it begins "<first characters>"": what came back
 * (an HTML error page, a login portal, a truncated body) tells more than a position.
 */
export function parseJson(text: string, url: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const start = body.trimStart();
    const begins = start === "" ? "it is empty" : `it begins ${JSON.stringify(start.length > 60 ? `${start.slice(0, 60)}...` : start)}`;
    throw invalidResponse(url, `text that is not JSON (${detail}); ${begins}`);
  }
}

/** A short description of a JSON value for error messages ("null", "a string", "an array", ...). */
export function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** Reads fields of one JSON document fetched from `url`, described as `what` ("Simple API page") in errors. */
export class JsonReader {
  readonly url: string;
  readonly what: string;

  constructor(url: string, what: string) {
    this.url = url;
    this.what = what;
  }

  /** "<url> answered with an unexpected <what>: expected `<path>` (or the body, for path "") to be <expected>, found <value>". */
  error(path: string, expected: string, value: unknown): IndexError {
    const subject = path === "" ? "the body" : `\`${path}\``;
    return invalidResponse(this.url, `an unexpected ${this.what}: expected ${subject} to be ${expected}, found ${describeJson(value)}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw this.error(path, "an object", value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) throw this.error(path, "an array", value);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== "string") throw this.error(path, "a string", value);
    return value;
  }

  /** A string, or null when the field is absent or null. */
  optionalString(value: unknown, path: string): string | null {
    if (value === undefined || value === null) return null;
    return this.string(value, path);
  }

  /** A non-empty string, or null when the field is absent, null or "" (the JSON API's way of saying "not given"). */
  optionalText(value: unknown, path: string): string | null {
    const text = this.optionalString(value, path);
    return text === null || text.trim() === "" ? null : text;
  }

  /** A finite number, or null when absent or null. */
  optionalNumber(value: unknown, path: string): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== "number" || !Number.isFinite(value)) throw this.error(path, "a number", value);
    return value;
  }

  /** An array of strings. */
  stringArray(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => this.string(item, `${path}[${i}]`));
  }

  /** An object whose values are all strings. */
  stringRecord(value: unknown, path: string): Record<string, string> {
    const obj = this.object(value, path);
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(obj)) out[key] = this.string(item, `${path}.${key}`);
    return out;
  }
}
