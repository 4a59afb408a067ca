// The diff of the lock against an upgrade (before the user accepts it) or against another lock: each change with the requirement path that explains it; downloadable as JSON.
import type { PackageDiffDto } from "../../../workers/api-locks";
import { Button } from "../../components/button";
import { download } from "../../lib/download";
import { DownloadIcon } from "../../components/icons";
import { useLock } from "./lock-store";

const KIND_STYLE: Record<string, string> = {
  upgraded: "text-green-700 dark:text-green-300",
  downgraded: "text-amber-700 dark:text-amber-300",
  changed: "text-violet-700 dark:text-violet-300",
  added: "text-sky-700 dark:text-sky-300",
  removed: "text-red-700 dark:text-red-300",
};

function changeRows(diff: PackageDiffDto) {
  const { json, directions } = diff;
  return [
    ...json.changed.map((c) => ({ kind: directions[c.name] ?? "changed", name: c.name, versions: `${c.from} → ${c.to}`, via: c.via })),
    ...json.added.map((a) => ({ kind: "added", name: a.name, versions: a.version, via: a.via })),
    ...json.removed.map((r) => ({ kind: "removed", name: r.name, versions: r.version, via: r.via })),
  ];
}

function DiffSection({ title, to, diff, actions }: { title: string; to?: string; diff: PackageDiffDto; actions: React.ReactNode }) {
  const rows = changeRows(diff);
  return (
    <section aria-labelledby="lock-diff-heading" className="rounded-xl border border-teal-300 bg-white p-3 shadow-sm dark:border-teal-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="lock-diff-heading" className="text-sm font-semibold">
          {title}: {rows.length === 0 ? "nothing would change" : `${rows.length} change${rows.length === 1 ? "" : "s"}${to ? ` to ${to}` : ""}`}, {diff.unchanged} unchanged
        </h2>
        <div className="ml-auto flex flex-wrap gap-2">
          <Button size="sm" onClick={() => download(`${JSON.stringify(diff.json, null, 2)}\n`, "tangle-diff.json", "application/json")}>
            <DownloadIcon className="h-3.5 w-3.5" />
            Download diff
          </Button>
          {actions}
        </div>
      </div>
      {rows.length > 0 && (
        <ul aria-label="Changes" className="mt-2 flex max-h-64 flex-col gap-1.5 overflow-y-auto text-xs">
          {rows.map((row) => (
            <li key={`${row.kind}:${row.name}`} className="rounded-md bg-slate-50 px-2 py-1.5 dark:bg-slate-800/60">
              <span className={`font-semibold ${KIND_STYLE[row.kind] ?? ""}`}>{row.kind}</span> <span className="font-medium">{row.name}</span> {row.versions}
              <span className="block break-words text-slate-500 dark:text-slate-400">{row.via.join(" → ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LockDiffView() {
  const { pending, fileName, accept, discard, comparison, closeComparison } = useLock();
  if (pending) {
    return (
      <DiffSection
        title={pending.name === null ? "Upgrade all" : `Upgrade ${pending.name}`}
        to={fileName ?? undefined}
        diff={pending.diff}
        actions={
          <>
            <Button size="sm" variant="quiet" onClick={discard}>
              Discard
            </Button>
            <Button size="sm" variant="primary" onClick={accept}>
              Accept
            </Button>
          </>
        }
      />
    );
  }
  if (comparison) {
    return (
      <DiffSection
        title={`Compare ${comparison.oldName} → ${comparison.newName}`}
        diff={comparison.diff}
        actions={
          <Button size="sm" variant="quiet" onClick={closeComparison}>
            Close comparison
          </Button>
        }
      />
    );
  }
  return null;
}
