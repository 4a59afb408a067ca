// Scenario files: the bundled ones load, snapshot-format files are valid scenarios, mistakes name file and path.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ScenarioError, loadScenarioDir, parseScenario } from "./scenario-loader";

describe("scenario loader", () => {
  it("loads every bundled scenario with its cases", async () => {
    const scenarios = await loadScenarioDir(fileURLToPath(new URL("./scenarios", import.meta.url)));
    const names = scenarios.map((s) => s.name);
    for (const n of ["requires-python", "yanked", "prereleases", "platform-wheels", "unknown-metadata", "conflict-simple", "extras-conflict", "deep-backjump"]) {
      expect(names).toContain(n);
    }
    for (const s of scenarios) {
      expect(s.cases.length, s.name).toBeGreaterThan(0);
      for (const c of s.cases) {
        if (c.result === "no-solution") continue;
        // Every pinned project and version of a case exists in the scenario's index.
        for (const [name, version] of Object.entries(c.result)) {
          expect(s.index.projects.get(name)?.releases.map((r) => r.version), `${s.name}: ${name}`).toContain(version);
        }
      }
    }
  });

  it("accepts the snapshot format unchanged and turns extras into markers", () => {
    const s = parseScenario("plain", { Foo_Bar: { "1.0": { dependencies: ["six (>=1.0)"] }, "2.0": { dependencies: [], extras: { socks: ["pysocks", 'win-inet; sys_platform == "win32"'] } } } });
    const p = s.index.projects.get("foo-bar");
    expect(p?.name).toBe("Foo_Bar");
    expect(p?.releases[0]?.requiresDist).toEqual(["six (>=1.0)"]);
    expect(p?.releases[1]?.requiresDist).toEqual(['pysocks; extra == "socks"', 'win-inet; (sys_platform == "win32") and extra == "socks"']);
    expect(s.index.prefix).toBe("scenarios/plain");
  });

  it("reads the per-release knobs", () => {
    const s = parseScenario("knobs", {
      lib: {
        "1.0": { requiresPython: ">=3.12", yanked: "bad", uploadTime: "2023-05-01T12:00:00Z", metadata: false, files: ["lib-1.0.tar.gz", { filename: "lib-1.0-cp312-cp312-win_amd64.whl", yanked: false, metadata: true }] },
      },
    });
    const r = s.index.projects.get("lib")?.releases[0];
    expect(r?.requiresPython).toBe(">=3.12");
    expect(r?.yanked).toBe("bad");
    expect(r?.metadataKnown).toBe(false);
    expect(r?.uploadTime).toBe("2023-05-01T12:00:00.000Z");
    expect(r?.files?.[1]).toEqual({ filename: "lib-1.0-cp312-cp312-win_amd64.whl", yanked: false, metadata: true });
  });

  it("reports mistakes with the JSON path", () => {
    const bad = (json: unknown): string => {
      try {
        parseScenario("bad", json, "bad.json");
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return e instanceof Error ? e.message : "";
      }
      return "no error";
    };
    expect(bad({ lib: { "1.0": { yanked: 3 } } })).toBe('bad.json: $["lib"]["1.0"].yanked: expected true, false or a reason string');
    expect(bad({ lib: { "1.0": { requires_python: ">=3" } } })).toMatch(/^bad.json: \$\["lib"\]\["1.0"\].requires_python: unknown key/);
    expect(bad({ lib: { "1.0": { files: ["other-1.0.tar.gz"] } } })).toBe('bad.json: $["lib"]["1.0"].files[0]: "other-1.0.tar.gz" is not a file of lib 1.0');
    expect(bad({ lib: { "1.0": { files: ["lib-1.0.egg"] } } })).toMatch(/neither a wheel/);
    expect(bad({ lib: { "1.0": { uploadTime: "yesterday" } } })).toMatch(/expected an ISO 8601 date-time/);
    expect(bad({ Lib: {}, lib: {} })).toMatch(/same normalised name/);
    expect(bad({ $scenario: { cases: [{ name: "x", requirements: [], python: "3", result: {} }] } })).toMatch(/cases\[0\].python: expected X.Y/);
  });
});
