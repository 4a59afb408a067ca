// Exports checked by real consumers (needs python3 with pip 23.2 and packaging 26): pip installs the requirements.txt with --require-hashes and picks the file the JSON report names, packaging.pylock reads the pylock.toml.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markerEnvironment } from "../../packaging/environment";
import { canonicalizeName } from "../../packaging/names";
import { run } from "../../../scripts/fixture-index/pip-download";
import { startFixtureIndex, type FixtureIndex } from "../../../scripts/fixture-index/server";
import { formatJsonReport } from "./json-report";
import { formatPylockToml } from "./pylock-toml";
import { formatRequirementsTxt } from "./requirements-txt";
import { pinsOf, resolveFixture, type ResolvedFixture } from "./test-support/export-fixtures";


/** A project with a binary and a pure wheel plus an sdist, and an sdist-only dependency (pip builds it offline). */
const SCENARIO = {
  app: { "1.0.0": { dependencies: ["fastlib>=2", "oldlib"], requiresPython: ">=3.8" } },
  fastlib: {
    "2.0.0": {
      files: ["fastlib-2.0.0-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "fastlib-2.0.0-py3-none-any.whl", "fastlib-2.0.0.tar.gz"],
    },
  },
  oldlib: { "0.9": { files: ["oldlib-0.9.tar.gz"] } },
};

let index: FixtureIndex;
let work: string;
let big: ResolvedFixture;
let multi: ResolvedFixture;

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0, scenarios: { "export-pip": SCENARIO } });
  work = mkdtempSync(join(tmpdir(), "tangle-exports-"));
  big = await resolveFixture(index, "snapshot-2020", ["requests[socks]", "pandas"]);
  multi = await resolveFixture(index, "scenarios/export-pip", ["app"]);
}, 60_000);

afterAll(async () => {
  await index.close();
  rmSync(work, { recursive: true, force: true });
});

/** `{canonical name: version}` of the `*.dist-info` folders pip wrote into `dir`. */
function installed(dir: string): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const entry of readdirSync(dir)) {
    const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
    if (m) pins[canonicalizeName(m[1])] = m[2];
  }
  return pins;
}

async function pipInstall(requirements: string, name: string, indexPrefix: string) {
  const file = join(work, `${name}.txt`);
  const target = join(work, `${name}-target`);
  writeFileSync(file, requirements);
  const args = ["--isolated", "install", "--require-hashes", "--no-deps", "--target", target, "-r", file, "--index-url", `${index.url}/${indexPrefix}/simple`];
  return { result: await run("pip", args), target };
}

describe("pip installs the generated requirements.txt", () => {
  it("with --require-hashes: requests[socks] and pandas from the fixture index, every package at its pinned version", async () => {
    const { result, target } = await pipInstall(formatRequirementsTxt(big.resolution, big.request), "big", "snapshot-2020");
    expect(result.stderr.split("\n").filter((l) => /ERROR/.test(l))).toEqual([]);
    expect(result.status).toBe(0);
    expect(installed(target)).toEqual(pinsOf(big.resolution.packages));
    expect(Object.keys(installed(target)).length).toBe(11);
  }, 60_000);

  it("with several files per release (any listed hash is accepted) and an sdist pip builds", async () => {
    const { result, target } = await pipInstall(formatRequirementsTxt(multi.resolution, multi.request), "multi", "scenarios/export-pip");
    expect(result.stderr.split("\n").filter((l) => /ERROR/.test(l))).toEqual([]);
    expect(result.status).toBe(0);
    expect(installed(target)).toEqual({ app: "1.0.0", fastlib: "2.0.0", oldlib: "0.9" });
  }, 60_000);

  it("and refuses it when a hash does not match (the hashes are really checked)", async () => {
    const text = formatRequirementsTxt(multi.resolution, multi.request);
    const app = multi.resolution.packages.find((p) => p.name === "app");
    const good = app?.files[0].hashes.sha256 ?? "";
    expect(text).toContain(good);
    const { result } = await pipInstall(text.replace(good, good.replace(/^./, (c) => (c === "0" ? "1" : "0"))), "tampered", "scenarios/export-pip");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("THESE PACKAGES DO NOT MATCH THE HASHES");
  }, 60_000);
});

/** What `pip install --dry-run --report` chose for each package: its URL and the hashes pip read for it (from the index link), keyed by canonical name. */
function pipChoices(report: string): Record<string, { url: string; hashes: Record<string, string> }> {
  const parsed = JSON.parse(report) as { install: { metadata: { name: string }; download_info: { url: string; archive_info?: { hashes?: Record<string, string> } } }[] };
  return Object.fromEntries(
    parsed.install.map((i) => [canonicalizeName(i.metadata.name), { url: i.download_info.url, hashes: i.download_info.archive_info?.hashes ?? {} }]),
  );
}

describe("the JSON report names the file pip takes for the target", () => {
  it("as pip install --dry-run --report does for CPython 3.8 on manylinux x86_64 (binary wheel over pure wheel over sdist)", async () => {
    for (const [name, fixture, prefix] of [["big", big, "snapshot-2020"], ["multi", multi, "scenarios/export-pip"]] as const) {
      const file = join(work, `${name}-report-input.txt`);
      const reportFile = join(work, `${name}-pip-report.json`);
      writeFileSync(file, formatRequirementsTxt(fixture.resolution, fixture.request));
      const args = [
        "--isolated", "install", "--dry-run", "--target", join(work, `${name}-report-target`), "--no-deps", "--quiet", "--report", reportFile, "-r", file,
        "--index-url", `${index.url}/${prefix}/simple`,
        "--python-version", "3.8", "--implementation", "cp", "--abi", "cp38",
        "--platform", "manylinux_2_28_x86_64", "--platform", "manylinux2014_x86_64", "--platform", "linux_x86_64",
      ];
      const result = await run("pip", args);
      expect(result.stderr.split("\n").filter((l) => /ERROR/.test(l))).toEqual([]);
      expect(result.status).toBe(0);
      const pip = pipChoices(readFileSync(reportFile, "utf8"));
      const ours = formatJsonReport(fixture.resolution, fixture.request).packages;
      expect(Object.fromEntries(ours.map((p) => [p.name, p.file?.url]))).toEqual(Object.fromEntries(Object.entries(pip).map(([n, c]) => [n, c.url])));
      for (const pkg of ours) {
        // pip keeps the one hash the index link carried; the report has it, with the same digest, among the file's hashes.
        expect(Object.keys(pip[pkg.name].hashes).length, pkg.name).toBeGreaterThan(0);
        expect(pkg.file?.hashes, pkg.name).toMatchObject(pip[pkg.name].hashes);
        expect(pkg.file?.hashes.sha256, pkg.name).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    const fastlib = formatJsonReport(multi.resolution, multi.request).packages.find((p) => p.name === "fastlib");
    expect(fastlib?.file?.filename).toBe("fastlib-2.0.0-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
  }, 60_000);
});

const READ_PYLOCK_PY = `
import json, sys, tomllib
from packaging.pylock import Pylock
from packaging.tags import compatible_tags, cpython_tags
request = json.load(sys.stdin)
lock = Pylock.from_dict(tomllib.loads(request["text"]))
lock.validate()
platforms = ["manylinux_2_17_x86_64", "manylinux2014_x86_64", "linux_x86_64"]
tags = list(cpython_tags((3, 8), platforms=platforms)) + list(compatible_tags((3, 8), "cp38", platforms))
chosen = {}
for package, dist in lock.select(environment=request["environment"], tags=tags):
    chosen[package.name] = [str(package.version), dist.filename]
print(json.dumps(chosen))
`;

describe("packaging.pylock reads the generated pylock.toml", () => {
  it("validates it and selects, for the target, the file the resolver ranked first", async () => {
    for (const fixture of [big, multi]) {
      const text = formatPylockToml(fixture.resolution, fixture.request);
      const environment = markerEnvironment(fixture.request.target);
      const result = await run("python3", ["-c", READ_PYLOCK_PY], JSON.stringify({ text, environment }));
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const chosen = JSON.parse(result.stdout) as Record<string, [string, string]>;
      const expected = Object.fromEntries(fixture.resolution.packages.map((p) => [p.name, [p.version, p.files[0].filename]]));
      expect(chosen).toEqual(expected);
    }
    expect(multi.resolution.packages.find((p) => p.name === "fastlib")?.files.map((f) => f.filename)).toEqual(SCENARIO.fastlib["2.0.0"].files);
  }, 60_000);
});
