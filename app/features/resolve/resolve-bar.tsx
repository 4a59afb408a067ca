// The resolve button (Ctrl/Cmd+Enter) and the what-if edits in force (pins and exclusions), each removable.
import { useCallback } from "react";
import { useSession } from "../../stores/session";
import { useResolution } from "../../stores/resolution";
import { runResolution } from "../../resolution-run";
import { Button } from "../../components/button";
import { CloseIcon, PlayIcon } from "../../components/icons";
import { useResolveShortcut } from "./use-resolve-shortcut";

const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function ResolveBar() {
  const pins = useSession((s) => s.pins);
  const excluded = useSession((s) => s.excluded);
  const removePin = useSession((s) => s.removePin);
  const include = useSession((s) => s.include);
  const clearWhatIf = useSession((s) => s.clearWhatIf);
  const start = useCallback(() => runResolution(), []);
  // Removing what-if edits re-resolves, as adding one does (once something was resolved).
  const thenResolve = useCallback(
    (edit: () => void) => () => {
      edit();
      if (useResolution.getState().current) runResolution();
    },
    [],
  );
  useResolveShortcut(start);
  const edits = Object.keys(pins).length + excluded.length;

  return (
    <div className="flex flex-col gap-2">
      <Button variant="primary" className="h-10 w-full text-[15px]" onClick={start} aria-keyshortcuts="Control+Enter Meta+Enter">
        <PlayIcon className="h-4 w-4" />
        Resolve
        <kbd aria-hidden="true" className="ml-1 rounded border border-white/30 px-1.5 py-px font-sans text-[11px] font-normal text-white/85 dark:border-slate-900/30 dark:text-slate-900/80">
          {IS_MAC ? "⌘" : "Ctrl"}+Enter
        </kbd>
      </Button>
      {edits > 0 && (
        <div className="rounded-lg border border-amber-300/70 bg-amber-50 p-2 dark:border-amber-700/60 dark:bg-amber-950/40" role="group" aria-label="What-if edits">
          <div className="mb-1.5 flex items-center justify-between">
            <span className="text-xs font-semibold text-amber-900 dark:text-amber-200">What if — applied on top of the requirements</span>
            <button type="button" className="text-xs text-amber-800 underline hover:no-underline dark:text-amber-300" onClick={thenResolve(clearWhatIf)}>
              Clear all
            </button>
          </div>
          <ul className="flex flex-wrap gap-1.5">
            {Object.entries(pins).map(([name, spec]) => (
              <li key={`pin-${name}`}>
                <EditChip label={`${name}${spec}`} kind="pinned" onRemove={thenResolve(() => removePin(name))} />
              </li>
            ))}
            {excluded.map((name) => (
              <li key={`ex-${name}`}>
                <EditChip label={name} kind="excluded" onRemove={thenResolve(() => include(name))} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function EditChip({ label, kind, onRemove }: { label: string; kind: "pinned" | "excluded"; onRemove: () => void }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-white py-0.5 pr-0.5 pl-2 text-xs ring-1 ring-amber-300 dark:bg-slate-900 dark:ring-amber-700">
      <span className="text-amber-700 dark:text-amber-400">{kind}</span>
      <code className={`font-mono ${kind === "excluded" ? "line-through" : ""}`}>{label}</code>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove the ${kind === "pinned" ? "pin" : "exclusion"} ${label}`}
        className="rounded-full p-0.5 text-slate-500 hover:bg-amber-100 hover:text-slate-900 dark:hover:bg-amber-900/50 dark:hover:text-white"
      >
        <CloseIcon className="h-3 w-3" />
      </button>
    </span>
  );
}
