// Parser of the PyPI JSON API's `/pypi/<name>/<version>/json` (one release).
import { JsonReader, parseJson } from "./json-reader";

/** One file of a release as the JSON API lists it (`urls[]`). */
export interface JsonApiFile {
  filename: string;
  url: string;
  /** `bdist_wheel`, `sdist`, `bdist_egg`, `bdist_wininst`, ... */
  packagetype: string;
  /** `upload_time_iso_8601`, else `upload_time` (UTC without zone), else null. */
  uploadTime: string | null;
  requiresPython: string | null;
  yanked: false | string;
  hashes: Record<string, string>;
  size: number | null;
}

/** The `info` block of the JSON API, with "" and null both read as "not given". */
export interface JsonApiInfo {
  name: string;
  version: string;
  /** null when the release's metadata declares none, which is ambiguous: see json-api-trust.ts. */
  requiresDist: string[] | null;
  requiresPython: string | null;
  /** Metadata 2.2 `Dynamic` fields; null when the metadata predates 2.2 or states none. */
  dynamic: string[] | null;
  summary: string | null;
  license: string | null;
  homePage: string | null;
  projectUrls: Record<string, string>;
  /** false, or the reason ("" when none was given). */
  yanked: false | string;
}

/** `/pypi/<name>/<version>/json`: one release's info and files. */
export interface JsonApiRelease {
  info: JsonApiInfo;
  files: JsonApiFile[];
}

/** Parses `/pypi/<name>/<version>/json`. Throws IndexError naming `url` for garbage. */
export function parseReleaseJson(text: string, url: string): JsonApiRelease {
  const r = new JsonReader(url, "JSON API release");
  const root = r.object(parseJson(text, url), "");
  const info = readInfo(r, root.info);
  const files = r.array(root.urls, "urls").map((item, i) => readFile(r, item, `urls[${i}]`));
  return { info, files };
}

function readInfo(r: JsonReader, value: unknown): JsonApiInfo {
  const info = r.object(value, "info");
  const requiresDist = info.requires_dist === undefined || info.requires_dist === null ? null : r.stringArray(info.requires_dist, "info.requires_dist");
  const dynamic = info.dynamic === undefined || info.dynamic === null ? null : r.stringArray(info.dynamic, "info.dynamic");
  const projectUrls = info.project_urls === undefined || info.project_urls === null ? {} : r.stringRecord(info.project_urls, "info.project_urls");
  return {
    name: r.string(info.name, "info.name"),
    version: r.string(info.version, "info.version"),
    requiresDist,
    requiresPython: r.optionalText(info.requires_python, "info.requires_python"),
    dynamic,
    summary: r.optionalText(info.summary, "info.summary"),
    license: r.optionalText(info.license, "info.license"),
    homePage: r.optionalText(info.home_page, "info.home_page"),
    projectUrls,
    yanked: readYanked(r, info.yanked, info.yanked_reason, "info"),
  };
}

function readFile(r: JsonReader, value: unknown, path: string): JsonApiFile {
  const o = r.object(value, path);
  const digests = o.digests === undefined || o.digests === null ? {} : r.object(o.digests, `${path}.digests`);
  const hashes: Record<string, string> = {};
  for (const [name, digest] of Object.entries(digests)) {
    // pypi.org also sends `blake2b_256`; null digests are skipped.
    const text = r.optionalString(digest, `${path}.digests.${name}`);
    if (text !== null) hashes[name] = text;
  }
  const isoTime = r.optionalText(o.upload_time_iso_8601, `${path}.upload_time_iso_8601`);
  const plainTime = r.optionalText(o.upload_time, `${path}.upload_time`);
  return {
    filename: r.string(o.filename, `${path}.filename`),
    url: r.string(o.url, `${path}.url`),
    packagetype: r.string(o.packagetype, `${path}.packagetype`),
    uploadTime: isoTime ?? (plainTime === null ? null : `${plainTime}Z`),
    requiresPython: r.optionalText(o.requires_python, `${path}.requires_python`),
    yanked: readYanked(r, o.yanked, o.yanked_reason, path),
    hashes,
    size: r.optionalNumber(o.size, `${path}.size`),
  };
}

/** JSON API yanks: `yanked: bool` plus `yanked_reason: string | null`. */
function readYanked(r: JsonReader, yanked: unknown, reason: unknown, path: string): false | string {
  if (yanked === undefined || yanked === null || yanked === false) return false;
  if (yanked !== true) throw r.error(`${path}.yanked`, "a boolean", yanked);
  return r.optionalString(reason, `${path}.yanked_reason`) ?? "";
}
