// A titled card that groups one part of the page; its heading names the region for assistive technology.
import { useId, type ReactNode } from "react";

export function Panel({
  title,
  actions,
  children,
  className = "",
  bodyClassName = "",
  label,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  /** The region's accessible name when the visible title is not plain text. */
  label?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={label ? undefined : id}
      aria-label={label}
      className={`flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="flex min-h-11 items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 id={id} className="text-[13px] font-semibold tracking-wide text-slate-700 dark:text-slate-200">
          {title}
        </h2>
        {actions && <div className="flex items-center gap-1.5">{actions}</div>}
      </div>
      <div className={`min-h-0 flex-1 ${bodyClassName}`}>{children}</div>
    </section>
  );
}
