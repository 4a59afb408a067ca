// What a "Fix" found: the resolution diff with an Apply button, or the conflict that blocks it with its ways out.
import type { FixOutcomeDto, ResolutionDiffDto } from "../../../workers/api-audit";
import { Button } from "../../components/button";

function DiffList({ diff }: { diff: ResolutionDiffDto }) {
  const rows = [
    ...diff.upgraded.map((c) => ({ key: `u${c.name}`, sign: "↑", text: `${c.name} ${c.from} → ${c.to}`, tone: "text-green-700 dark:text-green-300" })),
    ...diff.downgraded.map((c) => ({ key: `d${c.name}`, sign: "↓", text: `${c.name} ${c.from} → ${c.to}`, tone: "text-amber-700 dark:text-amber-300" })),
    ...diff.added.map((c) => ({ key: `a${c.name}`, sign: "+", text: `${c.name} ${c.to}`, tone: "text-sky-700 dark:text-sky-300" })),
    ...diff.removed.map((c) => ({ key: `r${c.name}`, sign: "−", text: `${c.name} ${c.from}`, tone: "text-slate-500 dark:text-slate-400" })),
  ];
  if (rows.length === 0) return <p className="text-xs text-slate-500">No package changes.</p>;
  return (
    <ul aria-label="Changes the fix makes" className="flex flex-col gap-0.5 font-mono text-xs">
      {rows.map((r) => (
        <li key={r.key} className={r.tone}>
          <span aria-hidden="true" className="inline-block w-3">
            {r.sign}
          </span>{" "}
          {r.text}
        </li>
      ))}
    </ul>
  );
}

export function FixOutcome({ outcome, onApply }: { outcome: FixOutcomeDto; onApply: (fixed: Extract<FixOutcomeDto, { kind: "fixed" }>) => void }) {
  if (outcome.kind === "fixed") {
    return (
      <div role="status" className="mt-2 rounded-md border border-green-300 bg-green-50 p-2 dark:border-green-800 dark:bg-green-950/40">
        <p className="mb-1 text-xs font-medium text-green-900 dark:text-green-200">
          Requiring <code className="font-mono">{outcome.requirement}</code> resolves{outcome.to ? ` (${outcome.name} ${outcome.to})` : ` without ${outcome.name}`}:
        </p>
        <DiffList diff={outcome.diff} />
        <Button size="sm" variant="primary" className="mt-2" onClick={() => onApply(outcome)}>
          Apply {outcome.requirement}
        </Button>
      </div>
    );
  }
  if (outcome.kind === "blocked") {
    return (
      <div role="status" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/40">
        <p className="mb-1 text-xs font-medium text-amber-900 dark:text-amber-200">
          <code className="font-mono">{outcome.requirement}</code> cannot be resolved with your requirements:
        </p>
        <pre className="text-[11px] leading-4 whitespace-pre-wrap text-slate-700 dark:text-slate-200">{outcome.explanation}</pre>
        {outcome.waysOut.length > 0 && (
          <>
            <p className="mt-1.5 text-[11px] font-semibold text-slate-600 dark:text-slate-300">Ways out (each checked by resolving again):</p>
            <ul className="list-disc pl-4 text-[11px] text-slate-700 dark:text-slate-200">
              {outcome.waysOut.map((w) => (
                <li key={w.title}>{w.title.replace(/`/g, "")}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  return <p role="status" className="mt-2 text-xs text-slate-600 dark:text-slate-300">{outcome.message}</p>;
}
