// The resolve feature's status strip: live progress with Cancel, then the outcome (summary, what changed, or what went wrong).
import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { ResolveProgress } from "../../../workers/api";
import { useResolution } from "../../stores/resolution";
import { cancelResolution, runResolution } from "../../resolution-run";
import { snapshotIndexUrl, useSession } from "../../stores/session";
import { Button } from "../../components/button";
import { AlertIcon, CheckIcon, StopIcon, WifiOffIcon } from "../../components/icons";
import { diffResolutions, isEmptyDiff } from "./resolution-diff";
import { ChangesSummary } from "./changes-summary";
import { ResolutionNotices } from "./resolution-notices";
import { errorCallout } from "./error-callouts";

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, now - startedAt);
}

function Counter({ value, label }: { value: number | string; label: string }) {
  return (
    <div className="flex flex-col">
      <dd className="text-lg leading-tight font-semibold text-slate-900 tabular-nums dark:text-white">{value}</dd>
      <dt className="text-[11px] text-slate-500 dark:text-slate-400">{label}</dt>
    </div>
  );
}

function ProgressCard({ progress, startedAt, cancelRequested, indexUrl }: { progress: ResolveProgress | null; startedAt: number; cancelRequested: boolean; indexUrl: string }) {
  const elapsed = useElapsed(startedAt);
  const found = progress?.projectsDiscovered ?? 0;
  const fetched = progress?.metadataFetched ?? 0;
  const fraction = found > 0 ? Math.min(1, fetched / found) : 0;
  return (
    <div className="rounded-xl border border-teal-200 bg-white p-3 shadow-sm dark:border-teal-900 dark:bg-slate-900" aria-label="Resolution progress" role="region">
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <div className="mb-1.5 flex items-baseline justify-between gap-2 text-sm">
            <span className="font-medium text-slate-800 dark:text-slate-100">{cancelRequested ? "Cancelling…" : "Resolving…"}</span>
            <span className="truncate font-mono text-[11px] text-slate-500 dark:text-slate-400" title={indexUrl}>
              {indexUrl}
            </span>
          </div>
          <div
            role="progressbar"
            aria-label="Resolving"
            aria-valuemin={0}
            aria-valuemax={Math.max(found, 1)}
            aria-valuenow={fetched}
            aria-valuetext={`${found} projects found, ${fetched} metadata fetched, ${progress?.requestsInFlight ?? 0} requests in flight`}
            className="relative h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            {found > 0 ? (
              <div className="h-full rounded-full bg-teal-600 transition-[width] duration-200 dark:bg-teal-400" style={{ width: `${Math.max(4, fraction * 100)}%` }} />
            ) : (
              <div className="animate-indeterminate h-full w-2/5 rounded-full bg-teal-600/70 dark:bg-teal-400/70" />
            )}
          </div>
        </div>
        <Button variant="danger" onClick={cancelResolution} disabled={cancelRequested}>
          <StopIcon className="h-3.5 w-3.5" />
          Cancel
        </Button>
      </div>
      <dl className="mt-2.5 grid grid-cols-4 gap-2" aria-live="off">
        <Counter value={found} label="projects found" />
        <Counter value={fetched} label="metadata fetched" />
        <Counter value={progress?.requestsInFlight ?? 0} label="requests in flight" />
        <Counter value={seconds(Math.max(elapsed, progress?.elapsedMs ?? 0))} label="elapsed" />
      </dl>
    </div>
  );
}

function Callout({ tone, icon, title, children, label }: { tone: "red" | "amber" | "slate"; icon: ReactNode; title: string; children?: ReactNode; label?: string }) {
  const tones = {
    red: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100",
    amber: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100",
    slate: "border-slate-200 bg-white text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100",
  };
  return (
    <div role="alert" aria-label={label} className={`flex gap-3 rounded-xl border p-3 shadow-sm ${tones[tone]}`}>
      <div className="mt-0.5 shrink-0">{icon}</div>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold">{title}</p>
        {children}
      </div>
    </div>
  );
}

export function RunStatus() {
  const running = useResolution((s) => s.running);
  const current = useResolution((s) => s.current);
  const previousPackages = useResolution((s) => s.previousPackages);
  const notice = useResolution((s) => s.notice);
  const dismissChanges = useResolution((s) => s.dismissChanges);

  const diff = useMemo(
    () => (current?.resolution.status === "resolved" && previousPackages ? diffResolutions(previousPackages, current.resolution.packages) : null),
    [current, previousPackages],
  );

  if (running) {
    return <ProgressCard progress={running.progress} startedAt={running.startedAt} cancelRequested={running.cancelRequested} indexUrl={running.request.indexUrl} />;
  }
  if (notice) {
    return (
      <Callout tone={notice.kind === "cancelled" ? "slate" : "red"} icon={<StopIcon className="h-4 w-4" />} title={notice.message}>
        {current && <p className="mt-0.5 text-xs opacity-80">Showing the previous result.</p>}
      </Callout>
    );
  }
  if (!current) return null;
  const { resolution, request } = current;

  if (resolution.status === "error") {
    const { error } = resolution;
    if (error.kind === "index-unreachable") {
      const useSnapshot = () => {
        useSession.getState().updateSettings({ indexUrl: snapshotIndexUrl() });
        runResolution();
      };
      return (
        <Callout tone="red" icon={<WifiOffIcon className="h-5 w-5" />} title="The package index cannot be reached" label="Index unreachable">
          <p className="mt-1 text-sm">{error.message}</p>
          <p className="mt-1 font-mono text-xs break-all opacity-80">{error.url ?? request.indexUrl}</p>
          <p className="mt-2 text-xs opacity-90">
            Tangle talks to the index from your browser: check the URL and your connection, or use the offline snapshot that ships with Tangle (PyPI as of 2020).
          </p>
          <div className="mt-2.5 flex gap-2">
            <Button variant="primary" size="sm" onClick={useSnapshot}>
              Use the offline snapshot
            </Button>
          </div>
        </Callout>
      );
    }
    const { title, advice } = errorCallout(error.kind);
    return (
      <Callout tone={error.kind === "too-complex" ? "amber" : "red"} icon={<AlertIcon className="h-5 w-5" />} title={title}>
        <p className="mt-1 text-sm whitespace-pre-wrap">{error.message}</p>
        {error.url && <p className="mt-1 font-mono text-xs break-all opacity-80">{error.url}</p>}
        {advice && <p className="mt-2 text-xs opacity-90">{advice}</p>}
      </Callout>
    );
  }

  const { stats } = resolution;
  const scope = resolution.universal;
  const target = scope
    ? `all platforms · Python ${scope.python}${scope.forks.length > 1 ? ` · ${scope.forks.length} forks` : ""}`
    : `Python ${request.target.pythonVersion} · ${request.target.os} ${request.target.arch}`;
  // A lock that was read, not resolved, took no time to resolve and no requests: say where it came from instead.
  const facts = current.readFrom
    ? `read from ${current.readFrom} · ${target}`
    : `${seconds(stats.wallMs)} · ${stats.requests} request${stats.requests === 1 ? "" : "s"}${stats.cacheHits ? ` (${stats.cacheHits} cached)` : ""} · ${target}`;
  return (
    <div className="flex flex-col gap-2">
      {resolution.status === "resolved" ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white px-3 py-2 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <span className="inline-flex items-center gap-1.5 text-sm font-semibold text-green-700 dark:text-green-400">
            <CheckIcon className="h-4 w-4" />
            {resolution.packages.length} package{resolution.packages.length === 1 ? "" : "s"} {current.readFrom ? "locked" : "resolved"}
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{facts}</span>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-red-200 bg-white px-3 py-2 shadow-sm dark:border-red-900 dark:bg-slate-900">
          <span className="inline-flex items-center gap-1.5 text-sm font-semibold text-red-700 dark:text-red-400">
            <AlertIcon className="h-4 w-4" />
            No set of versions satisfies these requirements
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{facts}</span>
        </div>
      )}
      <ResolutionNotices warnings={resolution.warnings} skipped={resolution.skipped} />
      {diff && <ChangesSummary diff={diff} empty={isEmptyDiff(diff)} onDismiss={dismissChanges} />}
    </div>
  );
}
