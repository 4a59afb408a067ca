// Parser of PEP 691 Simple API JSON project pages (api-version 1.x: PEP 658/714 core metadata, PEP 592 yanks, PEP 700 fields).
import { distributionKind } from "../packaging/distribution-kind";
import { resolveFileUrl } from "./index-urls";
import type { DistributionFile, SimplePage } from "./index-types";
import { JsonReader, parseJson } from "./json-reader";
import { checkApiVersion } from "./simple-api-version";

/**
 * The core-metadata keys in order of preference (PEP 714): `core-metadata`; then `dist-info-metadata`, the key
 * PEP 691 first specified; then `data-dist-info-metadata`, which pypi.org also sends (it mirrored the HTML name).
 */
const CORE_METADATA_KEYS = ["core-metadata", "dist-info-metadata", "data-dist-info-metadata"] as const;

/** Parses a PEP 691 JSON page fetched from `pageUrl`; relative file URLs are resolved against `pageUrl`. Throws IndexError. */
export function parseSimpleJson(text: string, pageUrl: string): SimplePage {
  const data = parseJson(text, pageUrl);
  const r = new JsonReader(pageUrl, "Simple API page");
  const root = r.object(data, "");
  const warnings: string[] = [];

  const meta = r.object(root.meta, "meta");
  const apiVersion = r.string(meta["api-version"], "meta.api-version");
  checkApiVersion(apiVersion, pageUrl, warnings);

  const name = r.string(root.name, "name");
  const files: DistributionFile[] = [];
  r.array(root.files, "files").forEach((item, i) => {
    const file = readFile(r, item, `files[${i}]`, pageUrl);
    if (typeof file === "string") warnings.push(file);
    else files.push(file);
  });
  const versions = root.versions === undefined ? null : r.stringArray(root.versions, "versions");
  return { format: "json", name, apiVersion, files, versions, warnings };
}

/** One file, or a warning when its URL is not an http(s) URL (the file is skipped, as pip skips such links). */
function readFile(r: JsonReader, item: unknown, path: string, pageUrl: string): DistributionFile | string {
  const o = r.object(item, path);
  const filename = r.string(o.filename, `${path}.filename`);
  if (filename === "" || filename.includes("/")) throw r.error(`${path}.filename`, "a file name", filename);
  const href = r.string(o.url, `${path}.url`);
  const resolved = resolveFileUrl(href, pageUrl);
  if (resolved === null) return `${pageUrl}: skipped ${filename}, whose URL ${JSON.stringify(href.length > 80 ? `${href.slice(0, 80)}...` : href)} is not an http(s) URL`;
  const hashes = o.hashes === undefined || o.hashes === null ? {} : r.stringRecord(o.hashes, `${path}.hashes`);
  const requiresPython = r.optionalString(o["requires-python"], `${path}.requires-python`);
  return {
    filename,
    url: resolved.url,
    hashes: { ...resolved.fragmentHashes, ...hashes },
    requiresPython: requiresPython === null || requiresPython.trim() === "" ? null : requiresPython,
    yanked: readYanked(r, o.yanked, `${path}.yanked`),
    uploadTime: r.optionalString(o["upload-time"], `${path}.upload-time`),
    size: r.optionalNumber(o.size, `${path}.size`),
    coreMetadata: readCoreMetadata(r, o, path),
    kind: distributionKind(filename),
  };
}

/**
 * PEP 691 `yanked`: absent/false -> not yanked, true -> yanked without a reason (""), a string -> the reason.
 * An empty string is outside the spec ("a non-empty string"); like pip we read it as not yanked.
 */
function readYanked(r: JsonReader, value: unknown, path: string): false | string {
  if (value === undefined || value === null || value === false) return false;
  if (value === true) return "";
  if (typeof value === "string") return value === "" ? false : value;
  throw r.error(path, "a boolean or a string", value);
}

/** PEP 658/714: false, true, or a hash object (an empty object means "available, no hash"). */
function readCoreMetadata(r: JsonReader, o: Record<string, unknown>, path: string): false | true | Record<string, string> {
  for (const key of CORE_METADATA_KEYS) {
    const value = o[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "boolean") return value;
    const hashes = r.stringRecord(value, `${path}.${key}`);
    return Object.keys(hashes).length === 0 ? true : hashes;
  }
  return false;
}
