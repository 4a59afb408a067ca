// Test support: a small hand-written universal result — click needs colorama on Windows only, pandas's numpy forks on Python 3.9, pywin32 is asked for on Windows.
import type { ResolvedPackageDto } from "../../api";
import { resolvedPackage } from "../../../test-support/resolved-package";

export const UNIVERSAL_EXAMPLE: readonly ResolvedPackageDto[] = [
  resolvedPackage("click", "8.1.7", {
    direct: true,
    dependents: ["<root>"],
    dependencies: [{ name: "colorama", specifier: "", marker: "platform_system == 'Windows'", extras: [], environmentMarker: "platform_system == 'Windows'" }],
  }),
  resolvedPackage("colorama", "0.4.6", { marker: "platform_system == 'Windows'", dependents: ["click"] }),
  resolvedPackage("pandas", "2.0.3", {
    direct: true,
    dependents: ["<root>"],
    dependencies: [{ name: "numpy", specifier: ">=1.20", marker: null, extras: [], targets: ["numpy==1.24.4", "numpy==2.0.2"] }],
  }),
  resolvedPackage("numpy", "1.24.4", { id: "numpy==1.24.4", marker: "python_full_version < '3.9'", dependents: ["pandas"] }),
  resolvedPackage("numpy", "2.0.2", { id: "numpy==2.0.2", marker: "python_full_version >= '3.9'", dependents: ["pandas"] }),
  resolvedPackage("pywin32", "306", { direct: true, marker: "sys_platform == 'win32'", dependents: ["<root>"] }),
];
