// PEP 503 project-name normalisation and the escaped form of a name used in distribution filenames.

/** PEP 503: lower-case, runs of `-`, `_` and `.` become a single `-`. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** The name part of a wheel/sdist filename and of a `.dist-info` directory (binary distribution format spec). */
export function distFilenameName(name: string): string {
  return normalizeName(name).replace(/-/g, "_");
}

/** The import-package directory put inside a synthetic wheel (a valid identifier-ish folder name). */
export function importPackageName(name: string): string {
  const base = distFilenameName(name).replace(/[^a-z0-9_]/g, "_");
  return /^[0-9]/.test(base) ? `_${base}` : base;
}
