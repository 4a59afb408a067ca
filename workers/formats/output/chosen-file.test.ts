// Tests of the file an installer takes for the target, named by the JSON report.
import { describe, expect, it } from "vitest";
import type { TargetDto } from "../../api";
import { chosenFile } from "./chosen-file";
import { handmadeFile } from "./test-support/handmade-resolution";

const LINUX_38: TargetDto = { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" };
const WINDOWS_38: TargetDto = { ...LINUX_38, os: "windows" };

const FILES = [
  handmadeFile("lib-1.0.tar.gz"),
  handmadeFile("lib-1.0.zip"),
  handmadeFile("lib-1.0-py3-none-any.whl"),
  handmadeFile("lib-1.0-cp38-cp38-manylinux2014_x86_64.whl"),
  handmadeFile("lib-1.0-cp38-cp38-win_amd64.whl"),
  handmadeFile("lib-1.0-cp39-cp39-manylinux2014_x86_64.whl"),
];

const nameOf = (files: typeof FILES, target: TargetDto) => chosenFile(files, target)?.filename ?? null;

describe("chosenFile", () => {
  it("takes the wheel built for the target over a pure wheel, whatever the listing order", () => {
    expect(nameOf(FILES, LINUX_38)).toBe("lib-1.0-cp38-cp38-manylinux2014_x86_64.whl");
    expect(nameOf([...FILES].reverse(), LINUX_38)).toBe("lib-1.0-cp38-cp38-manylinux2014_x86_64.whl");
    expect(nameOf(FILES, WINDOWS_38)).toBe("lib-1.0-cp38-cp38-win_amd64.whl");
    expect(nameOf(FILES, { ...LINUX_38, pythonVersion: "3.10" })).toBe("lib-1.0-py3-none-any.whl");
  });

  it("falls back to the sdist (.tar.gz before .zip) when no wheel fits, and to nothing when nothing does", () => {
    const noWheel = FILES.filter((f) => !f.filename.includes("none-any") && !f.filename.includes("cp38"));
    expect(nameOf(noWheel, LINUX_38)).toBe("lib-1.0.tar.gz");
    expect(nameOf(noWheel.filter((f) => !f.filename.endsWith(".tar.gz")), LINUX_38)).toBe("lib-1.0.zip");
    expect(nameOf([handmadeFile("lib-1.0-cp39-cp39-manylinux2014_x86_64.whl")], LINUX_38)).toBeNull();
  });

  it("leaves out a file whose Requires-Python excludes the target, as pip does, and ignores one it cannot parse", () => {
    const files = [handmadeFile("lib-1.0-py3-none-any.whl", { requiresPython: ">=3.9" }), handmadeFile("lib-1.0.tar.gz", { requiresPython: ">=3.6" })];
    expect(nameOf(files, LINUX_38)).toBe("lib-1.0.tar.gz");
    expect(nameOf([handmadeFile("lib-1.0-py3-none-any.whl", { requiresPython: "not a specifier" })], LINUX_38)).toBe("lib-1.0-py3-none-any.whl");
  });
});
