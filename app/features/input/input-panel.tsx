// The input feature: the editor on the left, the worker's line-by-line reading of it on the right.
import { useMemo } from "react";
import { useSession } from "../../stores/session";
import { RequirementsEditor } from "./requirements-editor";
import { ParsedLinesPanel } from "./parsed-lines-panel";
import { useParsedLines } from "./use-parsed-lines";

export function InputPanel() {
  const text = useSession((s) => s.requirementsText);
  const { lines, pending, failure } = useParsedLines(text);
  const errorLines = useMemo(() => new Set((lines ?? []).filter((l) => l.kind === "error").map((l) => l.line)), [lines]);
  const counts = useMemo(() => {
    const all = lines ?? [];
    return { ok: all.filter((l) => l.kind === "requirement").length, errors: all.filter((l) => l.kind === "error").length };
  }, [lines]);

  return (
    <div className="grid min-h-0 flex-1 gap-6 lg:grid-cols-2">
      <section aria-labelledby="input-heading" className="flex min-h-0 flex-col gap-3">
        <div className="flex items-baseline justify-between">
          <h2 id="input-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
            <label htmlFor="requirements">Requirements</label>
          </h2>
          <span className="text-xs text-slate-500 dark:text-slate-400">requirements.txt syntax · saved in this browser</span>
        </div>
        <RequirementsEditor errorLines={errorLines} />
      </section>
      <section aria-labelledby="parsed-heading" className="flex min-h-0 flex-col gap-3">
        <div className="flex items-baseline justify-between">
          <h2 id="parsed-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
            Parsed
          </h2>
          <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
            {pending ? "Parsing…" : `${counts.ok} requirement${counts.ok === 1 ? "" : "s"}${counts.errors ? ` · ${counts.errors} error${counts.errors === 1 ? "" : "s"}` : ""}`}
          </span>
        </div>
        <div className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200 bg-white px-4 py-1 dark:border-slate-800 dark:bg-slate-950">
          {failure ? (
            <p role="alert" className="py-4 text-sm text-red-700">The parser stopped unexpectedly: {failure}</p>
          ) : lines ? (
            <ParsedLinesPanel lines={lines} />
          ) : (
            <p className="py-4 text-sm text-slate-500">Starting the parser…</p>
          )}
        </div>
      </section>
    </div>
  );
}
