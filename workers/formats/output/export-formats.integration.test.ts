// Tests for the export registry: one entry per format, and every export reading back to the resolution's pins through our own parsers.
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIndex } from "../../resolve/test-support/fixture-resolve";
import type { FixtureIndex } from "../../../scripts/fixture-index/server";
import { canonicalizeName } from "../../packaging/names";
import { parseInput } from "../input/parse-input";
import { readLock } from "../lock/read-lock";
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFormat, type ExportFormatId } from "./export-formats";
import type { JsonReport } from "./json-report";
import { pinsOf, resolveFixture, type ResolvedFixture } from "./test-support/export-fixtures";

/** How each export is read back to `{canonical name: version}`: our input parsers for the pip and buildout files. */
const READERS: Record<ExportFormatId, (text: string) => Record<string, string>> = {
  requirements: (text) => pinsFromSet(parseInput(text, { format: "requirements.txt" }).requirements),
  constraints: (text) => pinsFromSet(parseInput(text, { format: "requirements.txt" }).requirements),
  buildout: (text) => pinsFromSet(parseInput(text, { format: "buildout.cfg" }).constraints),
  pylock: (text) => {
    const doc = parse(text) as { packages: { name: string; version: string }[] };
    return Object.fromEntries(doc.packages.map((p) => [p.name, p.version]));
  },
  "uv-lock": (text) => pinsFromLock(text, "uv.lock"),
  "poetry-lock": (text) => pinsFromLock(text, "poetry.lock"),
  json: (text) => {
    const report = JSON.parse(text) as JsonReport;
    return Object.fromEntries(report.packages.map((p) => [p.name, p.version]));
  },
};

/** Our own lock readers (workers/formats/lock): the packages the lock pins. */
function pinsFromLock(text: string, fileName: string): Record<string, string> {
  const read = readLock(text, { fileName });
  if (!read.ok) throw new Error(read.diagnostics.map((d) => d.message).join("; "));
  return Object.fromEntries(read.graph.packages.map((p) => [p.name, p.version ?? ""]));
}

function pinsFromSet(requirements: { name: string; specifier: string }[]): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const r of requirements) {
    const m = /^===?(.+)$/.exec(r.specifier);
    if (!m) throw new Error(`${r.name}${r.specifier} is not a pin`);
    pins[canonicalizeName(r.name)] = m[1];
  }
  return pins;
}

let index: FixtureIndex;
let big: ResolvedFixture;
let skipping: ResolvedFixture;

beforeAll(async () => {
  index = await startIndex();
  big = await resolveFixture(index, "snapshot-2020", ["requests[socks]", "pandas", "jupyter"]);
  skipping = await resolveFixture(index, "snapshot-2020", ["requests[socks]", "pywin32>=228; sys_platform == 'win32'", "colorama ; os_name == 'nt'"]);
}, 60_000);

afterAll(async () => {
  await index.close();
});

describe("the export registry", () => {
  it("has one entry per id, each with a label, a file name of its kind and a MIME type", () => {
    expect(EXPORT_FORMAT_IDS).toEqual(["requirements", "constraints", "pylock", "uv-lock", "poetry-lock", "buildout", "json"]);
    expect(new Set(EXPORT_FORMATS.map((f) => f.fileName)).size).toBe(EXPORT_FORMATS.length);
    const kinds = Object.fromEntries(EXPORT_FORMATS.map((f) => [f.id, [f.fileName.slice(f.fileName.lastIndexOf(".")), f.mimeType]]));
    expect(kinds).toEqual({
      requirements: [".txt", "text/plain"],
      constraints: [".txt", "text/plain"],
      pylock: [".toml", "application/toml"],
      "uv-lock": [".lock", "application/toml"],
      "poetry-lock": [".lock", "application/toml"],
      buildout: [".cfg", "text/plain"],
      json: [".json", "application/json"],
    });
    expect(EXPORT_FORMATS.every((f) => f.label.length > 0)).toBe(true);
    expect(exportFormat("pylock")?.fileName).toBe("pylock.toml");
    expect(exportFormat("text")).toBeUndefined();
  });

  it("writes a 50-package resolution in every format, each reading back to the same pins", () => {
    const pins = pinsOf(big.resolution.packages);
    expect(Object.keys(pins).length).toBeGreaterThanOrEqual(50);
    for (const format of EXPORT_FORMATS) {
      const text = format.write(big.resolution, big.request);
      expect(text.endsWith("\n"), format.id).toBe(true);
      expect(READERS[format.id](text), format.id).toEqual(pins);
    }
  });

  it("is pure: the same input gives the same bytes, and the input is left as it was", () => {
    const before = JSON.stringify([big.resolution, big.request]);
    for (const format of EXPORT_FORMATS) expect(format.write(big.resolution, big.request)).toBe(format.write(big.resolution, big.request));
    expect(JSON.stringify([big.resolution, big.request])).toBe(before);
  });
});

describe("the JSON report, as `pip install --report` says what was resolved for", () => {
  it("carries the target's marker values, the index, the input read, and per package `requested` and its files with hashes", () => {
    const json = exportFormat("json");
    if (!json) throw new Error("no JSON export");
    const report = JSON.parse(json.write(big.resolution, big.request)) as JsonReport;
    expect(report.request?.environment).toMatchObject({ python_version: "3.8", sys_platform: "linux", platform_system: "Linux", platform_machine: "x86_64" });
    expect(report.request?.indexUrl).toBe(big.request.indexUrl);
    expect(report.request?.input).toMatchObject({ extras: [], groups: [] });
    const requests = report.packages.find((p) => p.name === "requests");
    const idna = report.packages.find((p) => p.name === "idna");
    expect([requests?.requested, idna?.requested]).toEqual([true, false]);
    for (const pkg of report.packages) {
      const resolved = big.resolution.packages.find((p) => p.name === pkg.name);
      // One file, the one the resolver ranked first for the target (pip's choice: see python-consumers.integration.test.ts).
      expect(pkg.file?.filename, pkg.name).toBe(resolved?.files[0].filename);
      expect(pkg.file?.url).toBe(resolved?.files[0].url);
      expect(pkg.file?.hashes.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(pkg).not.toHaveProperty("files");
    }
    expect(report.skipped).toEqual([]);
  });
});

describe("requirements skipped for the target (their marker is false)", () => {
  const SKIPPED = ['# skipped on this target: pywin32>=228; sys_platform == "win32"', '# skipped on this target: colorama; os_name == "nt"'];

  it("are kept as comments in every text export, which still reads back to the same pins", () => {
    const pins = pinsOf(skipping.resolution.packages);
    expect(pins).not.toHaveProperty("pywin32");
    for (const format of EXPORT_FORMATS.filter((f) => f.id !== "json")) {
      const text = format.write(skipping.resolution, skipping.request);
      expect(text.split("\n").filter((l) => l.includes("skipped on this target")), format.id).toEqual(SKIPPED);
      expect(READERS[format.id](text), format.id).toEqual(pins);
    }
    const requirements = exportFormat("requirements")?.write(skipping.resolution, skipping.request) ?? "";
    expect(requirements.endsWith(`\n\n${SKIPPED.join("\n")}\n`)).toBe(true);
  });

  it("are listed in the JSON report as PEP 508 requirements with their line", () => {
    const report = JSON.parse(exportFormat("json")?.write(skipping.resolution, skipping.request) ?? "{}") as JsonReport;
    expect(report.skipped).toEqual([
      { requirement: 'pywin32>=228; sys_platform == "win32"', line: 2 },
      { requirement: 'colorama; os_name == "nt"', line: 3 },
    ]);
  });

  it("leave no trace when nothing was skipped", () => {
    for (const format of EXPORT_FORMATS) expect(format.write(big.resolution, big.request)).not.toContain("skipped on this target");
  });
});

describe("package names", () => {
  it("are spelled one way in every export, the canonical name as pip-compile and uv write it (buildout keeps dots)", () => {
    // The index spells it "PySocks"; every export writes "pysocks".
    expect(big.resolution.packages.find((p) => p.name === "pysocks")?.displayName).toBe("PySocks");
    const names = new Set(big.resolution.packages.map((p) => p.name));
    for (const format of EXPORT_FORMATS) {
      const text = format.write(big.resolution, big.request);
      expect(text, format.id).not.toMatch(/PySocks/);
      expect(text, format.id).toMatch(/\bpysocks\b/);
    }
    const report = JSON.parse(exportFormat("json")?.write(big.resolution, big.request) ?? "{}") as JsonReport;
    const mentioned = report.packages.flatMap((p) => [p.name, ...p.dependencies.map((d) => d.name), ...p.dependents.filter((d) => d !== "<root>")]);
    for (const name of mentioned) expect(names.has(name), name).toBe(true);
  });
});
