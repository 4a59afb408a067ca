// When a release's declared dependencies can be trusted: the JSON API's `requires_dist: null` rule and the sdist-metadata rule.
import type { CoreMetadata } from "./core-metadata";
import type { DistributionKind } from "./index-types";
import type { JsonApiFile, JsonApiInfo } from "./json-api";

export type DependencyVerdict = { kind: "known"; requiresDist: string[] } | { kind: "unknown"; reason: string };

/** What the JSON API's `requires_dist` tells: known, or "unconfirmed" with what to conclude if nothing better is at hand. */
export type JsonApiVerdict = { kind: "known"; requiresDist: string[] } | { kind: "unconfirmed"; fallback: DependencyVerdict };

/**
 * Whether the JSON API's `requires_dist` says what a release depends on.
 *
 * PyPI stores a release's metadata once, from the form fields sent with the FIRST file uploaded, and the JSON API
 * serves that. twine fills those fields from the file's metadata; `setup.py upload` (distutils) sent no Requires-Dist
 * at all, and older setuptools sdists' PKG-INFO never listed dependencies (setup.py computed them at build time).
 * So `null` is ambiguous. The rule:
 * 1. A list: these were declared -> known.
 * 2. null with `dynamic` given (the uploader sent Metadata 2.2 fields, so it read the file's metadata) and
 *    `Requires-Dist` not dynamic: by PEP 643 the field is static and absent -> known, no dependencies.
 * 3. Otherwise null is unconfirmed. The caller should read a wheel's PEP 658 core metadata, which is authoritative
 *    (the recorded pypi.org data has wheel-first releases whose JSON API says null although the wheel lists
 *    dependencies: jupyter 1.0.0, funcsigs 1.0.2, uploaded with old tools). When no core metadata is available:
 *    - the first upload was a wheel (or, without upload times, every file is a wheel): the metadata came from a
 *      wheel, which carries its full Requires-Dist -> known, no dependencies (wrong only for distutils-era uploads);
 *    - otherwise (sdist-only, or an sdist/egg uploaded first, or no files): nothing says -> unknown.
 */
export function jsonApiVerdict(info: JsonApiInfo, files: readonly JsonApiFile[]): JsonApiVerdict {
  if (info.requiresDist !== null) return { kind: "known", requiresDist: info.requiresDist };
  if (info.dynamic !== null && !info.dynamic.some((d) => d.toLowerCase() === "requires-dist")) {
    return { kind: "known", requiresDist: [] };
  }
  const what = `${info.name} ${info.version}`;
  if (files.length === 0) {
    return { kind: "unconfirmed", fallback: { kind: "unknown", reason: `${what} has no files, and the index lists no dependencies for it` } };
  }
  const first = firstUpload(files);
  if (first === null ? files.every((f) => f.packagetype === "bdist_wheel") : first.packagetype === "bdist_wheel") {
    return { kind: "unconfirmed", fallback: { kind: "known", requiresDist: [] } };
  }
  const source = first === null ? "files that are not all wheels" : `${first.filename} (${first.packagetype}, uploaded first)`;
  return {
    kind: "unconfirmed",
    fallback: {
      kind: "unknown",
      reason: `the index lists no dependencies for ${what}, but its metadata came from ${source}, whose metadata does not have to list them, and no wheel metadata (PEP 658) is available to check`,
    },
  };
}

/**
 * Whether a core-metadata file lists every dependency: always for a wheel's METADATA; for an sdist's PKG-INFO only when
 * it is Metadata-Version 2.2+ and `Requires-Dist` is not declared `Dynamic` (PEP 643); never for other kinds (eggs).
 */
export function coreMetadataVerdict(metadata: CoreMetadata, kind: DistributionKind, filename: string): DependencyVerdict {
  if (kind === "wheel") return { kind: "known", requiresDist: metadata.requiresDist };
  const what = `${metadata.name} ${metadata.version}`;
  if (kind === "sdist") {
    const dynamicDeps = metadata.dynamic.some((d) => d.toLowerCase() === "requires-dist");
    if (atLeast22(metadata.metadataVersion) && !dynamicDeps) return { kind: "known", requiresDist: metadata.requiresDist };
    const why = dynamicDeps
      ? "declares Requires-Dist dynamic (computed at build time)"
      : `is Metadata-Version ${metadata.metadataVersion ?? "(none)"}, older than 2.2, so its dependencies are only known after a build`;
    return { kind: "unknown", reason: `the metadata of ${what} comes from the source distribution ${filename}, which ${why}` };
  }
  return { kind: "unknown", reason: `the metadata of ${what} comes from ${filename}, which is neither a wheel nor a source distribution` };
}

/** The file uploaded first, or null when some file has no upload time. */
function firstUpload(files: readonly JsonApiFile[]): JsonApiFile | null {
  let first: JsonApiFile | null = null;
  let firstTime = Infinity;
  for (const file of files) {
    const time = file.uploadTime === null ? NaN : Date.parse(file.uploadTime);
    if (Number.isNaN(time)) return null;
    if (time < firstTime) {
      first = file;
      firstTime = time;
    }
  }
  return first;
}

function atLeast22(metadataVersion: string | null): boolean {
  const match = /^\s*(\d+)\.(\d+)/.exec(metadataVersion ?? "");
  if (match === null) return false;
  const major = Number(match[1]);
  return major > 2 || (major === 2 && Number(match[2]) >= 2);
}
