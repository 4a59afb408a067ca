// Constraints and overrides for the page, as the CLI's `-c FILE` and `--override FILE`: one requirement a line.
import { useSession } from "../../stores/session";
import { requirementLines } from "../../stores/build-request";

const AREA =
  "min-h-16 w-full resize-y rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

export function ConstraintsPanel() {
  const constraints = useSession((s) => s.constraintsText);
  const overrides = useSession((s) => s.overridesText);
  const setConstraints = useSession((s) => s.setConstraintsText);
  const setOverrides = useSession((s) => s.setOverridesText);
  const counts = [requirementLines(constraints).length, requirementLines(overrides).length];
  return (
    <details className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" open={counts[0] + counts[1] > 0 || undefined}>
      <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-600 select-none dark:text-slate-300">
        Constraints and overrides
        <span className="ml-1.5 font-normal text-slate-500 dark:text-slate-400">
          {counts[0] + counts[1] === 0 ? "none (-c, --override)" : `${counts[0]} constraint${counts[0] === 1 ? "" : "s"} · ${counts[1]} override${counts[1] === 1 ? "" : "s"}`}
        </span>
      </summary>
      <div className="flex flex-col gap-2 border-t border-slate-200 px-3 py-2 dark:border-slate-800">
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300">
          Constraints — limit versions, add no package (pip&apos;s <code>-c</code>)
          <textarea className={AREA} spellCheck={false} value={constraints} onChange={(e) => setConstraints(e.target.value)} placeholder="urllib3<2" />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300">
          Overrides — replace what any package asks for (uv&apos;s <code>--override</code>)
          <textarea className={AREA} spellCheck={false} value={overrides} onChange={(e) => setOverrides(e.target.value)} placeholder="numpy==1.19.5" />
        </label>
      </div>
    </details>
  );
}
