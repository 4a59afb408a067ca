// The plain-data DTOs of lock files across the worker boundary: a lock read for a target, and the diff of two package graphs.
import type { InputDiagnosticDto, ResolvedPackageDto, TargetDto } from "./api";

/** The JSON `tangle diff` prints (the shape issue 9 fixes); `via` is the explaining path, one hop per item. */
export interface PackageDiffJson {
  added: { name: string; version: string; via: string[] }[];
  removed: { name: string; version: string; via: string[] }[];
  changed: { name: string; from: string; to: string; via: string[] }[];
}

/** A dropped lock, with the project files dropped beside it (by name). */
export interface LockInputDto {
  text: string;
  fileName: string;
  files: Record<string, string>;
}

export interface LockViewRequestDto {
  target: TargetDto;
  /** Groups to include besides the main requirements; null: every group. */
  groups: string[] | null;
  /** The project's extras to include; null: every extra. */
  extras: string[] | null;
}

export type LockViewDto =
  | { ok: false; diagnostics: InputDiagnosticDto[] }
  | {
      ok: true;
      format: string;
      formatVersion: string | null;
      /** The lock as a resolution (status "resolved"): every view works on it as on a resolution. */
      packages: ResolvedPackageDto[];
      warnings: string[];
      diagnostics: InputDiagnosticDto[];
      /** The lock's environments (forks) and the one the target falls in. */
      environments: string[];
      environment: string | null;
      groups: string[];
      extras: string[];
      /** Direct requirement -> the specifier the project asked with. */
      rootSpecifiers: Record<string, string>;
      /** Whether the lock says which packages are direct (from itself or the project file beside it). */
      rootsKnown: boolean;
      /** Against the project file beside it: missing, out of range, extra (null without one). */
      check: { missing: string[]; outOfRange: string[]; extra: string[] } | null;
    };

/** One side of a comparison. */
export interface PackageGraphDto {
  packages: ResolvedPackageDto[];
  rootSpecifiers: Record<string, string>;
}

export interface PackageDiffDto {
  json: PackageDiffJson;
  text: string;
  /** Per changed package, which way it moved (the JSON keeps the shape). */
  directions: Record<string, "upgraded" | "downgraded" | "changed">;
  unchanged: number;
}
