// Universal exports: requirements.txt with markers on the lines, the JSON report with each package's marker, and a pylock.toml that packaging.pylock validates and narrows, per platform and Python, to exactly the resolution narrowed there.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "../../../scripts/fixture-index/server";
import { environment, narrow } from "../../resolve/test-support/narrowed-resolution";
import { createResolverService } from "../../resolver-service";
import { formatConstraintsTxt } from "./constraints-txt";
import { formatJsonReport } from "./json-report";
import { formatPylockToml } from "./pylock-toml";
import { formatRequirementsTxt } from "./requirements-txt";
import { pinsOf, resolveFixture, withoutPort, type ResolvedFixture } from "./test-support/export-fixtures";

let index: FixtureIndex;
let fixture: ResolvedFixture;

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0 });
  fixture = await resolveFixture(index, "scenarios/universal-forks", ["app"], { universal: { python: ">=3.9" } });
}, 60_000);
afterAll(async () => {
  await index.close();
});

const python3 = spawnSync("python3", ["-c", "import packaging.pylock"]).status === 0;

describe("a universal resolution's exports", () => {
  it("holds numlib at two versions in disjoint environments, each with its helper", () => {
    const lines = fixture.resolution.packages.map((p) => `${p.id ?? p.name} ${p.version} ${p.marker ?? "(everywhere)"}`);
    expect(lines).toEqual([
      "app 1.0.0 (everywhere)",
      "backport 1.0.0 python_version < '3.10'",
      "colorama 0.4.6 sys_platform == 'win32'",
      "helper==1.0.0 1.0.0 sys_platform == 'win32'",
      "helper==2.0.0 2.0.0 sys_platform != 'win32'",
      "numlib==1.0.0 1.0.0 sys_platform == 'win32'",
      "numlib==2.0.0 2.0.0 sys_platform != 'win32'",
    ]);
    const numlib = fixture.resolution.packages.find((p) => p.id === "numlib==1.0.0");
    expect(numlib?.dependents).toEqual(["app"]);
    expect(fixture.resolution.packages.find((p) => p.name === "app")?.dependencies.find((d) => d.name === "numlib" && d.specifier === "<2")).toMatchObject({
      environmentMarker: "sys_platform == 'win32'",
      targets: ["numlib==1.0.0"],
    });
    expect(fixture.resolution.universal?.environments).toEqual([
      "sys_platform == 'linux' and python_version >= '3.9' and python_version < '4.0'",
      "sys_platform == 'darwin' and python_version >= '3.9' and python_version < '4.0'",
      "sys_platform == 'win32' and python_version >= '3.9' and python_version < '4.0'",
    ]);
  });

  it("writes requirements.txt as uv pip compile --universal does: the marker after each pin", () => {
    const text = withoutPort(formatRequirementsTxt(fixture.resolution, fixture.request), index);
    const pins = text.split("\n").filter((l) => /^[a-z]/.test(l)).map((l) => l.replace(/ \\$/, ""));
    expect(pins).toEqual([
      "app==1.0.0",
      "backport==1.0.0 ; python_version < '3.10'",
      "colorama==0.4.6 ; sys_platform == 'win32'",
      "helper==1.0.0 ; sys_platform == 'win32'",
      "helper==2.0.0 ; sys_platform != 'win32'",
      "numlib==1.0.0 ; sys_platform == 'win32'",
      "numlib==2.0.0 ; sys_platform != 'win32'",
    ]);
    expect(text).toContain("--universal --python '>=3.9'");
  });

  it("writes constraints with the marker after each pin (pip reads markers in a constraints file)", () => {
    const pins = formatConstraintsTxt(fixture.resolution, fixture.request).split("\n").filter((l) => /^[a-z]/.test(l));
    expect(pins).toContain("numlib==1.0.0 ; sys_platform == 'win32'");
    expect(pins).toContain("numlib==2.0.0 ; sys_platform != 'win32'");
    expect(pins).toContain("app==1.0.0");
  });

  it("is refused by the one-target formats (uv.lock, poetry.lock, buildout) with what to download instead", () => {
    const service = createResolverService();
    for (const id of ["uv-lock", "poetry-lock", "buildout"]) {
      expect(() => service.exportResolution(id, fixture.resolution, fixture.request)).toThrow(/is written for one target and this resolution covers every platform: download .*pylock\.toml/);
    }
    const refusals = Object.fromEntries(service.exportFormats().map((f) => [f.id, f.universalRefusal !== null]));
    expect(refusals).toEqual({ requirements: false, constraints: false, pylock: false, "uv-lock": true, "poetry-lock": true, buildout: true, json: false });
  });

  it("gives every package its marker in the JSON report", () => {
    const report = formatJsonReport(fixture.resolution, fixture.request);
    expect(report.universal?.forks.length).toBeGreaterThan(1);
    expect(report.packages.map((p) => [p.id ?? p.name, p.marker ?? null])).toEqual(fixture.resolution.packages.map((p) => [p.id ?? p.name, p.marker ?? null]));
    expect(report.packages.find((p) => p.name === "colorama")?.marker).toBe("sys_platform == 'win32'");
  });

  it.skipIf(!python3)("writes a pylock.toml packaging.pylock validates and narrows, for each of 3 platforms x 2 Pythons, to the narrowed resolution", () => {
    const text = formatPylockToml(fixture.resolution, fixture.request);
    expect(text).toContain('environments = ["sys_platform == \'linux\' and python_version >= \'3.9\' and python_version < \'4.0\'"');
    const envs = (["linux", "darwin", "win32"] as const).flatMap((sys) => ["3.9.1", "3.12.0"].map((py) => environment(sys, py)));
    const script = new URL("../../../scripts/check-pylock-universal.py", import.meta.url).pathname;
    const result = spawnSync("python3", [script], { input: JSON.stringify({ text, environments: envs }), encoding: "utf8" });
    expect(result.stdout).not.toContain('"error"');
    expect(result.status).toBe(0);
    const selected = JSON.parse(result.stdout) as Record<string, string>[];
    expect(selected).toEqual(envs.map((env) => pinsOf(narrow(fixture.resolution.packages, env))));
    // The narrowings differ, so the comparison says something: Windows 3.9 has 5 packages, Windows 3.12 4, Linux 3.12 3.
    expect(Object.keys(selected[4]).length).toBe(5);
    expect(Object.keys(selected[5]).length).toBe(4);
    expect(Object.keys(selected[1]).length).toBe(3);
  });
});
