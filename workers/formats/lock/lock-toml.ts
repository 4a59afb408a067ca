// TOML lock files: parse once with smol-toml, locate each `[[package]]` entry by line, and read typed fields leniently.
import { parse, TomlError, type TomlTable, type TomlValue } from "smol-toml";
import { diagnosticAt } from "../input/location";
import type { Diagnostic } from "../../api-input";
import { isArray, isTable } from "../input/toml-document";

export type LockTomlResult = { ok: true; data: TomlTable } | { ok: false; diagnostics: Diagnostic[] };

/** Parses TOML; a syntax error is one diagnostic at smol-toml's 1-based line and column. */
export function parseLockToml(text: string, file: string): LockTomlResult {
  try {
    return { ok: true, data: parse(text) };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split("\n", 1)[0].replace(/^Invalid TOML document:\s*/, "");
    return { ok: false, diagnostics: [diagnosticAt("error", { line: error.line, column: error.column }, `invalid TOML: ${reason}`, { file })] };
  }
}

/** 1-based line of each `[[<table>]]` header, in order: the n-th entry of the array of tables starts there. */
export function tableHeaderLines(text: string, table: string): number[] {
  const lines: number[] = [];
  const header = new RegExp(`^\\s*\\[\\[\\s*${table.replace(/\./g, "\\.")}\\s*\\]\\]\\s*(#.*)?$`);
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (header.test(line)) lines.push(index + 1);
  });
  return lines;
}

export function str(value: TomlValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

export function strings(value: TomlValue | undefined): string[] {
  return isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function tables(value: TomlValue | undefined): TomlTable[] {
  return isArray(value) ? value.filter((v): v is TomlTable => isTable(v)) : [];
}

export function table(value: TomlValue | undefined): TomlTable | null {
  return isTable(value) ? value : null;
}

/** A TOML date-time or string as RFC 3339 text. */
export function timestamp(value: TomlValue | undefined): string | null {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  return null;
}

export function integer(value: TomlValue | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return null;
}
