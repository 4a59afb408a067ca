// The resolution store's transitions: what the run status shows, and "what changed" kept across a failed run.
import { beforeEach, describe, expect, it } from "vitest";
import type { Resolution, ResolveRequest, ResolveStats } from "../../workers/api";
import { resolvedPackage } from "../../test-support/resolved-package";
import { useResolution } from "./resolution";

const request = { input: { text: "requests\n" } } as ResolveRequest;
const stats = {} as ResolveStats;
const resolved = (...names: string[]): Resolution => ({ status: "resolved", packages: names.map((n) => resolvedPackage(n, "1.0")), warnings: [], diagnostics: [], stats, resolvedAt: "2026-01-01T00:00:00Z" });
const failed: Resolution = { status: "error", error: { kind: "index-unreachable", message: "offline" }, warnings: [], diagnostics: [], stats, resolvedAt: "2026-01-01T00:00:00Z" };

beforeEach(() => useResolution.setState({ running: null, current: null, previousPackages: null, notice: null }));

describe("resolution store", () => {
  it("shows progress of the run in progress only, and clears a notice when a run starts", () => {
    const s = useResolution.getState();
    s.stopped({ kind: "cancelled", message: "Resolution cancelled after 1.0 s." });
    s.started(2, request, 0);
    expect(useResolution.getState().notice).toBeNull();
    s.progressed(1, { projectsDiscovered: 3, metadataFetched: 1, requestsInFlight: 2, decisions: 0, conflicts: 0, elapsedMs: 10 });
    expect(useResolution.getState().running?.progress).toBeNull();
    s.cancelRequested();
    expect(useResolution.getState().running).toMatchObject({ runId: 2, cancelRequested: true });
  });

  it("keeps the last resolved packages as 'before' across a run that did not resolve", () => {
    const s = useResolution.getState();
    s.finished(1, request, resolved("a"));
    expect(useResolution.getState().previousPackages).toBeNull();
    s.finished(2, request, resolved("a", "b"));
    expect(useResolution.getState().previousPackages?.map((p) => p.name)).toEqual(["a"]);
    s.finished(3, request, failed);
    expect(useResolution.getState()).toMatchObject({ running: null, current: { runId: 3 } });
    expect(useResolution.getState().previousPackages?.map((p) => p.name)).toEqual(["a"]);
  });
});
