// Which kind of distribution a file name is (wheel, sdist, other), from its extension as pip recognises them.

/** A wheel, a source distribution, or anything else an index lists (eggs, installers). */
export type DistributionKind = "wheel" | "sdist" | "other";

/** Source-distribution archive extensions pip accepts (lower-case). */
const SDIST_EXTENSIONS = [".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"];

/** Wheel for `.whl`, sdist for the archive extensions pip accepts, other for eggs, installers and the rest. */
export function distributionKind(filename: string): DistributionKind {
  const lower = filename.toLowerCase();
  if (lower.endsWith(".whl")) return "wheel";
  if (SDIST_EXTENSIONS.some((ext) => lower.endsWith(ext))) return "sdist";
  return "other";
}

/** The file name without its distribution extension (`foo-1.0.tar.gz` -> `foo-1.0`), or null when it has none. */
export function stripDistributionExtension(filename: string): string | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith(".whl")) return filename.slice(0, -4);
  const ext = SDIST_EXTENSIONS.filter((e) => lower.endsWith(e)).sort((a, b) => b.length - a.length)[0];
  return ext === undefined ? null : filename.slice(0, -ext.length);
}
