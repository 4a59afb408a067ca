// A small coloured tag for package traits (direct, extras, pre-release, yanked, unknown dependencies) and counts.
import type { ReactNode } from "react";

export type BadgeTone = "slate" | "teal" | "violet" | "amber" | "red" | "sky" | "green";

const TONES: Record<BadgeTone, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-300/60 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600/60",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/25 dark:bg-teal-950/60 dark:text-teal-300 dark:ring-teal-400/30",
  violet: "bg-violet-50 text-violet-800 ring-violet-600/25 dark:bg-violet-950/60 dark:text-violet-300 dark:ring-violet-400/30",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-400/30",
  red: "bg-red-50 text-red-700 ring-red-600/25 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-400/30",
  sky: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-950/60 dark:text-sky-300 dark:ring-sky-400/30",
  green: "bg-green-50 text-green-800 ring-green-600/25 dark:bg-green-950/60 dark:text-green-300 dark:ring-green-400/30",
};

export function Badge({ tone = "slate", children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}
