// Finds a file named by another (`-r base.txt`, `extends = base.cfg`) among the dropped files, relative to the includer.

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
