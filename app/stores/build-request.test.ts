import { describe, it, expect } from "vitest";
import { buildResolveRequest, excludeNewerInstant, formatOfFileName } from "./build-request";
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
  });
});

describe("formatOfFileName", () => {
  it("recognises each supported file, by base name", () => {
    expect(formatOfFileName("/home/me/proj/pyproject.toml")).toBe("pyproject.toml");
    expect(formatOfFileName("Pipfile")).toBe("Pipfile");
    expect(formatOfFileName("setup.cfg")).toBe("setup.cfg");
    expect(formatOfFileName("setup.py")).toBe("setup.py");
    expect(formatOfFileName("buildout.cfg")).toBe("buildout.cfg");
    expect(formatOfFileName("dev-requirements.in")).toBe("requirements.txt");
    expect(formatOfFileName("C:\\x\\requirements.txt")).toBe("requirements.txt");
  });
});

describe("excludeNewerInstant", () => {
  it("ends the given day, and ignores anything that is not a date", () => {
    expect(excludeNewerInstant("2020-02-13")).toBe("2020-02-13T23:59:59Z");
    expect(excludeNewerInstant("")).toBeNull();
    expect(excludeNewerInstant("yesterday")).toBeNull();
  });
});
