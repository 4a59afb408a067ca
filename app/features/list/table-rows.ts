// The rows of the resolved-packages table: built from a resolution, filtered by a query and sorted by a column.
import type { ResolvedPackageDto } from "../../../workers/api";
import { packageKey } from "../../lib/package-key";

export const ROOT_LABEL = "your requirements";

export interface PackageRow {
  /** The package's key in the page (its name, or `name==version` when a universal result holds the name twice). */
  key: string;
  name: string;
  displayName: string;
  version: string;
  /** Display names of the dependents, "your requirements" for the root. */
  requiredBy: string[];
  direct: boolean;
  flags: string[];
  /** Universal results: the marker of the environments the package is installed in; null when everywhere. */
  marker: string | null;
}

export type SortColumn = "package" | "version" | "requiredBy" | "where";
export interface SortOrder {
  column: SortColumn;
  direction: "ascending" | "descending";
}

export function packageRows(packages: readonly ResolvedPackageDto[]): PackageRow[] {
  const display = new Map(packages.map((p) => [packageKey(p), p.displayName]));
  return packages.map((p) => ({
    key: packageKey(p),
    name: p.name,
    displayName: p.displayName,
    version: p.version,
    requiredBy: [...p.dependents]
      .map((d) => (d === "<root>" ? ROOT_LABEL : (display.get(d) ?? d)))
      .sort((a, b) => (a === ROOT_LABEL ? -1 : b === ROOT_LABEL ? 1 : a.localeCompare(b))),
    direct: p.direct,
    flags: [
      ...(p.extras.length ? [`[${p.extras.join(",")}]`] : []),
      ...(p.prerelease ? ["pre-release"] : []),
      ...(p.yanked !== null ? ["yanked"] : []),
      ...(p.unknownDependencies ? ["unknown dependencies"] : []),
    ],
    marker: p.marker ?? null,
  }));
}

/** Rows whose name, version or dependents contain every word of the query (case-insensitive). */
export function filterRows(rows: readonly PackageRow[], query: string): PackageRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((row) => {
    const haystack = [row.name, row.displayName, row.version, ...row.requiredBy, ...row.flags, row.marker ?? ""].join(" ").toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * Sorts by a column; versions sort by their numeric runs (1.10 after 1.9), a display order only:
 * nothing is decided from it.
 */
export function sortRows(rows: readonly PackageRow[], order: SortOrder): PackageRow[] {
  const key = (row: PackageRow): string =>
    order.column === "package" ? row.name : order.column === "version" ? row.version : order.column === "where" ? (row.marker ?? "") : row.requiredBy.join(", ");
  const sign = order.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => sign * collator.compare(key(a), key(b)) || a.key.localeCompare(b.key));
}
