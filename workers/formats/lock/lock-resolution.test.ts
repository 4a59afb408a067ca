// A lock viewed for a target: the packages that would be installed there, with edges, direct flags and dependents as a resolution has them.
import { describe, expect, it } from "vitest";
import type { TargetDto } from "../../api";
import { lockResolution } from "./lock-resolution";
import { readLockFixture } from "./test-support/lock-fixtures";

const target = (pythonVersion: string, os: TargetDto["os"] = "linux"): TargetDto => ({ implementation: "cpython", pythonVersion, os, arch: "x86_64" });
const names = (view: ReturnType<typeof lockResolution>) => view.resolution.packages.map((p) => p.name);

describe("lockResolution", () => {
  it("uv.lock, main requirements only: flask's own closure, with colorama only on Windows", () => {
    const graph = readLockFixture("uv-flask");
    const linux = lockResolution(graph, { target: target("3.13"), groups: [], extras: [], resolvedAt: "t" });
    expect(names(linux)).toEqual(["blinker", "click", "itsdangerous", "jinja2", "markupsafe", "werkzeug"]);
    const windows = lockResolution(graph, { target: target("3.13", "windows"), groups: [], extras: [], resolvedAt: "t" });
    expect(names(windows)).toEqual(["blinker", "click", "colorama", "itsdangerous", "jinja2", "markupsafe", "werkzeug"]);
    const markupsafe = linux.resolution.packages.find((p) => p.name === "markupsafe");
    expect(markupsafe?.direct).toBe(true);
    expect(markupsafe?.dependents).toEqual(["<root>", "jinja2", "werkzeug"]);
    expect(linux.resolution.packages.find((p) => p.name === "click")?.dependencies).toEqual([]);
    expect(windows.resolution.packages.find((p) => p.name === "click")?.dependencies).toEqual([{ name: "colorama", specifier: "", marker: "sys_platform == 'win32'", extras: [] }]);
    expect(linux.resolution.packages.find((p) => p.name === "jinja2")?.dependents).toEqual(["<root>"]);
  });

  it("uv.lock forks: the target picks the fork and the version locked for it", () => {
    const graph = readLockFixture("uv-flask");
    const old = lockResolution(graph, { target: target("3.10"), resolvedAt: "t" });
    const current = lockResolution(graph, { target: target("3.13"), resolvedAt: "t" });
    expect(old.environment).toBe("python_full_version < '3.11'");
    expect(current.environment).toBe("python_full_version >= '3.12'");
    expect(old.resolution.packages.find((p) => p.name === "sphinx")?.version).toBe("8.1.3");
    expect(current.resolution.packages.find((p) => p.name === "sphinx")?.version).toBe("8.2.3");
    expect(names(old)).toContain("exceptiongroup");
    expect(names(current)).not.toContain("exceptiongroup");
    const everywhere = lockResolution(graph, { target: null, resolvedAt: "t" });
    expect(everywhere.resolution.warnings.join("\n")).toMatch(/sphinx is locked at .* and .* for different environments/);
  });

  it("extras pulled in by an edge are followed (celery[redis] style)", () => {
    const graph = readLockFixture("uv-flask");
    const view = lockResolution(graph, { target: target("3.13"), groups: [], extras: ["async"], resolvedAt: "t" });
    expect(names(view)).toContain("asgiref");
    expect(view.resolution.packages.find((p) => p.name === "asgiref")?.dependents).toEqual(["<root>"]);
  });

  it("poetry.lock with its pyproject.toml: groups select the roots; markers on edges drop packages", () => {
    const graph = readLockFixture("poetry-poetry-lock2.1");
    const main = lockResolution(graph, { target: target("3.13"), groups: [], resolvedAt: "t" });
    const all = lockResolution(graph, { target: target("3.13"), resolvedAt: "t" });
    expect(names(main)).toContain("poetry-core");
    expect(names(main)).not.toContain("pytest");
    expect(names(all)).toContain("pytest");
    expect(names(main)).not.toContain("backports-tarfile");
    expect(names(lockResolution(graph, { target: target("3.10"), groups: [], resolvedAt: "t" }))).toContain("backports-tarfile");
  });

  it("pylock.toml: PEP 751 markers on dependency_groups select the dev packages", () => {
    const graph = readLockFixture("pylock-pipenv");
    expect(names(lockResolution(graph, { target: target("3.12"), groups: [], resolvedAt: "t" }))).not.toContain("arpeggio");
    expect(names(lockResolution(graph, { target: target("3.12"), groups: ["dev"], resolvedAt: "t" }))).toContain("arpeggio");
  });

  it("pip's --report: the requested projects are direct, extras asked for (requests[socks]) pull in their packages", () => {
    const view = lockResolution(readLockFixture("pip-report-snapshot"), { target: target("3.11"), resolvedAt: "t" });
    expect(view.resolution.packages.filter((p) => p.direct).map((p) => p.name)).toEqual(["flask", "requests"]);
    expect(view.resolution.packages.find((p) => p.name === "requests")?.extras).toEqual(["socks"]);
    expect(view.resolution.packages.find((p) => p.name === "pysocks")?.dependents).toEqual(["requests"]);
    expect(view.resolution.packages.find((p) => p.name === "werkzeug")?.dependents).toEqual(["flask"]);
    expect(names(view)).toHaveLength(12);
    const freeze = lockResolution(readLockFixture("pip-freeze-snapshot"), { target: target("3.11"), resolvedAt: "t" });
    expect(names(freeze)).toEqual(names(view));
  });

  it("Pipfile.lock: no edges, so every package is listed and marked as of unknown dependencies; Pipfile entries are direct", () => {
    const view = lockResolution(readLockFixture("pipfile-kbase"), { target: target("3.7"), resolvedAt: "t" });
    const pint = view.resolution.packages.find((p) => p.name === "pint");
    expect(pint).toMatchObject({ version: "0.17", direct: true, unknownDependencies: true });
    expect(view.resolution.warnings[0]).toMatch(/records no dependency edges/);
    expect(view.resolution.packages.find((p) => p.name === "attrs")?.direct).toBe(false);
  });
});
