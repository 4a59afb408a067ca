// Test support: real resolutions through the fixture index for the export tests, with the clock and the port taken out.
import type { ResolveRequest, ResolvedPackageDto, TargetDto } from "../../../api";
import { request, resolveOn } from "../../../resolve/test-support/fixture-resolve";
import type { FixtureIndex } from "../../../../scripts/fixture-index/server";
import type { ResolvedResolution } from "../resolved-resolution";

/** The resolution time written into golden outputs (a real run's `resolvedAt` is the wall clock). */
export const FIXED_RESOLVED_AT = "2020-12-01T00:00:00.000Z";

export const CPYTHON_38_LINUX: TargetDto = { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" };

export interface ResolvedFixture {
  resolution: ResolvedResolution;
  /** The request as resolved, with the index URL it was resolved against. */
  request: ResolveRequest;
}

/** Resolves `requirements` against `<index>/<prefix>/simple` (CPython 3.8 on Linux unless overridden); throws unless resolved. */
export async function resolveFixture(
  index: FixtureIndex,
  prefix: string,
  requirements: string[],
  overrides: Partial<ResolveRequest> = {},
): Promise<ResolvedFixture> {
  const req: ResolveRequest = { ...request(requirements, { target: CPYTHON_38_LINUX, ...overrides }), indexUrl: `${index.url}/${prefix}/simple` };
  const resolution = await resolveOn(index, prefix, req);
  if (resolution.status !== "resolved") {
    throw new Error(`fixture did not resolve: ${resolution.status === "error" ? resolution.error.message : resolution.explanation}`);
  }
  return { resolution: { ...resolution, resolvedAt: FIXED_RESOLVED_AT }, request: req };
}

/** The text with the fixture server's origin (its port changes every run) replaced by `http://fixture`. */
export function withoutPort(text: string, index: FixtureIndex): string {
  return text.split(index.url).join("http://fixture");
}

/** `{canonical name: version}` of a resolution. */
export function pinsOf(packages: readonly ResolvedPackageDto[]): Record<string, string> {
  return Object.fromEntries(packages.map((p) => [p.name, p.version]));
}
