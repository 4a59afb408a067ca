// Shows, line by line, what the worker's parser understood: name, extras, specifier and marker, or the error and its column.
import type { ParsedLine } from "../../../workers/api";
import { canonicalName } from "../../lib/canonical-name";

function RequirementRow({ line }: { line: Extract<ParsedLine, { kind: "requirement" }> }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <span className="text-sm font-semibold text-slate-900 dark:text-slate-100">{line.name}</span>
      {/* Extras are matched by their normalised name (PEP 685), so that is what is shown; the spelling is in the tooltip. */}
      {line.extras.map((extra) => (
        <span key={extra} title={`as written: [${extra}]`} className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-300">
          [{canonicalName(extra)}]
        </span>
      ))}
      {line.specifier ? (
        <code className="rounded bg-teal-50 px-1.5 py-0.5 text-xs text-teal-800 dark:bg-teal-950 dark:text-teal-300">{line.specifier}</code>
      ) : (
        <span className="text-xs text-slate-500 dark:text-slate-400">any version</span>
      )}
      {line.url && <code className="truncate text-xs text-sky-700 dark:text-sky-300">@ {line.url}</code>}
      {line.marker && (
        <span className="text-xs text-slate-500 dark:text-slate-400">
          when <code className="text-amber-700 dark:text-amber-300">{line.marker}</code>
        </span>
      )}
    </div>
  );
}

function ErrorRow({ line }: { line: Extract<ParsedLine, { kind: "error" }> }) {
  const summary = line.message.split("\n")[0];
  return (
    <div>
      <p className="text-sm font-medium text-red-700 dark:text-red-400">
        Column {line.column}: {summary}
      </p>
      <pre className="mt-1 overflow-x-auto rounded bg-red-50 px-2 py-1 font-mono text-xs leading-5 text-red-900 dark:bg-red-950/40 dark:text-red-200">
        {line.text}
        {"\n"}
        {" ".repeat(Math.max(0, line.column - 1))}^
      </pre>
    </div>
  );
}

export function ParsedLinesPanel({ lines }: { lines: ParsedLine[] }) {
  const meaningful = lines.filter((l) => l.kind !== "blank" && l.kind !== "comment");
  if (meaningful.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
        Type a requirement such as <code className="font-mono">requests&gt;=2.31</code> and it appears here, parsed.
      </p>
    );
  }
  return (
    <ol aria-label="Parsed requirements" className="divide-y divide-slate-200 dark:divide-slate-800">
      {meaningful.map((line) => (
        <li key={line.line} data-line={line.line} data-kind={line.kind} className="flex gap-2 py-1">
          <span className="w-6 shrink-0 text-right font-mono text-[11px] leading-6 text-slate-400">{line.line}</span>
          <div className="min-w-0 flex-1 leading-6">
            {line.kind === "requirement" && <RequirementRow line={line} />}
            {line.kind === "error" && <ErrorRow line={line} />}
            {line.kind === "option" && (
              <span className="text-sm text-slate-600 dark:text-slate-300">
                pip option <code className="font-mono">{line.option}</code>
              </span>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
