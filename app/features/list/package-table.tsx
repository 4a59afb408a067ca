// The list feature: the resolved packages as an accessible table, sortable by column and filterable by a query.
import { useId, useMemo, useState } from "react";
import type { ResolvedPackageDto } from "../../../workers/api";
import { useView } from "../../stores/view";
import { useAudit } from "../../stores/audit";
import { Badge } from "../../components/badge";
import { SearchIcon } from "../../components/icons";
import { filterRows, packageRows, sortRows, ROOT_LABEL, type SortColumn, type SortOrder } from "./table-rows";

const COLUMNS: { key: SortColumn; title: string; className: string }[] = [
  { key: "package", title: "Package", className: "w-[40%]" },
  { key: "version", title: "Version", className: "w-[16%]" },
  { key: "requiredBy", title: "Required by", className: "" },
];
/** A universal result's list has a fourth column: where each package is installed. */
const WHERE_COLUMN: (typeof COLUMNS)[number] = { key: "where", title: "Installed where", className: "w-[24%]" };

export function PackageTable({ packages }: { packages: ResolvedPackageDto[] }) {
  const filterId = useId();
  const [query, setQuery] = useState("");
  const [order, setOrder] = useState<SortOrder>({ column: "package", direction: "ascending" });
  const selected = useView((s) => s.selected);
  const select = useView((s) => s.select);
  const audit = useAudit((s) => s.report);
  const vulnerabilities = useMemo(() => new Map(audit?.packages.map((p) => [p.name, p.vulnerabilities?.length ?? 0])), [audit]);
  const rows = useMemo(() => packageRows(packages), [packages]);
  const shown = useMemo(() => sortRows(filterRows(rows, query), order), [rows, query, order]);
  const columns = rows.some((r) => r.marker !== null) ? [...COLUMNS, WHERE_COLUMN] : COLUMNS;

  const sortBy = (column: SortColumn) =>
    setOrder((o) => ({ column, direction: o.column === column && o.direction === "ascending" ? "descending" : "ascending" }));

  return (
    <section aria-label="Resolved packages" className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-3 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="relative flex items-center">
          <label htmlFor={filterId} className="sr-only">
            Filter packages
          </label>
          <SearchIcon className="pointer-events-none absolute left-2 h-3.5 w-3.5 text-slate-400" />
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Filter packages"
            spellCheck={false}
            className="h-8 w-56 rounded-md border border-slate-300 bg-white pr-2 pl-7 text-sm shadow-sm focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          />
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {shown.length === rows.length ? `${rows.length} packages` : `${shown.length} of ${rows.length} packages`}
        </p>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        <table className="w-full table-fixed border-collapse text-sm">
          <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
            <tr>
              {columns.map((c) => {
                const active = order.column === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? order.direction : "none"}
                    className={`border-b border-slate-200 px-3 py-0 text-left text-xs font-semibold text-slate-600 dark:border-slate-800 dark:text-slate-300 ${c.className}`}
                  >
                    <button type="button" onClick={() => sortBy(c.key)} className="flex h-8 w-full items-center gap-1 hover:text-slate-900 dark:hover:text-white">
                      {c.title}
                      <span aria-hidden="true" className={active ? "text-teal-700 dark:text-teal-300" : "text-slate-300 dark:text-slate-600"}>
                        {active && order.direction === "descending" ? "▼" : "▲"}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.key}
                data-selected={selected === row.key || undefined}
                data-vulnerable={(vulnerabilities.get(row.name) ?? 0) > 0 || undefined}
                onClick={() => select(row.key)}
                className={`cursor-pointer border-b border-slate-100 dark:border-slate-800/70 ${selected === row.key ? "bg-teal-50 dark:bg-teal-950/40" : "hover:bg-slate-50 dark:hover:bg-slate-800/40"}`}
              >
                <td className="px-3 py-1.5 align-top">
                  <button
                    type="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      select(row.key);
                    }}
                    className={`text-left font-medium hover:underline ${row.direct ? "text-teal-800 dark:text-teal-300" : "text-slate-900 dark:text-slate-100"}`}
                  >
                    {row.displayName}
                  </button>
                  {(vulnerabilities.get(row.name) ?? 0) > 0 && (
                    <span className="ml-2 align-middle">
                      <Badge tone="red">{vulnerabilities.get(row.name) === 1 ? "1 vulnerability" : `${vulnerabilities.get(row.name)} vulnerabilities`}</Badge>
                    </span>
                  )}
                  {row.flags.length > 0 && (
                    <span className="ml-2 inline-flex flex-wrap gap-1 align-middle">
                      {row.flags.map((f) => (
                        <Badge key={f} tone={f === "yanked" ? "red" : f === "pre-release" || f === "unknown dependencies" ? "amber" : "violet"}>
                          {f}
                        </Badge>
                      ))}
                    </span>
                  )}
                </td>
                <td className="px-3 py-1.5 align-top font-mono text-[13px] text-slate-700 dark:text-slate-200">{row.version}</td>
                <td className="px-3 py-1.5 align-top text-[13px] text-slate-600 dark:text-slate-300">
                  {row.requiredBy.map((r, i) => (
                    <span key={r}>
                      {i > 0 && ", "}
                      {r === ROOT_LABEL ? <em className="text-teal-800 not-italic dark:text-teal-300">{r}</em> : r}
                    </span>
                  ))}
                </td>
                {columns.length > COLUMNS.length && (
                  <td className="px-3 py-1.5 align-top font-mono text-[12px] break-words text-slate-600 dark:text-slate-300">
                    {row.marker ?? <span className="font-sans text-slate-400">everywhere</span>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="px-3 py-6 text-center text-sm text-slate-500">No package matches “{query}”.</p>}
      </div>
    </section>
  );
}
