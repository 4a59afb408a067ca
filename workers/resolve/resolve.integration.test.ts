// Resolution options a user relies on: overrides, constraints, what-if pins and exclusions, index data that is
// partly invalid, several indexes, progress and cancellation through the worker's service object.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolveProgress } from "../api";
import { startFixtureIndex, type FixtureIndex } from "../../scripts/fixture-index/server";
import { createIndexClient } from "../index/index-client";
import { createResolverService } from "../resolver-service";
import { resolveRequest } from "./resolve";
import { createSnapshotSource } from "./snapshot-source";
import { pins, request, resolveOn, startIndex } from "./test-support/fixture-resolve";

let index: FixtureIndex;
let slow: FixtureIndex;
beforeAll(async () => {
  index = await startIndex();
  // Slower than the test timeout: a cancelled run that waited for the index would fail by timing out.
  slow = await startFixtureIndex({ port: 0, latencyMs: 120_000 });
});
afterAll(async () => {
  await index.close();
  await slow.close();
});

describe("requirements the user adds around their input", () => {
  it("an override replaces every requirement on a project, so a clash can be forced through", async () => {
    const plain = await resolveOn(index, "scenarios/conflict-simple", request(["left", "right"]));
    expect(plain.status).toBe("unsatisfiable");
    const forced = await resolveOn(index, "scenarios/conflict-simple", request(["left", "right"], { overrides: ["shared<2"] }));
    expect(pins(forced)).toEqual({ left: "1.1.0", middle: "1.0.0", right: "1.0.0", shared: "1.0.0" });
  });

  it("constraints narrow versions without adding projects", async () => {
    const r = await resolveOn(index, "scenarios/conflict-simple", request(["right"], { constraints: ["left<1\nshared<1.5"] }));
    expect(pins(r)).toEqual({ right: "1.0.0", shared: "1.0.0" });
  });

  it("a what-if pin and an exclusion change the result", async () => {
    const pinned = await resolveOn(index, "scenarios/requires-python", request(["app"], { pins: { "modern-lib": "==1.0.0" } }));
    expect(pins(pinned)).toEqual({ app: "1.0.0", "modern-lib": "1.0.0" });
    const excluded = await resolveOn(index, "scenarios/conflict-simple", request(["left"], { excluded: ["Middle"] }));
    expect(excluded.status).toBe("unsatisfiable");
    if (excluded.status === "unsatisfiable") expect(excluded.explanation).toContain('your what-if exclusion of middle leaves no version of it');
  });

  it("reports an invalid input line with its location and does not resolve", async () => {
    const r = await resolveOn(index, "scenarios/conflict-simple", request(["left", "right >= = 2"]));
    expect(r.status).toBe("error");
    if (r.status !== "error") return;
    expect(r.error.kind).toBe("input");
    expect(r.error.message).toMatch(/^line 2, column \d+: /);
  });
});

describe("index data that pip would partly skip", () => {
  it("skips invalid versions and requirement strings with a warning and resolves the rest", async () => {
    const source = createSnapshotSource({
      app: { "1.0": { dependencies: ["lib>=1", "broken >= = 1"] } },
      lib: { "1.0": { dependencies: [] }, "not a version": { dependencies: [] } },
    });
    const r = await resolveRequest(request(["app"]), { source, now: () => performance.now() });
    expect(pins(r)).toEqual({ app: "1.0", lib: "1.0" });
    expect(r.warnings.join("\n")).toMatch(/app: skipped invalid requirement "broken >= = 1"/);
    expect(r.warnings.join("\n")).toMatch(/lib: skipped version "not a version"/);
  });
});

describe("several indexes", () => {
  it("takes each project from the first index that has it (dependency confusion protection)", async () => {
    // Both scenario indexes are consulted; `shared` exists only in the extra index, `left` only in the first.
    const r = await resolveRequest(
      { ...request(["right"]), indexUrl: `${index.url}/scenarios/yanked/simple`, extraIndexUrls: [`${index.url}/scenarios/conflict-simple/simple`] },
      { source: createIndexClient({ indexUrl: `${index.url}/scenarios/yanked/simple`, extraIndexUrls: [`${index.url}/scenarios/conflict-simple/simple`] }), now: () => performance.now() },
    );
    expect(r.status).toBe("resolved");
    if (r.status !== "resolved") return;
    expect(r.packages.map((p) => [p.name, p.index])).toEqual([
      ["right", `${index.url}/scenarios/conflict-simple/simple/`],
      ["shared", `${index.url}/scenarios/conflict-simple/simple/`],
    ]);
  });
});

describe("the worker's service", () => {
  it("reports progress at most every 100 ms and resolves", async () => {
    // A test clock that advances 7 ms each time it is read: the spacing is judged on it, not on how busy the machine is.
    let clock = 0;
    const now = (): number => (clock += 7);
    const service = createResolverService({ now });
    const seen: { at: number; progress: ResolveProgress }[] = [];
    const r = await service.resolve(1, { ...request(["jupyter"], { target: { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" } }), indexUrl: `${index.url}/snapshot-2020/simple` }, (progress) =>
      seen.push({ at: clock, progress }),
    );
    expect(r.status).toBe("resolved");
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length - 1; i++) expect(seen[i].at - seen[i - 1].at).toBeGreaterThanOrEqual(100);
    const last = seen[seen.length - 1].progress;
    expect(last.projectsDiscovered).toBeGreaterThan(10);
    expect(last.metadataFetched).toBeGreaterThan(10);
  });

  it("cancel stops a resolution waiting on a slow index long before the index answers", async () => {
    const service = createResolverService();
    let cancelled = false;
    // Cancel once the run reports it is waiting on the index (an event, not a timer).
    const r = await service.resolve(7, { ...request(["six"]), indexUrl: `${slow.url}/snapshot-2020/simple` }, (progress) => {
      if (!cancelled && progress.requestsInFlight > 0) {
        cancelled = true;
        service.cancel(7);
      }
    });
    expect(cancelled).toBe(true);
    expect(r.status).toBe("error");
    if (r.status === "error") expect(r.error.kind).toBe("cancelled");
  });

});
