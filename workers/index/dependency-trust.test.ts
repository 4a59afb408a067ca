// Tests for when declared dependencies are trusted: the JSON API null rule and the sdist rule, on recorded pypi.org releases.
import { describe, expect, it } from "vitest";
import { parseCoreMetadata } from "./core-metadata";
import { coreMetadataVerdict, jsonApiVerdict } from "./dependency-trust";
import { parseReleaseJson } from "./json-api";
import type { JsonApiFile } from "./json-api";
import { readSample } from "./test-support/read-sample";

const release = (project: string, version: string) => parseReleaseJson(readSample(`release-json/${project}/${version}.json`), `https://pypi.org/pypi/${project}/${version}/json`);
const core = (file: string) => parseCoreMetadata(readSample(`core-metadata/${file}.metadata`), `https://files.example/${file}.metadata`);

describe("jsonApiVerdict: what `requires_dist` says (recorded pypi.org releases)", () => {
  it("trusts a list as given (requests 2.18.4)", () => {
    const { info, files } = release("requests", "2.18.4");
    const verdict = jsonApiVerdict(info, files);
    expect(verdict).toEqual({ kind: "known", requiresDist: info.requiresDist });
  });

  it.each([
    ["six", "1.11.0"],
    ["poetry-core", "2.1.3"],
    ["pastel", "0.1.0"],
  ])("null with a wheel uploaded first (%s %s): unconfirmed, falling back to 'no dependencies'", (project, version) => {
    const { info, files } = release(project, version);
    expect(info.requiresDist).toBeNull();
    expect(jsonApiVerdict(info, files)).toEqual({ kind: "unconfirmed", fallback: { kind: "known", requiresDist: [] } });
  });

  it("jupyter 1.0.0 shows why a wheel-first null is only a fallback: the JSON API says null, the wheel lists 6 dependencies", () => {
    const { info, files } = release("jupyter", "1.0.0");
    expect(info.requiresDist).toBeNull();
    expect(jsonApiVerdict(info, files).kind).toBe("unconfirmed");
    expect(core("jupyter-1.0.0-py2.py3-none-any.whl").requiresDist).toHaveLength(6);
  });

  it.each([
    ["twisted", "18.9.0", "Twisted-18.9.0.tar.bz2 (sdist, uploaded first)"],
    ["sqlalchemy", "1.2.12", "SQLAlchemy-1.2.12.tar.gz (sdist, uploaded first)"],
    ["python-language-server", "0.21.2", "python-language-server-0.21.2.tar.gz (sdist, uploaded first)"],
  ])("null for an sdist-only release (%s %s): unknown", (project, version, source) => {
    const { info, files } = release(project, version);
    const verdict = jsonApiVerdict(info, files);
    expect(verdict.kind).toBe("unconfirmed");
    if (verdict.kind !== "unconfirmed") return;
    expect(verdict.fallback.kind).toBe("unknown");
    if (verdict.fallback.kind === "unknown") expect(verdict.fallback.reason).toContain(`its metadata came from ${source}`);
  });

  it.each([
    ["isort", "4.3.4"],
    ["hbmqtt", "0.9.6"],
    ["pyyaml", "3.13.0"],
    ["colorama", "0.3.9"],
  ])("null when an sdist was uploaded before the wheels (%s %s): unknown without core metadata", (project, version) => {
    const { info, files } = release(project, version);
    const verdict = jsonApiVerdict(info, files);
    expect(verdict.kind === "unconfirmed" && verdict.fallback.kind).toBe("unknown");
  });

  it("isort 4.3.4 shows why: the JSON API says null, its wheels list dependencies", () => {
    expect(core("isort-4.3.4-py2-none-any.whl").requiresDist.length).toBeGreaterThan(0);
  });

  it("null with static Metadata 2.2 (`dynamic` given, Requires-Dist not in it): no dependencies, even for an sdist", () => {
    const { info, files } = release("twisted", "18.9.0");
    expect(jsonApiVerdict({ ...info, dynamic: ["Classifier"] }, files)).toEqual({ kind: "known", requiresDist: [] });
    expect(jsonApiVerdict({ ...info, dynamic: ["requires-dist"] }, files).kind).toBe("unconfirmed");
  });

  it("without upload times, null is a 'no dependencies' fallback only when every file is a wheel", () => {
    const { info } = release("six", "1.11.0");
    const file = (packagetype: string): JsonApiFile => ({ filename: "f", url: "u", packagetype, uploadTime: null, requiresPython: null, yanked: false, hashes: {}, size: null });
    expect(jsonApiVerdict(info, [file("bdist_wheel"), file("bdist_wheel")])).toEqual({ kind: "unconfirmed", fallback: { kind: "known", requiresDist: [] } });
    const mixed = jsonApiVerdict(info, [file("bdist_wheel"), file("sdist")]);
    expect(mixed.kind === "unconfirmed" && mixed.fallback.kind).toBe("unknown");
    const none = jsonApiVerdict(info, []);
    expect(none.kind === "unconfirmed" && none.fallback.kind).toBe("unknown");
  });
});

describe("coreMetadataVerdict", () => {
  it("trusts a wheel's METADATA, with or without Requires-Dist", () => {
    expect(coreMetadataVerdict(core("six-1.11.0-py2.py3-none-any.whl"), "wheel", "six-1.11.0-py2.py3-none-any.whl")).toEqual({ kind: "known", requiresDist: [] });
    const jupyter = coreMetadataVerdict(core("jupyter-1.0.0-py2.py3-none-any.whl"), "wheel", "jupyter-1.0.0-py2.py3-none-any.whl");
    expect(jupyter.kind === "known" && jupyter.requiresDist.length).toBe(6);
  });

  it("trusts an sdist's PKG-INFO only from Metadata-Version 2.2 with static Requires-Dist (PEP 643)", () => {
    const pkgInfo = (version: string, extra = "") => parseCoreMetadata(`Metadata-Version: ${version}\nName: foo\nVersion: 1.0\n${extra}Requires-Dist: bar\n`, "u");
    expect(coreMetadataVerdict(pkgInfo("2.2"), "sdist", "foo-1.0.tar.gz")).toEqual({ kind: "known", requiresDist: ["bar"] });
    expect(coreMetadataVerdict(pkgInfo("2.4"), "sdist", "foo-1.0.tar.gz")).toEqual({ kind: "known", requiresDist: ["bar"] });
    const old = coreMetadataVerdict(pkgInfo("2.1"), "sdist", "foo-1.0.tar.gz");
    expect(old).toEqual({ kind: "unknown", reason: "the metadata of foo 1.0 comes from the source distribution foo-1.0.tar.gz, which is Metadata-Version 2.1, older than 2.2, so its dependencies are only known after a build" });
    const dynamic = coreMetadataVerdict(pkgInfo("2.2", "Dynamic: Requires-Dist\n"), "sdist", "foo-1.0.tar.gz");
    expect(dynamic.kind === "unknown" && dynamic.reason).toContain("declares Requires-Dist dynamic");
    expect(coreMetadataVerdict(pkgInfo("2.2"), "other", "foo-1.0-py2.7.egg").kind).toBe("unknown");
  });
});
