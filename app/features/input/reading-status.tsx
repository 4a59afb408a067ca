// The one-line count under the editor: requirements read, errors and warnings, or that the reader is busy or stopped.
import type { InputReading } from "../../../workers/api";
import { useSavedState } from "../../stores/saved-state";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function ReadingStatus({ format, reading, pending, failure }: { format: string; reading: InputReading | null; pending: boolean; failure: string | null }) {
  const refusedBytes = useSavedState((s) => s.refusedBytes);
  let text: string;
  if (failure) text = "The reader stopped unexpectedly";
  else if (!reading) text = "Reading…";
  else {
    const errors = reading.set.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = reading.set.diagnostics.filter((d) => d.severity === "warning").length;
    const parts = [plural(reading.set.requirements.length, "requirement")];
    if (errors) parts.push(plural(errors, "error"));
    if (warnings) parts.push(plural(warnings, "warning"));
    text = `${format === "requirements.txt" ? "" : `${format} — read by the resolver: `}${parts.join(" · ")}${pending ? " …" : ""}`;
  }
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
      <span role="status">{text}</span>
      {refusedBytes === null ? (
        <span className="shrink-0">saved in this browser</span>
      ) : (
        <span role="alert" className="font-medium text-amber-800 dark:text-amber-300">
          Not saved: {(refusedBytes / 1e6).toFixed(1)} MB is more than this browser keeps. A reload loses it: keep your own copy.
        </span>
      )}
    </div>
  );
}
