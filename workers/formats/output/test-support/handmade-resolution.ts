// Test support: small hand-written resolutions and requests for edge cases the fixture index does not produce.
import { createHash } from "node:crypto";
import { request } from "../../../resolve/test-support/fixture-resolve";
import type { DistributionFileDto, ResolveRequest, ResolvedPackageDto } from "../../../api";
import type { ResolvedResolution } from "../resolved-resolution";
import { CPYTHON_38_LINUX, FIXED_RESOLVED_AT } from "./export-fixtures";

export function handmadeFile(filename: string, overrides: Partial<DistributionFileDto> = {}): DistributionFileDto {
  return {
    filename,
    url: `https://files.example.org/packages/${filename}`,
    hashes: {},
    size: null,
    uploadTime: null,
    kind: filename.endsWith(".whl") ? "wheel" : /\.(tar\.gz|zip)$/.test(filename) ? "sdist" : "other",
    requiresPython: null,
    ...overrides,
  };
}

export function handmadeResolution(packages: ResolvedPackageDto[]): ResolvedResolution {
  return {
    status: "resolved",
    packages,
    warnings: [],
    diagnostics: [],
    stats: { wallMs: 1, solveMs: 1, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 },
    resolvedAt: FIXED_RESOLVED_AT,
  };
}

export function handmadeRequest(overrides: Partial<ResolveRequest> = {}): ResolveRequest {
  return request([], { target: CPYTHON_38_LINUX, indexUrl: "https://pypi.org/simple", ...overrides });
}

/** The sha256 hex digest of a seed: a stand-in for a file's hash. */
export function digest(seed: string): string {
  return createHash("sha256").update(seed).digest("hex");
}
