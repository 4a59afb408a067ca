// Shows what a re-resolution changed against the previous one: added, removed, upgraded, downgraded packages.
import type { PackageChange, ResolutionDiff } from "./resolution-diff";
import { CloseIcon } from "../../components/icons";

const GROUPS: { key: keyof Omit<ResolutionDiff, "unchanged">; title: string; sign: string; tone: string }[] = [
  { key: "added", title: "Added", sign: "+", tone: "text-green-700 dark:text-green-400" },
  { key: "removed", title: "Removed", sign: "−", tone: "text-red-700 dark:text-red-400" },
  { key: "upgraded", title: "Upgraded", sign: "↑", tone: "text-sky-700 dark:text-sky-400" },
  { key: "downgraded", title: "Downgraded", sign: "↓", tone: "text-amber-700 dark:text-amber-400" },
  { key: "changed", title: "Changed", sign: "~", tone: "text-violet-700 dark:text-violet-400" },
];

function describe(change: PackageChange): string {
  if (change.from && change.to) return `${change.from} → ${change.to}`;
  return change.to ?? change.from ?? "";
}

export function ChangesSummary({ diff, empty, onDismiss }: { diff: ResolutionDiff; empty: boolean; onDismiss: () => void }) {
  return (
    <section aria-label="Changes" className="rounded-xl border border-sky-200 bg-sky-50/60 px-3 py-2 dark:border-sky-900 dark:bg-sky-950/30">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold text-sky-900 dark:text-sky-200">
          {empty ? "Same result as the previous resolution" : "Changes since the previous resolution"}
          {!empty && <span className="ml-2 font-normal text-sky-800/80 dark:text-sky-300/80">{diff.unchanged} unchanged</span>}
        </h3>
        <button type="button" onClick={onDismiss} aria-label="Dismiss the changes" className="rounded p-0.5 text-sky-800 hover:bg-sky-100 dark:text-sky-300 dark:hover:bg-sky-900/50">
          <CloseIcon className="h-3.5 w-3.5" />
        </button>
      </div>
      {!empty && (
        <dl className="mt-1.5 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-2">
          {GROUPS.filter((g) => diff[g.key].length > 0).map((g) => (
            <div key={g.key} className="flex min-w-0 gap-2">
              <dt className={`w-32 shrink-0 font-semibold whitespace-nowrap ${g.tone}`}>
                {g.sign} {g.title} ({diff[g.key].length})
              </dt>
              <dd className="min-w-0">
                <ul aria-label={g.title}>
                  {diff[g.key].map((c) => (
                    <li key={c.name} className="truncate">
                      <span className="font-medium text-slate-800 dark:text-slate-100">{c.displayName}</span>{" "}
                      <span className="font-mono text-slate-600 dark:text-slate-300">{describe(c)}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
