// The "Audit" tab: security (vulnerable packages), licences (grouped, filterable, exportable) and outdated packages (what holds them back).
import { useMemo, useState } from "react";
import type { ResolvedPackageDto } from "../../../workers/api";
import type { AuditReportDto } from "../../../workers/api-audit";
import { useAudit } from "../../stores/audit";
import { useView } from "../../stores/view";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { download } from "../../lib/download";
import { licenceCsv, licenceGroups } from "./licence-groups";

type AuditView = "security" | "licences" | "outdated";
const VIEWS: { id: AuditView; label: string }[] = [
  { id: "security", label: "Security" },
  { id: "licences", label: "Licences" },
  { id: "outdated", label: "Outdated" },
];

const TH = "border-b border-slate-200 px-3 py-1.5 text-left text-xs font-semibold text-slate-600 dark:border-slate-800 dark:text-slate-300";
const TD = "border-b border-slate-100 px-3 py-1.5 align-top text-[13px] dark:border-slate-800/70";

function PackageButton({ name, label }: { name: string; label: string }) {
  return (
    <button type="button" className="font-medium text-teal-800 hover:underline dark:text-teal-300" onClick={() => useView.getState().select(name, { focus: true })}>
      {label}
    </button>
  );
}

function SecurityView({ report, display }: { report: AuditReportDto; display: (name: string) => string }) {
  const vulnerable = report.packages.filter((p) => (p.vulnerabilities?.length ?? 0) > 0);
  const missing = report.packages.filter((p) => p.vulnerabilities === null);
  return (
    <div className="flex flex-col gap-3 p-3">
      {vulnerable.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-200">
          {missing.length === 0 ? `No known vulnerabilities in the ${report.packages.length} resolved packages.` : "No known vulnerabilities in the packages that could be checked."}
        </p>
      ) : (
        <table className="w-full border-collapse" aria-label="Vulnerable packages">
          <thead>
            <tr>
              <th className={TH}>Package</th>
              <th className={TH}>Version</th>
              <th className={TH}>Advisories</th>
              <th className={TH}>Fixed in</th>
            </tr>
          </thead>
          <tbody>
            {vulnerable.map((p) => (
              <tr key={p.name}>
                <td className={TD}>
                  <PackageButton name={p.name} label={display(p.name)} />
                </td>
                <td className={`${TD} font-mono`}>{p.version}</td>
                <td className={TD}>
                  <span className="flex flex-wrap gap-1">
                    {(p.vulnerabilities ?? []).map((v) => (
                      <Badge key={v.id} tone="red" title={v.aliases.join(", ")}>
                        {v.id}
                      </Badge>
                    ))}
                  </span>
                </td>
                <td className={`${TD} font-mono text-xs`}>{[...new Set((p.vulnerabilities ?? []).flatMap((v) => v.fixedIn))].join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {vulnerable.length > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">Select a package for the advisories, the paths that bring it in, and “Fix”.</p>}
      {missing.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Vulnerability data not available from this index for {missing.length} package{missing.length === 1 ? "" : "s"}: {missing.map((p) => display(p.name)).join(", ")}.
        </div>
      )}
    </div>
  );
}

function LicencesView({ report, display }: { report: AuditReportDto; display: (name: string) => string }) {
  const [onlyOther, setOnlyOther] = useState(false);
  const groups = useMemo(() => licenceGroups(report.packages, onlyOther), [report, onlyOther]);
  return (
    <div className="flex flex-col gap-3 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-200">
          <input type="checkbox" checked={onlyOther} onChange={(e) => setOnlyOther(e.target.checked)} className="accent-teal-700" />
          Only what is not MIT, BSD or Apache
        </label>
        <Button size="sm" className="ml-auto" onClick={() => download(licenceCsv(report.packages), "licences.csv", "text/csv")}>
          Export CSV
        </Button>
      </div>
      {groups.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">Every package states MIT, BSD or Apache.</p>}
      <ul aria-label="Licences" className="flex flex-col gap-2">
        {groups.map((g) => (
          <li key={`${g.kind}|${g.label}`} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
            <h4 className="flex items-center gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
              {g.label}
              <span className="font-normal text-slate-500">({g.packages.length})</span>
              {g.kind === "text" && <Badge tone="amber" title="The free-text License field, shown as written">free text</Badge>}
              {g.kind === "expression" && <Badge tone="teal">SPDX</Badge>}
            </h4>
            <p className="mt-1 text-[13px] leading-6">
              {g.packages.map((p, i) => (
                <span key={p.name}>
                  {i > 0 && ", "}
                  <PackageButton name={p.name} label={display(p.name)} />
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

const GAP_TONE = { major: "red", minor: "amber", patch: "slate" } as const;

/** "3 years", "5 months", "12 days": how long ago a release was uploaded, for a person. */
function age(iso: string, now: number): string {
  const days = Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
  if (days >= 730) return `${Math.floor(days / 365)} years`;
  if (days >= 60) return `${Math.floor(days / 30)} months`;
  return `${days} day${days === 1 ? "" : "s"}`;
}

function OutdatedView({ report, display }: { report: AuditReportDto; display: (name: string) => string }) {
  const [reason, setReason] = useState("");
  const [now] = useState(() => Date.now());
  const behind = report.freshness.filter((f) => f.behind > 0);
  const reasons = [...new Set(behind.flatMap((f) => f.newer.map((n) => n.reason)))].sort();
  const shown = reason ? behind.filter((f) => f.newer.some((n) => n.reason === reason)) : behind;
  return (
    <div className="flex flex-col gap-3 p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
        <span>
          {behind.length} of {report.freshness.length} packages are behind the newest release on the index.
        </span>
        {reasons.length > 1 && (
          <label className="ml-auto flex items-center gap-1.5 text-xs">
            Held back by
            <select value={reason} onChange={(e) => setReason(e.target.value)} className="h-7 max-w-64 rounded-md border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-800">
              <option value="">any reason</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {shown.length > 0 && (
        <table className="w-full border-collapse" aria-label="Outdated packages">
          <thead>
            <tr>
              <th className={TH}>Package</th>
              <th className={TH}>Chosen</th>
              <th className={TH}>Newest</th>
              <th className={TH}>Behind</th>
              <th className={TH}>Held back by</th>
              <th className={TH}>Released</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.name}>
                <td className={TD}>
                  <PackageButton name={f.name} label={display(f.name)} />
                </td>
                <td className={`${TD} font-mono`}>{f.version}</td>
                <td className={`${TD} font-mono`}>{f.newest}</td>
                <td className={TD}>
                  <span className="flex items-center gap-1 whitespace-nowrap">
                    {f.behind} release{f.behind === 1 ? "" : "s"}
                    {f.gap && <Badge tone={GAP_TONE[f.gap]}>{f.gap}</Badge>}
                  </span>
                </td>
                <td className={`${TD} text-xs text-slate-600 dark:text-slate-300`}>{f.newer.find((n) => n.version === f.newest)?.reason ?? f.newer[0]?.reason}</td>
                <td className={`${TD} text-xs whitespace-nowrap text-slate-600 dark:text-slate-300`}>{f.releasedAt ? (
                    <>
                      {f.releasedAt.slice(0, 10)} <span className="text-slate-400">({age(f.releasedAt, now)} ago)</span>
                    </>
                  ) : (
                    "—"
                  )}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function AuditPanel({ packages }: { packages: ResolvedPackageDto[] }) {
  const [view, setView] = useState<AuditView>("security");
  const status = useAudit((s) => s.status);
  const progress = useAudit((s) => s.progress);
  const report = useAudit((s) => s.report);
  const error = useAudit((s) => s.error);
  const names = useMemo(() => new Map(packages.map((p) => [p.name, p.displayName])), [packages]);
  const display = (name: string) => names.get(name) ?? name;
  return (
    <section aria-label="Audit" className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div role="radiogroup" aria-label="Audit view" className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="radio"
              aria-checked={view === v.id}
              onClick={() => setView(v.id)}
              className={`rounded px-2.5 py-1 text-xs font-medium ${view === v.id ? "bg-teal-700 text-white dark:bg-teal-500 dark:text-slate-950" : "text-slate-600 hover:text-slate-900 dark:text-slate-300"}`}
            >
              {v.label}
              {v.id === "security" && report && report.vulnerableCount > 0 && <span className="ml-1 rounded bg-red-600 px-1 text-[10px] text-white">{report.vulnerableCount}</span>}
            </button>
          ))}
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {status === "loading" && progress ? `Checking ${progress.done} of ${progress.total} packages…` : status === "failed" ? `The audit failed: ${error}` : null}
        </p>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {!report ? (
          <div className="p-3" aria-busy="true">
            <div className="h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
              <div className="h-full bg-teal-600 transition-all" style={{ width: `${progress && progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
            </div>
          </div>
        ) : view === "security" ? (
          <SecurityView report={report} display={display} />
        ) : view === "licences" ? (
          <LicencesView report={report} display={display} />
        ) : (
          <OutdatedView report={report} display={display} />
        )}
      </div>
    </section>
  );
}
