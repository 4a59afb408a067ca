// Tests for pylock.toml: a golden file from a real resolution, and every output checked against PEP 751's keys, types and rules.
import { parse, TomlDate } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolveRequest, TargetDto } from "../../api";
import { markerEnvironment } from "../../packaging/environment";
import { parseMarker } from "../../packaging/markers";
import { canonicalizeName } from "../../packaging/names";
import { parseSpecifierSet } from "../../packaging/specifiers";
import { compareVersions, tryParseVersion } from "../../packaging/version";
import { startFixtureIndex, type FixtureIndex } from "../../../scripts/fixture-index/server";
import { formatPylockToml } from "./pylock-toml";
import { pinsOf, resolveFixture, withoutPort, type ResolvedFixture } from "./test-support/export-fixtures";
import { digest, handmadeFile, handmadeRequest, handmadeResolution } from "./test-support/handmade-resolution";
import { resolvedPackage } from "../../../test-support/resolved-package";

// ---------------------------------------------------------------------------------------------------------------
// A PEP 751 checker (lock-version 1.0), written from the specification: required keys, types, and the rules an
// installer enforces (one source kind per package, file names consistent with the package, hashes present, UTC).
// It returns every problem found, each with its place.

type Table = Record<string, unknown>;

const TOP_KEYS = ["lock-version", "environments", "requires-python", "extras", "dependency-groups", "default-groups", "created-by", "packages", "tool"];
const PACKAGE_KEYS = ["name", "version", "marker", "requires-python", "dependencies", "vcs", "directory", "archive", "index", "sdist", "wheels", "attestation-identities", "tool"];
const FILE_KEYS = ["name", "upload-time", "url", "path", "size", "hashes"];

const isTable = (v: unknown): v is Table => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

function checkPylock(doc: Table): string[] {
  const problems: string[] = [];
  const problem = (where: string, what: string) => problems.push(`${where}: ${what}`);
  const unknownKeys = (table: Table, allowed: string[], where: string) => {
    for (const key of Object.keys(table)) if (!allowed.includes(key)) problem(where, `unknown key ${key}`);
  };
  const validMarker = (text: string, where: string) => {
    try {
      parseMarker(text);
    } catch (error) {
      problem(where, `invalid marker ${text}: ${(error as Error).message}`);
    }
  };
  const validSpecifier = (text: string, where: string) => {
    try {
      parseSpecifierSet(text);
    } catch (error) {
      problem(where, `invalid specifier ${text}: ${(error as Error).message}`);
    }
  };

  unknownKeys(doc, TOP_KEYS, "top level");
  if (doc["lock-version"] !== "1.0") problem("lock-version", `must be the string "1.0", got ${JSON.stringify(doc["lock-version"])}`);
  if (typeof doc["created-by"] !== "string" || doc["created-by"] === "") problem("created-by", "required string");
  if (doc.environments !== undefined) {
    if (!isStringArray(doc.environments)) problem("environments", "must be an array of strings");
    else doc.environments.forEach((m, i) => validMarker(m, `environments[${i}]`));
  }
  if (doc["requires-python"] !== undefined) {
    if (typeof doc["requires-python"] !== "string") problem("requires-python", "must be a string");
    else validSpecifier(doc["requires-python"], "requires-python");
  }
  for (const key of ["extras", "dependency-groups", "default-groups"]) {
    if (doc[key] !== undefined && !isStringArray(doc[key])) problem(key, "must be an array of strings");
  }
  if (doc.tool !== undefined && !isTable(doc.tool)) problem("tool", "must be a table");
  if (!Array.isArray(doc.packages)) {
    problem("packages", "required array of tables");
    return problems;
  }
  doc.packages.forEach((pkg: unknown, i) => {
    const at = `packages[${i}]`;
    if (!isTable(pkg)) {
      problem(at, "must be a table");
      return;
    }
    unknownKeys(pkg, PACKAGE_KEYS, at);
    const name = pkg.name;
    if (typeof name !== "string" || canonicalizeName(name) !== name) problem(`${at}.name`, `required normalized name, got ${JSON.stringify(name)}`);
    const version = typeof pkg.version === "string" ? tryParseVersion(pkg.version) : null;
    if (pkg.version !== undefined && version === null) problem(`${at}.version`, `must be a PEP 440 version string, got ${JSON.stringify(pkg.version)}`);
    if (pkg.marker !== undefined) {
      if (typeof pkg.marker !== "string") problem(`${at}.marker`, "must be a string");
      else validMarker(pkg.marker, `${at}.marker`);
    }
    if (pkg["requires-python"] !== undefined) {
      if (typeof pkg["requires-python"] !== "string") problem(`${at}.requires-python`, "must be a string");
      else validSpecifier(pkg["requires-python"], `${at}.requires-python`);
    }
    if (pkg.index !== undefined && (typeof pkg.index !== "string" || !/^https?:\/\//.test(pkg.index))) problem(`${at}.index`, "must be a URL string");
    if (pkg.dependencies !== undefined && !(Array.isArray(pkg.dependencies) && pkg.dependencies.every(isTable))) problem(`${at}.dependencies`, "must be an array of tables");
    if (pkg.tool !== undefined && !isTable(pkg.tool)) problem(`${at}.tool`, "must be a table");

    const wheels = pkg.wheels;
    if (wheels !== undefined && !(Array.isArray(wheels) && wheels.every(isTable))) problem(`${at}.wheels`, "must be an array of tables");
    if (pkg.sdist !== undefined && !isTable(pkg.sdist)) problem(`${at}.sdist`, "must be a table");
    const distributions = (pkg.sdist !== undefined ? 1 : 0) + (Array.isArray(wheels) ? wheels.length : 0);
    const direct = ["vcs", "directory", "archive"].filter((k) => pkg[k] !== undefined).length;
    if (distributions > 0 && direct > 0) problem(at, "vcs, directory and archive are mutually exclusive with sdist and wheels");
    if (distributions === 0 && direct !== 1) problem(at, "needs wheels, an sdist, or exactly one of vcs, directory, archive");

    const checkFile = (file: Table, where: string, kind: "wheel" | "sdist") => {
      unknownKeys(file, FILE_KEYS, where);
      if (typeof file.url !== "string" && typeof file.path !== "string") problem(where, "needs url or path");
      const last = (typeof file.url === "string" ? file.url : typeof file.path === "string" ? file.path : "").split(/[/\\]/).pop() ?? "";
      const filename = typeof file.name === "string" ? file.name : last;
      if (file.name !== undefined && typeof file.name !== "string") problem(`${where}.name`, "must be a string");
      if (file.size !== undefined && !(typeof file.size === "number" && Number.isInteger(file.size) && file.size >= 0)) problem(`${where}.size`, "must be a non-negative integer");
      if (file["upload-time"] !== undefined) {
        const t = file["upload-time"];
        if (!(t instanceof TomlDate) || !t.isDateTime() || t.isLocal()) problem(`${where}.upload-time`, "must be an offset datetime");
        else if (!t.toISOString().endsWith("Z")) problem(`${where}.upload-time`, "must be recorded in UTC");
      }
      const hashes = file.hashes;
      if (!isTable(hashes) || Object.keys(hashes).length === 0) problem(`${where}.hashes`, "required table with at least one entry");
      else {
        for (const [algorithm, value] of Object.entries(hashes)) {
          if (typeof value !== "string") problem(`${where}.hashes.${algorithm}`, "must be a string");
          if (algorithm !== algorithm.toLowerCase()) problem(`${where}.hashes.${algorithm}`, "algorithm keys should be lowercase");
        }
      }
      // The file must be of this package and version (packaging.pylock rejects it otherwise).
      let fileName: string | undefined;
      let fileVersion: string | undefined;
      if (kind === "wheel") {
        const parts = filename.replace(/\.whl$/, "").split("-");
        if (!filename.endsWith(".whl") || parts.length < 5 || parts.length > 6) problem(where, `invalid wheel file name ${filename}`);
        [fileName, fileVersion] = parts;
      } else {
        const stem = filename.replace(/\.(tar\.gz|zip)$/, "");
        if (stem === filename) problem(where, `invalid sdist file name ${filename}`);
        fileName = stem.slice(0, stem.lastIndexOf("-"));
        fileVersion = stem.slice(stem.lastIndexOf("-") + 1);
      }
      if (typeof name === "string" && canonicalizeName(fileName ?? "") !== name) problem(where, `${filename} is not a file of ${name}`);
      const parsed = fileVersion === undefined ? null : tryParseVersion(fileVersion);
      if (version !== null && (parsed === null || compareVersions(parsed, version) !== 0)) problem(where, `${filename} is not a file of version ${String(pkg.version)}`);
    };
    if (Array.isArray(wheels)) wheels.forEach((w: unknown, j) => isTable(w) && checkFile(w, `${at}.wheels[${j}]`, "wheel"));
    if (isTable(pkg.sdist)) checkFile(pkg.sdist, `${at}.sdist`, "sdist");
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------

const SMALL_GOLDEN = `#
# This file is autogenerated by tangle for CPython 3.8 on Linux x86_64 with glibc 2.28
# by the following command:
#
#    tangle resolve requirements.in --python 3.8 --platform linux --arch x86_64 --index-url http://fixture/snapshot-2020/simple --format pylock
#
# Resolved at 2020-12-01T00:00:00.000Z from http://fixture/snapshot-2020/simple
# Options: resolution highest, pre-releases if-necessary-or-explicit, exclude-newer none
#
lock-version = "1.0"
environments = ['implementation_name == "cpython" and python_version == "3.8" and sys_platform == "linux" and platform_machine == "x86_64"']
requires-python = "==3.8.*"
created-by = "tangle"

[[packages]]
name = "python-dateutil"
version = "2.8.1"
index = "http://fixture/snapshot-2020/simple/"
dependencies = [{ name = "six" }]

[[packages.wheels]]
name = "python_dateutil-2.8.1-py3-none-any.whl"
upload-time = 2019-03-11T22:15:48.304587Z
url = "http://fixture/snapshot-2020/files/python_dateutil-2.8.1-py3-none-any.whl"
size = 1220
hashes = { sha256 = "b84d5035c4e41c2dc40bff41d797c74794f94ad15016746f2d0354543d992366" }

[[packages]]
name = "six"
version = "1.15.0"
index = "http://fixture/snapshot-2020/simple/"

[[packages.wheels]]
name = "six-1.15.0-py3-none-any.whl"
upload-time = 2020-06-15T10:34:51.835315Z
url = "http://fixture/snapshot-2020/files/six-1.15.0-py3-none-any.whl"
size = 1036
hashes = { sha256 = "c282801f51221ffc8b953b697463b5d0dc4cbe0b7ec1f3a567fb7d6a322f5064" }

[tool.tangle]
command = "tangle resolve requirements.in --python 3.8 --platform linux --arch x86_64 --index-url http://fixture/snapshot-2020/simple --format pylock"
resolved-at = 2020-12-01T00:00:00.000Z
target = { implementation = "cpython", python-version = "3.8", os = "linux", arch = "x86_64" }
index-url = "http://fixture/snapshot-2020/simple"
resolution = "highest"
prerelease = "if-necessary-or-explicit"
direct = ["python-dateutil"]
`;

/** A project with several files per release: a binary and a pure wheel, an sdist, a wheel for another OS; an sdist-only dependency. */
const MULTI_FILE_SCENARIO = {
  app: {
    "1.0.0": { dependencies: ["fastlib>=2", "oldlib"], requiresPython: ">=3.8" },
  },
  fastlib: {
    "1.0.0": {},
    "2.0.0": {
      requiresPython: ">=3.7",
      files: [
        "fastlib-2.0.0-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "fastlib-2.0.0-py3-none-any.whl",
        "fastlib-2.0.0.tar.gz",
        "fastlib-2.0.0-cp38-cp38-win_amd64.whl",
      ],
    },
  },
  oldlib: {
    "0.9": { files: ["oldlib-0.9.tar.gz"] },
  },
};

let index: FixtureIndex;
let small: ResolvedFixture;
let big: ResolvedFixture;
let multi: ResolvedFixture;

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0, scenarios: { "export-files": MULTI_FILE_SCENARIO } });
  small = await resolveFixture(index, "snapshot-2020", ["python-dateutil"]);
  big = await resolveFixture(index, "snapshot-2020", ["requests[socks]", "pandas", "jupyter"]);
  multi = await resolveFixture(index, "scenarios/export-files", ["app"]);
}, 60_000);

afterAll(async () => {
  await index.close();
});

const parsed = (text: string) => parse(text) as Table;
const packagesOf = (doc: Table) => doc.packages as Table[];

describe("pylock.toml from real resolutions", () => {
  it("writes python-dateutil's resolution exactly", () => {
    expect(withoutPort(formatPylockToml(small.resolution, small.request), index)).toBe(SMALL_GOLDEN);
  });

  it("is valid PEP 751 for a 50-package resolution and for releases with several files", () => {
    expect(checkPylock(parsed(formatPylockToml(big.resolution, big.request)))).toEqual([]);
    expect(checkPylock(parsed(formatPylockToml(multi.resolution, multi.request)))).toEqual([]);
  });

  it("parses back (smol-toml) to the same pins, each with its index", () => {
    const doc = parsed(formatPylockToml(big.resolution, big.request));
    const packages = packagesOf(doc);
    expect(Object.fromEntries(packages.map((p) => [p.name, p.version]))).toEqual(pinsOf(big.resolution.packages));
    expect(packages.every((p) => p.index === `${big.request.indexUrl}/`)).toBe(true);
    expect(packages.map((p) => p.name)).toEqual([...packages.map((p) => String(p.name))].sort());
  });

  it("records every installable file of a release: its wheels (sorted) and its sdist, with size, time and sha256", () => {
    const doc = parsed(formatPylockToml(multi.resolution, multi.request));
    const fastlib = packagesOf(doc).find((p) => p.name === "fastlib");
    const source = multi.resolution.packages.find((p) => p.name === "fastlib");
    expect(fastlib?.version).toBe("2.0.0");
    expect(fastlib?.["requires-python"]).toBe(">=3.7");
    const wheels = (fastlib?.wheels ?? []) as Table[];
    expect(wheels.map((w) => w.name)).toEqual([
      "fastlib-2.0.0-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      "fastlib-2.0.0-py3-none-any.whl",
    ]);
    const sdist = fastlib?.sdist as Table;
    expect(sdist.name).toBe("fastlib-2.0.0.tar.gz");
    for (const file of [...wheels, sdist]) {
      const dto = source?.files.find((f) => f.filename === file.name);
      expect(file.url).toBe(dto?.url);
      expect(file.size).toBe(dto?.size);
      expect(file.hashes).toEqual({ sha256: dto?.hashes.sha256 });
      expect((file["upload-time"] as TomlDate).getTime()).toBe(Date.parse(dto?.uploadTime ?? ""));
    }
    const oldlib = packagesOf(doc).find((p) => p.name === "oldlib");
    expect(oldlib?.wheels).toBeUndefined();
    expect((oldlib?.sdist as Table).name).toBe("oldlib-0.9.tar.gz");
    expect(packagesOf(doc).find((p) => p.name === "app")?.dependencies).toEqual([{ name: "fastlib" }, { name: "oldlib" }]);
  });

  it("writes upload times in UTC with the index's full precision", () => {
    const text = formatPylockToml(big.resolution, big.request);
    const times = [...text.matchAll(/^upload-time = (.*)$/gm)].map((m) => m[1]);
    expect(times.length).toBe(big.resolution.packages.length);
    for (const time of times) expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const first = big.resolution.packages[0].files[0].uploadTime;
    expect(times).toContain(first);
  });
});

describe("the lock's environment", () => {
  const envOf = (target: TargetDto) => markerEnvironment(target);
  const docFor = (target: TargetDto) => parsed(formatPylockToml(handmadeResolution([]), handmadeRequest({ target })));
  const targets: TargetDto[] = [
    { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" },
    { implementation: "cpython", pythonVersion: "3.12.4", os: "windows", arch: "x86_64" },
    { implementation: "cpython", pythonVersion: "3.13", os: "macos", arch: "arm64" },
    { implementation: "pypy", pythonVersion: "3.10", os: "linux", arch: "aarch64" },
  ];

  it("holds for its own target and for no other (environments and requires-python)", () => {
    for (const target of targets) {
      const doc = docFor(target);
      expect(checkPylock(doc)).toEqual([]);
      const [marker] = doc.environments as string[];
      const requiresPython = parseSpecifierSet(doc["requires-python"] as string);
      for (const other of targets) {
        const env = envOf(other);
        const holds = parseMarker(marker).evaluate(env) && requiresPython.contains(env.python_full_version);
        expect(holds, `${JSON.stringify(target)} on ${JSON.stringify(other)}`).toBe(other === target);
      }
    }
  });

  it("covers every patch release of a bare X.Y target, and only the given one of X.Y.Z", () => {
    const minor = docFor(targets[0]);
    expect(minor["requires-python"]).toBe("==3.8.*");
    expect(parseMarker((minor.environments as string[])[0]).evaluate({ ...envOf(targets[0]), python_full_version: "3.8.18" })).toBe(true);
    const exact = docFor(targets[1]);
    expect(exact["requires-python"]).toBe("==3.12.4");
    expect(parseMarker((exact.environments as string[])[0]).evaluate({ ...envOf(targets[1]), python_full_version: "3.12.5" })).toBe(false);
  });
});

describe("pylock.toml edge cases", () => {
  const request: ResolveRequest = handmadeRequest();

  it("writes `packages = []` when nothing was resolved (the key is required)", () => {
    const doc = parsed(formatPylockToml(handmadeResolution([]), request));
    expect(doc.packages).toEqual([]);
    expect(checkPylock(doc)).toEqual([]);
  });

  it("leaves out a package none of whose files has a hash, saying so, and keeps other hash algorithms when sha256 is missing", () => {
    const packages = [
      resolvedPackage("nohash", "1.0", { files: [handmadeFile("nohash-1.0.tar.gz", { hashes: {} })] }),
      resolvedPackage("sha512only", "2.0", { files: [handmadeFile("sha512only-2.0-py3-none-any.whl", { hashes: { SHA512: "AB".repeat(64), md5: "00".repeat(16) } })] }),
    ];
    const text = formatPylockToml(handmadeResolution(packages), request);
    expect(text).toContain("# WARNING: nohash==1.0 is not locked: the index gave no hash for any of its files.\n");
    const doc = parsed(text);
    expect(checkPylock(doc)).toEqual([]);
    expect(packagesOf(doc).map((p) => p.name)).toEqual(["sha512only"]);
    expect((packagesOf(doc)[0].wheels as Table[])[0].hashes).toEqual({ md5: "00".repeat(16), sha512: "ab".repeat(64) });
  });

  it("escapes what TOML must escape, converts upload times to UTC, and redacts index credentials", () => {
    const url = `https://files.example.org/it's "odd"\\path\u0001/weird-1.0-py3-none-any.whl`;
    const pkg = resolvedPackage("weird", "1.0", {
      index: "https://user:secret@pkgs.example.org/simple/",
      requiresPython: ">=3.8,!=3.9.*",
      files: [
        handmadeFile("weird-1.0-py3-none-any.whl", { url, hashes: { sha256: digest("w") }, uploadTime: "2021-03-04T05:06:07.123+02:00", size: 10 }),
        handmadeFile("weird-1.0.zip", { hashes: { sha256: digest("z") }, uploadTime: "2021-03-04 05:06:07", size: null }),
        handmadeFile("weird-1.0.tar.gz", { hashes: { sha256: digest("t") }, uploadTime: "not a time" }),
        handmadeFile("weird-1.0.win32.exe", { hashes: { sha256: digest("e") } }),
      ],
    });
    const text = formatPylockToml(handmadeResolution([pkg]), request);
    expect(text).not.toContain("secret");
    const doc = parsed(text);
    expect(checkPylock(doc)).toEqual([]);
    const [entry] = packagesOf(doc);
    expect(entry.index).toBe("https://user:****@pkgs.example.org/simple/");
    expect(entry["requires-python"]).toBe(">=3.8,!=3.9.*");
    const [wheel] = entry.wheels as Table[];
    expect(wheel.url).toBe(url);
    expect((wheel["upload-time"] as TomlDate).toISOString()).toBe("2021-03-04T03:06:07.123Z");
    // One sdist per package: the .tar.gz is preferred; its unreadable upload time is left out.
    const sdist = entry.sdist as Table;
    expect(sdist.name).toBe("weird-1.0.tar.gz");
    expect(sdist["upload-time"]).toBeUndefined();
    expect(sdist.size).toBeUndefined();
  });
});

describe("the PEP 751 checker used above", () => {
  it("finds what the specification forbids", () => {
    const good = formatPylockToml(multi.resolution, multi.request);
    const broken = (edit: (text: string) => string) => checkPylock(parsed(edit(good)));
    expect(broken((t) => t.replace('lock-version = "1.0"', 'lock-version = "2.0"'))).toEqual(['lock-version: must be the string "1.0", got "2.0"']);
    expect(broken((t) => t.replace('created-by = "tangle"\n', ""))).toEqual(["created-by: required string"]);
    expect(broken((t) => t.replace('\nname = "oldlib"\n', '\nname = "OldLib"\n'))).toContain('packages[2].name: required normalized name, got "OldLib"');
    expect(broken((t) => t.replace('name = "fastlib-2.0.0-py3-none-any.whl"', 'name = "fastlib-2.0.1-py3-none-any.whl"'))).toEqual([
      "packages[1].wheels[1]: fastlib-2.0.1-py3-none-any.whl is not a file of version 2.0.0",
    ]);
    expect(broken((t) => t.replace(/(upload-time = \S+)Z/, "$1"))).toEqual(["packages[0].wheels[0].upload-time: must be an offset datetime"]);
    expect(broken((t) => t.replace(/hashes = \{ sha256 = "[0-9a-f]+" \}/, "hashes = {}"))).toEqual(["packages[0].wheels[0].hashes: required table with at least one entry"]);
    expect(broken((t) => t.replace(/\n\[packages\.sdist\]\nname = "oldlib[^[]*/, "\n"))).toEqual(["packages[2]: needs wheels, an sdist, or exactly one of vcs, directory, archive"]);
    expect(broken((t) => t.replace('environments = [', 'environments = ["python_version >> 3", '))).toHaveLength(1);
  });
});
