import { describe, it, expect } from "vitest";
import { filterRows, packageRows, sortRows, ROOT_LABEL } from "./table-rows";
import { resolvedPackage } from "../../../test-support/resolved-package";
import { resolutionOf } from "../../test-support/resolution-of";

const packages = resolutionOf({ "<root>": ["pandas", "matplotlib"], pandas: ["numpy"], matplotlib: ["numpy", "kiwisolver"] }, { numpy: "1.19.4", pandas: "1.1.4", matplotlib: "3.3.3", kiwisolver: "1.3.1" });
const rows = packageRows(packages);

describe("packageRows", () => {
  it("names the dependents by display name, the user's requirements first", () => {
    const numpy = rows.find((r) => r.name === "numpy");
    expect(numpy?.requiredBy).toEqual(["matplotlib", "pandas"]);
    expect(rows.find((r) => r.name === "pandas")?.requiredBy).toEqual([ROOT_LABEL]);
  });
  it("turns traits into flags", () => {
    const [row] = packageRows([resolvedPackage("a", "1rc1", { extras: ["x", "y"], prerelease: true, yanked: "", unknownDependencies: true })]);
    expect(row.flags).toEqual(["[x,y]", "pre-release", "yanked", "unknown dependencies"]);
  });
});

describe("filterRows", () => {
  it("keeps rows containing every word, in any column", () => {
    expect(filterRows(rows, "NUM").map((r) => r.name)).toEqual(["numpy"]);
    expect(filterRows(rows, "matplotlib").map((r) => r.name).sort()).toEqual(["kiwisolver", "matplotlib", "numpy"]);
    expect(filterRows(rows, "matplotlib 1.3").map((r) => r.name)).toEqual(["kiwisolver"]);
    expect(filterRows(rows, "  ")).toHaveLength(rows.length);
  });
});

describe("sortRows", () => {
  it("sorts by name, by version with numeric runs, and by dependents, both ways", () => {
    expect(sortRows(rows, { column: "package", direction: "ascending" }).map((r) => r.name)).toEqual(["kiwisolver", "matplotlib", "numpy", "pandas"]);
    expect(sortRows(rows, { column: "package", direction: "descending" }).map((r) => r.name)).toEqual(["pandas", "numpy", "matplotlib", "kiwisolver"]);
    const versions = packageRows([resolvedPackage("a", "1.10.0"), resolvedPackage("b", "1.9.0"), resolvedPackage("c", "1.9.10")]);
    expect(sortRows(versions, { column: "version", direction: "ascending" }).map((r) => r.version)).toEqual(["1.9.0", "1.9.10", "1.10.0"]);
    expect(sortRows(rows, { column: "requiredBy", direction: "ascending" }).map((r) => r.name)).toEqual(["kiwisolver", "numpy", "matplotlib", "pandas"]);
  });
});

describe("rows of a universal result", () => {
  const universal = [
    resolvedPackage("pandas", "2.0.3", { direct: true, dependents: ["<root>"] }),
    resolvedPackage("numpy", "1.24.4", { id: "numpy==1.24.4", marker: "python_full_version < '3.9'", dependents: ["pandas"] }),
    resolvedPackage("numpy", "2.0.2", { id: "numpy==2.0.2", marker: "python_full_version >= '3.9'", dependents: ["pandas"] }),
    resolvedPackage("pywin32", "306", { direct: true, marker: "sys_platform == 'win32'", dependents: ["<root>"] }),
  ];
  const universalRows = packageRows(universal);

  it("keep both versions of a name apart, each with where it is installed", () => {
    expect(universalRows.map((r) => r.key)).toEqual(["pandas", "numpy==1.24.4", "numpy==2.0.2", "pywin32"]);
    expect(universalRows.map((r) => r.marker)).toEqual([null, "python_full_version < '3.9'", "python_full_version >= '3.9'", "sys_platform == 'win32'"]);
  });

  it("filter by where a package is installed and sort by it", () => {
    expect(filterRows(universalRows, "win32").map((r) => r.key)).toEqual(["pywin32"]);
    expect(sortRows(universalRows, { column: "where", direction: "descending" }).map((r) => r.key)).toEqual(["pywin32", "numpy==2.0.2", "numpy==1.24.4", "pandas"]);
  });
});
