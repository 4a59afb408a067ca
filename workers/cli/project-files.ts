// Reads a project's files from disk for the CLI: the input, and every file it refers to, relative to the input.
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import type { ReadFile } from "../formats/input/file-references";

/** The most a referenced file may hold: far beyond any real requirements file, far below a memory problem. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}

/** One file's text, or why it cannot be read. */
export function readTextFile(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: "it is a directory" };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: `it is ${stat.size.toLocaleString("en")} bytes, over the ${MAX_FILE_BYTES.toLocaleString("en")}-byte limit` };
    return { ok: true, text: readFileSync(path, "utf8") };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

export interface ProjectFiles {
  /** The input's base name (what the readers detect formats by and name relative paths from). */
  fileName: string;
  /** Reads a file by its path relative to the input's directory (or absolute); each file is read once. */
  readFile: ReadFile;
  /** Every referenced file read so far, by the path the readers asked for (a `files` map for a request). */
  read: Record<string, string>;
  /** The paths asked for that could not be read, with why. */
  unreadable: Map<string, string>;
}

/** Referenced files of the input at `inputPath`, read from disk on demand, relative to the input's directory. */
export function projectFiles(inputPath: string): ProjectFiles {
  const directory = dirname(resolve(inputPath));
  const read: Record<string, string> = {};
  const unreadable = new Map<string, string>();
  const readFile: ReadFile = (path) => {
    if (path in read) return { ok: true, text: read[path] };
    const known = unreadable.get(path);
    if (known !== undefined) return { ok: false, reason: known };
    const result = readTextFile(isAbsolute(path) ? path : resolve(directory, path));
    if (result.ok) read[path] = result.text;
    else unreadable.set(path, result.reason);
    return result;
  };
  return { fileName: basename(inputPath), readFile, read, unreadable };
}
