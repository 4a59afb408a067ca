// What a resolution noticed besides its result: index warnings grouped per project (several fold into one line), and requirements skipped for the target.
import type { SkippedRequirementDto } from "../../../workers/api";
import { AlertIcon } from "../../components/icons";
import { groupWarnings } from "./warning-groups";

export function ResolutionNotices({ warnings, skipped = [] }: { warnings: readonly string[]; skipped?: readonly SkippedRequirementDto[] }) {
  const groups = groupWarnings(warnings);
  return (
    <>
      {groups.length > 0 && (
        <ul className="rounded-xl border border-amber-200 bg-amber-50 px-3 py-2 text-xs break-words text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100" aria-label="Warnings">
          {groups.map((g, i) =>
            g.items.length === 1 ? (
              <li key={i} className="flex gap-1.5">
                <AlertIcon className="mt-px h-3.5 w-3.5 shrink-0" />
                <span className="min-w-0">{g.project ? `${g.project}: ${g.items[0]}` : g.items[0]}</span>
              </li>
            ) : (
              <li key={i} className="flex gap-1.5">
                <AlertIcon className="mt-px h-3.5 w-3.5 shrink-0" />
                <details className="min-w-0">
                  <summary className="cursor-pointer select-none">
                    {g.items.length} index warnings for {g.project}
                  </summary>
                  <ul className="mt-1 ml-4 list-disc">
                    {g.items.map((item, j) => (
                      <li key={j}>{item}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ),
          )}
        </ul>
      )}
      {skipped.length > 0 && (
        <ul className="rounded-xl border border-slate-200 bg-white px-3 py-2 text-xs break-words text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300" aria-label="Skipped for this target">
          {skipped.map((s, i) => (
            <li key={i}>{s.note}</li>
          ))}
        </ul>
      )}
    </>
  );
}
