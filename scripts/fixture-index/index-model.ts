// The in-memory model of one package index: projects, releases and the files they declare.

/** `false`, `true` (yanked without a reason) or the yank reason (PEP 592). */
export type Yanked = boolean | string;

/** One distribution file of a release as a scenario or snapshot declares it (bytes are synthesised later). */
export interface FileDecl {
  filename: string;
  /** Overrides the release's Requires-Python for this file; `undefined` inherits it. */
  requiresPython?: string | null;
  /** Overrides the release's yank state for this file (PEP 592 allows per-file yanks). */
  yanked?: Yanked;
  /** ISO 8601 upload time; `undefined` means synthesised. */
  uploadTime?: string;
  /** Whether a PEP 658 `.metadata` file is served; default: wheels yes (unless the release hides metadata), sdists no. */
  metadata?: boolean;
}

/** One release of a project. */
export interface ReleaseDecl {
  /** The version string exactly as recorded (not normalised). */
  version: string;
  /** PEP 508 requirement strings as served by PyPI, extra-conditional ones carry `extra == "x"` markers. */
  requiresDist: string[];
  /** False when the index must not reveal dependencies (no core metadata, JSON `requires_dist` null). */
  metadataKnown: boolean;
  requiresPython: string | null;
  yanked: Yanked;
  summary: string;
  license: string;
  /** Explicit upload time of the release's first file; `undefined` means synthesised. */
  uploadTime?: string;
  /** Explicit files; `undefined` means one synthetic `py3-none-any` wheel. */
  files?: FileDecl[];
}

export interface ProjectDecl {
  /** Display name as written in the source (snapshots use canonical names). */
  name: string;
  releases: ReleaseDecl[];
}

/** A whole index: projects keyed by normalised name, plus the date its data was recorded. */
export interface IndexData {
  /** Mount prefix without slashes, e.g. `snapshot-2020` or `scenarios/yanked`. */
  prefix: string;
  description: string;
  /** Upload times are synthesised before this instant (ISO 8601). */
  recorded: string;
  projects: Map<string, ProjectDecl>;
  /** Per normalised project and version: the recording instant that release must precede (union indexes). */
  releaseRecorded?: Map<string, Map<string, string>>;
}
