// The version a listed file belongs to, from its file name, checked against the project it is listed under (as pip does).
import { canonicalizeName } from "../packaging/names";
import { InvalidSdistFilename, InvalidWheelFilename, parseSdistFilename, parseWheelFilename } from "../packaging/tags";
import { tryParseVersion } from "../packaging/version";
import type { Version } from "../packaging/version";
import { stripDistributionExtension } from "../packaging/distribution-kind";
import type { DistributionFile } from "./index-types";

export type FileVersion =
  /** The parsed version and its spelling in the file name. */
  | { kind: "version"; version: Version; listedAs: string }
  /** The file belongs to another project (pip: "wrong project name"). */
  | { kind: "other-project"; project: string }
  /** The file name has no valid version for this project; `text` is the version part when one was found. */
  | { kind: "invalid"; text: string | null; reason: string }
  /** Not a wheel or sdist: not grouped. */
  | { kind: "not-a-distribution" };

/** Where in `file.filename` the version is, for a file listed on `project`'s page (`project` canonical). */
export function fileVersion(file: DistributionFile, project: string): FileVersion {
  if (file.kind === "wheel") return wheelVersion(file.filename, project);
  if (file.kind === "sdist") return sdistVersion(file.filename, project);
  return { kind: "not-a-distribution" };
}

function wheelVersion(filename: string, project: string): FileVersion {
  const parts = filename.slice(0, -".whl".length).split("-");
  const text = parts[1] ?? null;
  try {
    const wheel = parseWheelFilename(filename);
    if (wheel.name !== project) return { kind: "other-project", project: wheel.name };
    return { kind: "version", version: wheel.version, listedAs: text ?? wheel.version.toString() };
  } catch (error) {
    if (!(error instanceof InvalidWheelFilename)) throw error;
    const named = canonicalizeName(parts[0]);
    if (named !== project) return { kind: "other-project", project: named };
    return { kind: "invalid", text, reason: error.message };
  }
}

/**
 * packaging's `parse_sdist_filename` splits at the last `-` and reads only `.tar.gz` and `.zip`; pip instead finds the
 * dash after which the canonical project name ends, for every archive extension. Try the first, then the second.
 */
function sdistVersion(filename: string, project: string): FileVersion {
  try {
    const sdist = parseSdistFilename(filename);
    if (sdist.name === project) {
      const stem = stripDistributionExtension(filename) ?? filename;
      return { kind: "version", version: sdist.version, listedAs: stem.slice(stem.lastIndexOf("-") + 1) };
    }
  } catch (error) {
    if (!(error instanceof InvalidSdistFilename)) throw error;
  }
  const stem = stripDistributionExtension(filename);
  if (stem === null) return { kind: "not-a-distribution" };
  for (let dash = stem.indexOf("-"); dash >= 0; dash = stem.indexOf("-", dash + 1)) {
    if (canonicalizeName(stem.slice(0, dash)) !== project) continue;
    const text = stem.slice(dash + 1);
    const version = tryParseVersion(text);
    if (version === null) return { kind: "invalid", text, reason: `${JSON.stringify(text)} is not a valid version` };
    return { kind: "version", version, listedAs: text };
  }
  if (canonicalizeName(stem) === project) return { kind: "invalid", text: null, reason: "the file name has no version" };
  const dash = stem.lastIndexOf("-");
  return { kind: "other-project", project: canonicalizeName(dash < 0 ? stem : stem.slice(0, dash)) };
}
