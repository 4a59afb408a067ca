// Renders PEP 691 Simple API JSON (api-version 1.4, the field set pypi.org serves) for the index and a project.

import type { IndexLocation } from "./index-urls";
import { fileUrl } from "./index-urls";
import type { ServedProject, SyntheticFiles } from "./synthetic-files";
import { compareVersions } from "./version-order";

export const SIMPLE_API_VERSION = "1.4";

/** `GET /simple/` as JSON: every project's display name and serial. */
export function renderIndexJson(files: SyntheticFiles): string {
  const projects = files.projectNames().map(({ key, name }) => ({ "_last-serial": files.project(key)?.lastSerial ?? 0, name }));
  return JSON.stringify({ meta: { "_last-serial": files.indexSerial(), "api-version": SIMPLE_API_VERSION }, projects });
}

/** `GET /simple/<project>/` as JSON: files with hashes, Requires-Python, yanked, upload-time, size, PEP 658/714 metadata. */
export function renderProjectJson(project: ServedProject, files: SyntheticFiles, loc: IndexLocation): string {
  const list = project.files.map((f) => {
    const d = files.digests(f);
    const meta = d.metadataSha256 === null ? false : { sha256: d.metadataSha256 };
    return {
      "core-metadata": meta,
      "data-dist-info-metadata": meta,
      filename: f.filename,
      hashes: { md5: d.md5, sha256: d.sha256 },
      provenance: null,
      "requires-python": f.requiresPython,
      size: d.size,
      "upload-time": f.uploadTime,
      url: fileUrl(loc, f.filename),
      yanked: f.yanked,
    };
  });
  const versions = project.releases.map((r) => r.decl.version).sort(compareVersions);
  return JSON.stringify({
    "alternate-locations": [],
    files: list,
    meta: { "_last-serial": project.lastSerial, "api-version": SIMPLE_API_VERSION },
    name: project.key,
    "project-status": { status: "active" },
    versions,
  });
}
