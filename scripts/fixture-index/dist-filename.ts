// Parsing and building distribution filenames: wheels (`name-ver(-build)?-py-abi-plat.whl`) and sdists.

import { distFilenameName, normalizeName } from "./project-name";
import { normalizeVersion, parseVersion } from "./version-order";

export interface WheelFilename {
  kind: "wheel";
  name: string;
  version: string;
  build: string | null;
  /** Compressed tag sets, split on `.` (e.g. `manylinux_2_17_x86_64.manylinux2014_x86_64`). */
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

export interface SdistFilename {
  kind: "sdist";
  /** Everything before the extension, e.g. `foo-1.0`. */
  stem: string;
  extension: ".tar.gz" | ".zip";
}

export type DistFilename = WheelFilename | SdistFilename;

/** Parses a wheel or sdist filename; null for anything else (eggs, `.exe`, garbage). */
export function parseDistFilename(filename: string): DistFilename | null {
  if (filename.endsWith(".whl")) {
    const parts = filename.slice(0, -4).split("-");
    if (parts.length !== 5 && parts.length !== 6) return null;
    const [name, version] = parts;
    const [py, abi, plat] = parts.slice(-3);
    if (!name || !version || !py || !abi || !plat) return null;
    return {
      kind: "wheel",
      name,
      version,
      build: parts.length === 6 ? (parts[2] ?? null) : null,
      pythonTags: py.split("."),
      abiTags: abi.split("."),
      platformTags: plat.split("."),
    };
  }
  for (const extension of [".tar.gz", ".zip"] as const) {
    if (filename.endsWith(extension) && filename.length > extension.length) {
      return { kind: "sdist", stem: filename.slice(0, -extension.length), extension };
    }
  }
  return null;
}

/** Every `py-abi-plat` tag a wheel filename's compressed tag sets expand to (for the WHEEL file's `Tag:` lines). */
export function expandWheelTags(w: WheelFilename): string[] {
  const tags: string[] = [];
  for (const py of w.pythonTags) for (const abi of w.abiTags) for (const plat of w.platformTags) tags.push(`${py}-${abi}-${plat}`);
  return tags;
}

/** The version as it appears in filenames: normalised when valid, `-` escaped to `_` otherwise. */
export function filenameVersion(version: string): string {
  return parseVersion(version) === null ? version.replace(/-/g, "_") : normalizeVersion(version);
}

/** The default synthetic wheel of a release: `<name>-<version>-py3-none-any.whl`. */
export function defaultWheelFilename(project: string, version: string): string {
  return `${distFilenameName(project)}-${filenameVersion(version)}-py3-none-any.whl`;
}

/** Whether a filename's name and version parts belong to the given project and release. */
export function filenameMatchesRelease(f: DistFilename, project: string, version: string): boolean {
  const versionOk = (v: string): boolean => v === filenameVersion(version) || v === version || normalizeVersion(v) === normalizeVersion(version);
  if (f.kind === "wheel") return normalizeName(f.name) === normalizeName(project) && versionOk(f.version);
  for (let i = f.stem.indexOf("-"); i > 0; i = f.stem.indexOf("-", i + 1)) {
    if (normalizeName(f.stem.slice(0, i)) === normalizeName(project) && versionOk(f.stem.slice(i + 1))) return true;
  }
  return false;
}
