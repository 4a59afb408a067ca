// The requirements editor: a plain-text area with a line-number gutter that keeps what the user typed.
import { useRef } from "react";
import { useSession } from "../../stores/session";

export function RequirementsEditor({ errorLines }: { errorLines: ReadonlySet<number> }) {
  const text = useSession((s) => s.requirementsText);
  const setText = useSession((s) => s.setRequirementsText);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = text.split(/\r\n|\r|\n/).length;

  return (
    <div className="flex min-h-0 flex-1 overflow-hidden rounded-lg border border-slate-300 bg-white focus-within:border-teal-600 focus-within:ring-2 focus-within:ring-teal-600/20 dark:border-slate-700 dark:bg-slate-950">
      <div
        ref={gutter}
        aria-hidden="true"
        className="select-none overflow-hidden border-r border-slate-200 bg-slate-50 py-3 text-right font-mono text-[13px] leading-6 text-slate-400 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-500"
      >
        {Array.from({ length: lineCount }, (_, i) => (
          <div key={i} className={`px-3 ${errorLines.has(i + 1) ? "bg-red-50 font-semibold text-red-600 dark:bg-red-950/50 dark:text-red-400" : ""}`}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        id="requirements"
        aria-label="Requirements"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        placeholder={"requests>=2.31\npandas[performance]; python_version >= \"3.10\""}
        className="min-h-[18rem] flex-1 resize-none bg-transparent px-3 py-3 font-mono text-[13px] leading-6 text-slate-900 outline-none placeholder:text-slate-400 dark:text-slate-100"
      />
    </div>
  );
}
