import { describe, it, expect } from "vitest";
import { buildResolveRequest, earlierInstant, excludeNewerInstant } from "./build-request";
import { DEFAULT_SETTINGS } from "./session";

describe("buildResolveRequest", () => {
  it("carries the text, the target, the index and the what-if edits", () => {
    const request = buildResolveRequest({
      requirementsText: "pandas\n",
      fileName: "requirements.txt",
      settings: { ...DEFAULT_SETTINGS, pythonVersion: "3.8", os: "windows", arch: "aarch64", indexUrl: " http://127.0.0.1:4173/index/x/simple ", excludeNewer: "2020-06-01" },
      pins: { numpy: "==1.18.5" },
      excluded: ["pytz"],
    });
    expect(request.input).toEqual({ text: "pandas\n", fileName: "requirements.txt", format: "requirements.txt" });
    expect(request.target).toEqual({ implementation: "cpython", pythonVersion: "3.8", os: "windows", arch: "aarch64" });
    expect(request.indexUrl).toBe("http://127.0.0.1:4173/index/x/simple");
    expect(request.excludeNewer).toBe("2020-06-01T23:59:59Z");
    expect(request.pins).toEqual({ numpy: "==1.18.5" });
    expect(request.excluded).toEqual(["pytz"]);
    expect(request.resolution).toBe("highest");
    expect(request.prerelease).toBe("if-necessary-or-explicit");
    expect(request.input.files).toBeUndefined();
    expect([request.constraints, request.overrides]).toEqual([[], []]);
  });

  it("asks for one resolution for all platforms when the setting says so, with the Python range when one is given", () => {
    const base = { requirementsText: "pandas\n", fileName: "requirements.txt", pins: {}, excluded: [] };
    expect(buildResolveRequest({ ...base, settings: DEFAULT_SETTINGS }).universal).toBeUndefined();
    expect(buildResolveRequest({ ...base, settings: { ...DEFAULT_SETTINGS, universal: true } }).universal).toEqual({});
    expect(buildResolveRequest({ ...base, settings: { ...DEFAULT_SETTINGS, universal: true, universalPython: " >=3.9 " } }).universal).toEqual({ python: ">=3.9" });
  });

  it("carries the project's other files, and constraints and overrides one requirement a line without comments", () => {
    const request = buildResolveRequest({
      requirementsText: "[metadata]\nname = x\n",
      fileName: "setup.cfg",
      projectFiles: { "requirements.txt": "six\n" },
      constraintsText: "# pins from CI\nsix<2  # old\n\nidna==2.10\n",
      overridesText: "urllib3>=1.26 ; python_version >= '3'\n",
      settings: DEFAULT_SETTINGS,
      pins: {},
      excluded: [],
    });
    expect(request.input.files).toEqual({ "requirements.txt": "six\n" });
    expect(request.constraints).toEqual(["six<2", "idna==2.10"]);
    expect(request.overrides).toEqual(["urllib3>=1.26 ; python_version >= '3'"]);
  });
});


describe("excludeNewerInstant", () => {
  it("ends the given day, and ignores anything that is not a date", () => {
    expect(excludeNewerInstant("2020-02-13")).toBe("2020-02-13T23:59:59Z");
    expect(excludeNewerInstant("")).toBeNull();
    expect(excludeNewerInstant("yesterday")).toBeNull();
  });
});

describe("buildResolveRequest with a chosen format, extras, groups and a reproduction time", () => {
  const base = { requirementsText: "[project]\n", fileName: "deps.cfg", settings: DEFAULT_SETTINGS, pins: {}, excluded: [] };

  it("sends the chosen format over the file name's, and the extras and groups chosen", () => {
    const request = buildResolveRequest({ ...base, format: "setup.cfg", extras: ["socks"], groups: ["test", "lint"] });
    expect(request.input).toEqual({ text: "[project]\n", fileName: "deps.cfg", format: "setup.cfg", extras: ["socks"], groups: ["test", "lint"] });
    expect(buildResolveRequest({ ...base, extras: [], groups: [] }).input).toEqual({ text: "[project]\n", fileName: "deps.cfg", format: "buildout.cfg" });
  });

  it("bounds upload times by the earlier of the exclude-newer day and the reproduction time", () => {
    const at = "2021-03-04T05:06:07.000Z";
    expect(buildResolveRequest({ ...base, reproduceAt: at }).excludeNewer).toBe(at);
    expect(buildResolveRequest({ ...base, reproduceAt: at, settings: { ...DEFAULT_SETTINGS, excludeNewer: "2020-06-01" } }).excludeNewer).toBe("2020-06-01T23:59:59Z");
    expect(buildResolveRequest({ ...base, reproduceAt: at, settings: { ...DEFAULT_SETTINGS, excludeNewer: "2022-01-01" } }).excludeNewer).toBe(at);
    expect(buildResolveRequest({ ...base, reproduceAt: null }).excludeNewer).toBeNull();
  });
});

describe("earlierInstant", () => {
  it("compares instants as times, not as text", () => {
    expect(earlierInstant("2020-01-01T10:00:00+02:00", "2020-01-01T09:00:00Z")).toBe("2020-01-01T10:00:00+02:00");
    expect(earlierInstant(null, "2020-01-01T00:00:00Z")).toBe("2020-01-01T00:00:00Z");
    expect(earlierInstant("2020-01-01T00:00:00Z", undefined)).toBe("2020-01-01T00:00:00Z");
    expect(earlierInstant(null, null)).toBeNull();
  });
});

