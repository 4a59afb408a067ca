// What the worker read from a dependency file of any format: its requirements (with the extra or group each comes from) and its located diagnostics.
import type { RequirementSet } from "../../../workers/api";

type Requirement = RequirementSet["requirements"][number];

function SourceBadge({ requirement }: { requirement: Requirement }) {
  const { source } = requirement;
  if (source.kind === "main") return null;
  return (
    <span className="rounded bg-violet-100 px-1.5 py-0.5 text-[11px] font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-300">
      {source.kind === "extra" ? `extra ${source.name}` : `group ${source.name}`}
    </span>
  );
}

function RequirementRow({ requirement, constraint }: { requirement: Requirement; constraint: boolean }) {
  const name = requirement.name || requirement.url || requirement.text;
  return (
    <li data-line={requirement.line} className="flex gap-2 py-1">
      <span className="w-6 shrink-0 text-right font-mono text-[11px] leading-6 text-slate-400">{requirement.file ? "" : requirement.line}</span>
      <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2 gap-y-1 leading-6">
        <span className="text-sm font-semibold text-slate-900 dark:text-slate-100">{name}</span>
        {requirement.extras.map((extra) => (
          <span key={extra} className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-300">
            [{extra}]
          </span>
        ))}
        {requirement.specifier ? (
          <code className="rounded bg-teal-50 px-1.5 py-0.5 text-xs text-teal-800 dark:bg-teal-950 dark:text-teal-300">{requirement.specifier}</code>
        ) : requirement.kind === "index" ? (
          <span className="text-xs text-slate-500 dark:text-slate-400">any version</span>
        ) : null}
        {requirement.kind !== "index" && <span className="text-xs text-sky-700 dark:text-sky-300">{requirement.kind}</span>}
        {requirement.marker && (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            when <code className="text-amber-700 dark:text-amber-300">{requirement.marker}</code>
          </span>
        )}
        <SourceBadge requirement={requirement} />
        {constraint && <span className="text-[11px] text-slate-500 dark:text-slate-400">constraint</span>}
        {requirement.file && <span className="text-[11px] text-slate-500 dark:text-slate-400">from {requirement.file}</span>}
      </div>
    </li>
  );
}

export function InputReadingPanel({ set }: { set: RequirementSet }) {
  const rows = [...set.requirements.map((r) => ({ r, constraint: false })), ...set.constraints.map((r) => ({ r, constraint: true }))];
  if (rows.length === 0) {
    return (
      <p className="py-3 text-center text-sm text-slate-500 dark:text-slate-400">
        No requirements found in this {set.format}
        {set.diagnostics.some((d) => d.severity === "error") ? " — see the errors below." : "."}
      </p>
    );
  }
  return (
    <ol aria-label="Requirements read" className="divide-y divide-slate-200 dark:divide-slate-800">
      {rows.map(({ r, constraint }, i) => (
        <RequirementRow key={`${r.file ?? ""}:${r.line}:${r.column}:${i}`} requirement={r} constraint={constraint} />
      ))}
    </ol>
  );
}

const SEVERITY_STYLE: Record<RequirementSet["diagnostics"][number]["severity"], string> = {
  error: "text-red-700 dark:text-red-400",
  warning: "text-amber-800 dark:text-amber-300",
  info: "text-slate-600 dark:text-slate-300",
};

/** The located diagnostics as a list ("Line 3, column 9: ..."), errors first. */
/** `onAddFile`: for a diagnostic that asks for a file ("drop it in as well"), the control that adds one. */
export function InputDiagnosticsList({ diagnostics, onAddFile }: { diagnostics: RequirementSet["diagnostics"]; onAddFile?: () => void }) {
  if (diagnostics.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul aria-label="Input diagnostics" className="flex flex-col gap-1">
      {sorted.map((d, i) => (
        <li key={i} data-severity={d.severity} className={`text-xs ${SEVERITY_STYLE[d.severity]}`}>
          <span className="font-semibold">{d.severity === "error" ? "Error" : d.severity === "warning" ? "Warning" : "Note"}</span>
          {" — "}
          {d.message}
          {onAddFile && /drop it in as well|not provided/.test(d.message) && (
            <button type="button" onClick={onAddFile} className="ml-1.5 font-medium text-teal-700 underline hover:no-underline dark:text-teal-300">
              Add the file…
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
