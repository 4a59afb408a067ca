// Decides which files each release serves and synthesises their bytes, digests and metadata lazily, with caches.

import { createHash } from "node:crypto";
import type { IndexData, ReleaseDecl, Yanked } from "./index-model";
import type { DistFilename } from "./dist-filename";
import { defaultWheelFilename, expandWheelTags, filenameVersion, parseDistFilename } from "./dist-filename";
import { writeCoreMetadata } from "./core-metadata";
import type { CoreMetadataInput } from "./core-metadata";
import { distFilenameName, importPackageName, normalizeName } from "./project-name";
import { writeSdist } from "./sdist-writer";
import { FILE_SPACING_MS, UPLOAD_BASE, isoMicros, spreadUploadTimes } from "./upload-times";
import { compareVersions } from "./version-order";
import { writeWheel } from "./wheel-writer";

/** One file as the APIs list it (bytes and hashes come from `SyntheticFiles.digests`). */
export interface ServedFile {
  filename: string;
  dist: DistFilename;
  projectKey: string;
  projectName: string;
  release: ReleaseDecl;
  requiresPython: string | null;
  yanked: Yanked;
  /** Microsecond ISO 8601, e.g. `2019-10-28T23:53:54.000711Z`. */
  uploadTime: string;
  /** Whether a PEP 658 `.metadata` file is served next to it. */
  hasMetadata: boolean;
}

export interface ServedRelease {
  decl: ReleaseDecl;
  files: ServedFile[];
}

export interface ServedProject {
  key: string;
  name: string;
  /** Ascending PEP 440 order (invalid versions first). */
  releases: ServedRelease[];
  /** Every file, ordered by version then filename (as PyPI lists them; each release's files are in filename order). */
  files: ServedFile[];
  /** A deterministic stand-in for PyPI's serial: minutes since the upload base at the last upload. */
  lastSerial: number;
}

export interface FileDigests {
  sha256: string;
  md5: string;
  size: number;
  /** sha256 of the `.metadata` file, or null when none is served. */
  metadataSha256: string | null;
}

const BYTES_CACHE_LIMIT = 512;

function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function serialOf(ms: number): number {
  return Math.max(1, Math.floor((ms - UPLOAD_BASE) / 60_000));
}

export class SyntheticFiles {
  private readonly projects = new Map<string, ServedProject | null>();
  private readonly digestCache = new Map<string, FileDigests>();
  private readonly bytesCache = new Map<string, Uint8Array>();
  private sortedNames: { key: string; name: string }[] | undefined;

  constructor(readonly index: IndexData) {}

  /** Display names with their normalised keys, sorted by key. */
  projectNames(): { key: string; name: string }[] {
    this.sortedNames ??= [...this.index.projects].map(([key, p]) => ({ key, name: p.name })).sort((a, b) => (a.key < b.key ? -1 : 1));
    return this.sortedNames;
  }

  /** The served view of a project by normalised name, computed once. */
  project(key: string): ServedProject | undefined {
    let p = this.projects.get(key);
    if (p === undefined) {
      p = this.buildProject(key);
      this.projects.set(key, p);
    }
    return p ?? undefined;
  }

  /** Index-wide serial: never smaller than any project's. */
  indexSerial(): number {
    return serialOf(Date.parse(this.index.recorded));
  }

  private buildProject(key: string): ServedProject | null {
    const decl = this.index.projects.get(key);
    if (decl === undefined) return null;
    const sorted = [...decl.releases].sort((a, b) => compareVersions(a.version, b.version));
    const recordedMs = Date.parse(this.index.recorded);
    const perRelease = this.index.releaseRecorded?.get(key);
    const bounds = sorted.map((r) => {
      const b = perRelease?.get(r.version);
      return b === undefined ? recordedMs : Date.parse(b);
    });
    const times = spreadUploadTimes(key, sorted.map((r) => r.version), bounds);
    let last = UPLOAD_BASE;
    const releases = sorted.map((rel, i): ServedRelease => {
      const start = rel.uploadTime !== undefined ? Date.parse(rel.uploadTime) : (times[i] ?? UPLOAD_BASE);
      const decls = rel.files ?? [{ filename: defaultWheelFilename(decl.name, rel.version) }];
      const files = decls.map((f, n): ServedFile => {
        const dist = parseDistFilename(f.filename);
        if (dist === null) throw new Error(`bug: unparseable filename ${f.filename}`);
        const at = f.uploadTime !== undefined ? Date.parse(f.uploadTime) : start + n * FILE_SPACING_MS;
        last = Math.max(last, at);
        return {
          filename: f.filename,
          dist,
          projectKey: key,
          projectName: decl.name,
          release: rel,
          requiresPython: f.requiresPython !== undefined ? f.requiresPython : rel.requiresPython,
          yanked: f.yanked ?? rel.yanked,
          uploadTime: isoMicros(at),
          hasMetadata: f.metadata ?? (dist.kind === "wheel" && rel.metadataKnown),
        };
      });
      files.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
      return { decl: rel, files };
    });
    const files = releases.flatMap((r) => r.files);
    return { key, name: decl.name, releases, files, lastSerial: serialOf(last) };
  }

  /** Finds a served file by filename (the project is read from the filename, so no global table is needed). */
  file(filename: string): ServedFile | undefined {
    const dist = parseDistFilename(filename);
    if (dist === null) return undefined;
    const candidates: string[] = [];
    if (dist.kind === "wheel") candidates.push(normalizeName(dist.name));
    else for (let i = dist.stem.indexOf("-"); i > 0; i = dist.stem.indexOf("-", i + 1)) candidates.push(normalizeName(dist.stem.slice(0, i)));
    for (const key of candidates) {
      const found = this.project(key)?.files.find((f) => f.filename === filename);
      if (found) return found;
    }
    return undefined;
  }

  /** The core-metadata text of a file (what its METADATA/PKG-INFO holds and its `.metadata` URL serves). */
  metadata(file: ServedFile): string {
    return writeCoreMetadata(this.metadataInput(file));
  }

  private metadataInput(file: ServedFile): CoreMetadataInput {
    const rel = file.release;
    return {
      name: file.projectName,
      version: rel.version,
      summary: rel.summary,
      license: rel.license,
      requiresPython: file.requiresPython,
      requiresDist: rel.requiresDist,
      // An sdist of a release with unknown metadata carries old-style PKG-INFO without dependency fields.
      includeDependencies: file.dist.kind === "wheel" || rel.metadataKnown,
    };
  }

  /** The file's bytes (regenerated on demand, deterministic; a bounded cache keeps recent ones). */
  bytes(file: ServedFile): Uint8Array {
    const hit = this.bytesCache.get(file.filename);
    if (hit) return hit;
    const data = this.generate(file);
    if (this.bytesCache.size >= BYTES_CACHE_LIMIT) {
      const oldest = this.bytesCache.keys().next().value;
      if (oldest !== undefined) this.bytesCache.delete(oldest);
    }
    this.bytesCache.set(file.filename, data);
    return data;
  }

  /** Hashes and size of a file and of its `.metadata` file, computed once per file. */
  digests(file: ServedFile): FileDigests {
    let d = this.digestCache.get(file.filename);
    if (d === undefined) {
      const data = this.generate(file);
      d = {
        sha256: sha256Hex(data),
        md5: createHash("md5").update(data).digest("hex"),
        size: data.length,
        metadataSha256: file.hasMetadata ? sha256Hex(this.metadata(file)) : null,
      };
      this.digestCache.set(file.filename, d);
    }
    return d;
  }

  private generate(file: ServedFile): Uint8Array {
    const rel = file.release;
    const pkg = importPackageName(file.projectName);
    const initPy = `"""${file.projectName} ${rel.version}: a synthetic package served by Tangle's fixture index."""\n__version__ = ${JSON.stringify(rel.version)}\n`;
    const metadata = this.metadata(file);
    if (file.dist.kind === "wheel") {
      return writeWheel({
        distName: file.dist.name,
        version: file.dist.version,
        importPackage: pkg,
        metadata,
        tags: expandWheelTags(file.dist),
        initPy,
      });
    }
    return writeSdist({
      stem: file.dist.stem,
      extension: file.dist.extension,
      distName: distFilenameName(file.projectName),
      version: filenameVersion(rel.version),
      importPackage: pkg,
      pkgInfo: metadata,
      wheelMetadata: writeCoreMetadata({ ...this.metadataInput(file), includeDependencies: true }),
      initPy,
    });
  }
}
