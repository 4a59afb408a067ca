// The "Download" menu: every export format the worker writes (requirements.txt, constraints, pylock.toml, uv.lock, poetry.lock, buildout, JSON), saved as a file from the shown resolution.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ExportFormatDto } from "../../../workers/api";
import { resolver } from "../../resolver-client";
import { useResolution } from "../../stores/resolution";
import { buttonClass } from "../../components/button";
import { DownloadIcon } from "../../components/icons";
import { download } from "../../lib/download";
import { useAudit } from "../../stores/audit";

function ChevronIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

export function DownloadMenu() {
  const current = useResolution((s) => s.current);
  const resolved = current !== null && current.resolution.status === "resolved";
  const universal = current !== null && current.resolution.status === "resolved" && current.resolution.universal !== undefined;
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const formats = useQuery({ queryKey: ["export-formats"], queryFn: () => resolver().exportFormats(), staleTime: Infinity, enabled: resolved });

  // Closes on a click elsewhere; the first item takes the focus when the menu opens.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open, formats.data]);

  useEffect(() => {
    if (!resolved) setOpen(false);
  }, [resolved]);

  const save = async (format: ExportFormatDto) => {
    setOpen(false);
    button.current?.focus();
    if (!current || current.resolution.status !== "resolved") return;
    try {
      const audit = useAudit.getState();
      const file = await resolver().exportResolution(format.id, current.resolution, current.request, audit.runId === current.runId ? (audit.report ?? undefined) : undefined);
      download(file.text, file.fileName, file.mimeType);
      setFailure(null);
    } catch (error) {
      setFailure(`Could not write ${format.fileName}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") {
      setOpen(false);
      if (event.key === "Escape") button.current?.focus();
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className={buttonClass("secondary", "sm")}
        disabled={!resolved}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={resolved ? "Download the resolution as a lock file or an export" : "Resolve first: the downloads are made from a resolution"}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && resolved) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <DownloadIcon className="h-3.5 w-3.5" />
        Download
        <ChevronIcon className="-mr-0.5 h-3.5 w-3.5 opacity-70" />
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Download as"
          onKeyDown={onMenuKey}
          className="absolute top-full right-0 z-30 mt-1.5 w-[23rem] max-w-[calc(100vw-2rem)] overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {formats.isPending && <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">Loading formats…</p>}
          {formats.isError && <p className="px-3 py-2 text-xs text-red-700 dark:text-red-400">The export formats could not be loaded.</p>}
          {formats.data?.map((format) => {
            // A one-target format stays listed for a universal result, disabled, saying why and what to take instead.
            const refusal = universal ? format.universalRefusal : null;
            return (
              <button
                key={format.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={refusal !== null}
                title={refusal ?? undefined}
                onClick={() => {
                  if (refusal === null) void save(format);
                }}
                className={`flex w-full flex-col items-start gap-0.5 px-3 py-1.5 text-left focus:outline-none ${
                  refusal === null ? "hover:bg-slate-100 focus:bg-teal-50 dark:hover:bg-slate-800 dark:focus:bg-teal-950/50" : "cursor-not-allowed opacity-60 focus:bg-slate-50 dark:focus:bg-slate-800/50"
                }`}
              >
                <span className="text-sm text-slate-900 dark:text-slate-100">{format.label}</span>
                <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{refusal === null ? format.fileName : "not for an all-platforms result"}</span>
              </button>
            );
          })}
        </div>
      )}
      {failure && (
        <p role="alert" onClick={() => setFailure(null)} className="absolute top-full right-0 z-30 mt-1.5 w-72 rounded-lg border border-red-200 bg-red-50 p-2 text-xs text-red-800 shadow-lg dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {failure}
        </p>
      )}
    </div>
  );
}
