// The Tree view: the resolution as `uv tree` / pipdeptree print it (indented, (*) for repeats, the specifier that asked), inverted for one package, depth-limited, copyable.
import { useEffect, useId, useState } from "react";
import type { ResolvedPackageDto, ResolveRequest } from "../../../../workers/api";
import { useView } from "../../../stores/view";
import { packageKey } from "../../../lib/package-key";
import { Button } from "../../../components/button";
import { CheckIcon } from "../../../components/icons";
import { useRootSpecifiers } from "../../../hooks/use-root-specifiers";
import { useTextTree } from "../hooks/use-text-tree";

const CONFIRMATION_MS = 2500;
const SELECT = "h-7 max-w-[14rem] rounded-md border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

export function TreePanel({ packages, request }: { packages: ResolvedPackageDto[]; request: ResolveRequest }) {
  const invertId = useId();
  const depthId = useId();
  const [invert, setInvert] = useState<string | null>(null);
  const [depth, setDepth] = useState<number | null>(null);
  const [copied, setCopied] = useState<"copied" | "refused" | null>(null);
  const rootSpecifiers = useRootSpecifiers(request);
  const selected = useView((s) => s.selected);
  // A package inverted for that is not in a new result: back to the whole tree.
  const invertFor = invert && packages.some((p) => packageKey(p) === invert) ? invert : null;
  const { tree, failure } = useTextTree(packages, { invert: invertFor, depth, rootSpecifiers });
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    if (!tree?.ok) return;
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(tree.text);
      setCopied("copied");
    } catch {
      setCopied("refused");
    }
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-2 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
        <span className="flex items-center gap-2">
        <label htmlFor={invertId}>Inverted for</label>
        <select id={invertId} className={SELECT} value={invertFor ?? ""} onChange={(e) => setInvert(e.target.value || null)}>
          <option value="">— (your requirements first)</option>
          {sorted.map((p) => (
            <option key={packageKey(p)} value={packageKey(p)}>
              {p.displayName}{p.id ? ` ${p.version}` : ""}
            </option>
          ))}
        </select>
        </span>
        {selected && selected !== invertFor && packages.some((p) => packageKey(p) === selected) && (
          <button type="button" className="font-medium text-teal-700 underline hover:no-underline dark:text-teal-300" onClick={() => setInvert(selected)}>
            Who requires {packages.find((p) => packageKey(p) === selected)?.displayName}?
          </button>
        )}
        <span className="flex items-center gap-2">
        <label htmlFor={depthId} className="ml-1">
          Depth
        </label>
        <select id={depthId} className={SELECT} value={depth ?? "all"} onChange={(e) => setDepth(e.target.value === "all" ? null : Number(e.target.value))}>
          <option value="all">All</option>
          {[0, 1, 2, 3, 4, 5, 6, 8, 10].map((d) => (
            <option key={d} value={d}>
              {d === 0 ? "Top level only" : `≤ ${d}`}
            </option>
          ))}
        </select>
        </span>
        <Button size="sm" className="ml-auto" disabled={!tree?.ok} onClick={() => void copy()} title="Copy the tree as text, as uv tree prints it">
          {copied === "copied" && <CheckIcon className="h-3.5 w-3.5 text-green-600 dark:text-green-400" />}
          {copied === "copied" ? "Copied" : "Copy"}
        </Button>
        {copied && (
          <span role="status" className={copied === "refused" ? "w-full text-amber-800 dark:text-amber-300" : "sr-only"}>
            {copied === "copied" ? "Tree copied to the clipboard" : "The browser refused the clipboard: select the tree and copy it by hand."}
          </span>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {failure && (
          <p role="alert" className="p-4 text-sm text-red-700 dark:text-red-400">
            The tree could not be drawn: {failure}
          </p>
        )}
        {tree && !tree.ok && <p className="p-4 text-sm text-slate-600 dark:text-slate-300">{tree.message}</p>}
        {tree?.ok && (
          <pre data-testid="text-tree" aria-label="Dependency tree" className="min-w-max p-3 font-mono text-[12.5px] leading-5 text-slate-800 dark:text-slate-100">
            {tree.lines.map((line, i) => (
              <div key={i} data-name={line.name} className={line.name === selected ? "bg-teal-50 dark:bg-teal-950/60" : undefined}>
                <span className="text-slate-400 dark:text-slate-500">{line.guides}</span>
                {line.name === "<root>" ? (
                  line.text
                ) : (
                  <button type="button" className="text-left hover:underline focus-visible:underline" onClick={() => useView.getState().select(line.name)}>
                    {line.text}
                  </button>
                )}
              </div>
            ))}
            {tree.text.includes("\n(*) ") && <div className="mt-2 text-slate-500 dark:text-slate-400">(*) Package tree already displayed</div>}
          </pre>
        )}
      </div>
    </div>
  );
}
