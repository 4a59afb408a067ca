// Test support: resolve requirements through the real index client against the fixture HTTP index.
import type { ResolveRequest, Resolution, TargetDto } from "../../api";
import { createIndexClient } from "../../index/index-client";
import { startFixtureIndex, type FixtureIndex } from "../../../scripts/fixture-index/server";
import { resolveRequest } from "../resolve";

export function startIndex(): Promise<FixtureIndex> {
  return startFixtureIndex({ port: 0 });
}

export function request(requirements: string[], overrides: Partial<ResolveRequest> = {}): ResolveRequest {
  return {
    input: { text: requirements.join("\n"), format: "requirements.txt" },
    target: { implementation: "cpython", pythonVersion: "3.11", os: "linux", arch: "x86_64" },
    indexUrl: "",
    extraIndexUrls: [],
    resolution: "highest",
    prerelease: "if-necessary-or-explicit",
    excludeNewer: null,
    constraints: [],
    overrides: [],
    unknownDependencies: "assume-none",
    pins: {},
    excluded: [],
    noCache: true,
    refresh: false,
    ...overrides,
  };
}

/** Resolves against `<index url>/<prefix>/simple` with a fresh client (no caches shared between tests). */
export async function resolveOn(index: FixtureIndex, prefix: string, req: ResolveRequest): Promise<Resolution> {
  const client = createIndexClient({ indexUrl: `${index.url}/${prefix}/simple` });
  return resolveRequest({ ...req, indexUrl: `${index.url}/${prefix}/simple` }, { source: client, now: () => performance.now(), sourceStats: () => client.stats() });
}

/** `{name: version}` of a resolution, or the status when it did not resolve. */
export function pins(resolution: Resolution): Record<string, string> | string {
  if (resolution.status !== "resolved") return resolution.status === "error" ? `error: ${resolution.error.message}` : resolution.status;
  return Object.fromEntries(resolution.packages.map((p) => [p.name, p.version]));
}

/** A scenario case's platform tag -> the target it stands for. */
export function targetFor(python: string, platform: string | undefined): TargetDto {
  if (!platform || platform.includes("linux")) return { implementation: "cpython", pythonVersion: python, os: "linux", arch: platform?.includes("aarch64") ? "aarch64" : "x86_64" };
  if (platform.startsWith("win")) return { implementation: "cpython", pythonVersion: python, os: "windows", arch: platform.includes("arm64") ? "arm64" : "x86_64" };
  return { implementation: "cpython", pythonVersion: python, os: "macos", arch: platform.includes("arm64") ? "arm64" : "x86_64" };
}
