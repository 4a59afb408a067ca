// Finds a file named by another (`-r base.txt`, `extends = base.cfg`): among the dropped files, or read from disk.

/** Normalises a relative POSIX-style path: backslashes to slashes, `.` and `..` segments resolved, no leading `./`. */
export function normalizePath(path: string): string {
  const parts = path.replace(/\\/g, "/").split("/");
  const out: string[] = [];
  const absolute = path.startsWith("/");
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return (absolute ? "/" : "") + out.join("/");
}

function dirname(path: string): string {
  const normalized = path.replace(/\\/g, "/");
  const slash = normalized.lastIndexOf("/");
  return slash < 0 ? "" : normalized.slice(0, slash);
}

function basename(path: string): string {
  const normalized = path.replace(/\\/g, "/");
  return normalized.slice(normalized.lastIndexOf("/") + 1);
}

/** The path of `reference` as seen from the file `from` (undefined: the top-level text, at the root). */
export function joinRelative(from: string | undefined, reference: string): string {
  if (reference.startsWith("/") || /^[a-z]:[\\/]/i.test(reference)) return normalizePath(reference);
  const base = from === undefined ? "" : dirname(from);
  return normalizePath(base === "" ? reference : `${base}/${reference}`);
}

/** Whether a reference is a URL (pip and buildout can name remote files; Tangle never fetches them). */
export function isRemoteReference(reference: string): boolean {
  return /^(https?|ftp):\/\//i.test(reference);
}

export interface FoundFile {
  name: string;
  text: string;
}

/**
 * Looks `reference` up in `files`: by its path relative to `from`, then by the reference as written, then by a
 * unique file with the same base name (people drop `requirements/base.txt` as just `base.txt`).
 */
export function findReferencedFile(
  files: Record<string, string> | undefined,
  from: string | undefined,
  reference: string,
): FoundFile | null {
  if (!files) return null;
  const byNormalized = new Map<string, string>();
  for (const name of Object.keys(files)) byNormalized.set(normalizePath(name), name);
  const candidates = [joinRelative(from, reference), normalizePath(reference)];
  if (isRemoteReference(reference)) candidates.push(reference);
  for (const candidate of candidates) {
    const name = byNormalized.get(candidate);
    if (name !== undefined) return { name, text: files[name] };
  }
  const base = basename(reference);
  const sameBase = Object.keys(files).filter((name) => basename(name) === base);
  if (sameBase.length === 1) return { name: sameBase[0], text: files[sameBase[0]] };
  return null;
}

/** Reads a file by its path relative to the parsed file's directory (the CLI reads the disk; the page has none). */
export type ReadFile = (path: string) => { ok: true; text: string } | { ok: false; reason: string };

/** Where referenced files come from: the files dropped in with the parsed one, and a reader of the disk when there is one. */
export interface FileSource {
  files?: Record<string, string>;
  readFile?: ReadFile;
}

/** A referenced file that is not there: its path as seen from the parsed file, and why it could not be read (disk only). */
export interface MissingFile {
  missing: string;
  /** null: no disk to read (the page): the user can drop the file in. */
  error: string | null;
}

/** `reference` as named from the file `from`: a dropped file, else the disk's, else what is missing and why. */
export function lookUpFile(source: FileSource, from: string | undefined, reference: string): FoundFile | MissingFile {
  const found = findReferencedFile(source.files, from, reference);
  if (found) return found;
  const path = joinRelative(from, reference);
  if (!source.readFile || isRemoteReference(reference)) return { missing: path, error: null };
  const read = source.readFile(path);
  return read.ok ? { name: path, text: read.text } : { missing: path, error: read.reason };
}

export function isMissing(lookup: FoundFile | MissingFile): lookup is MissingFile {
  return "missing" in lookup;
}
