// The page layout: header; inputs, settings and the resolve button on the left; status and results (graph, list, details, conflicts) on the right.
import { useEffect, useRef } from "react";
import type { ResolvedPackageDto, ResolveRequest, UniversalScopeDto } from "../workers/api";
import { packageKey } from "./lib/package-key";
import { EnvironmentPicker } from "./features/universal/environment-picker";
import { useShownPackages } from "./features/universal/use-shown-packages";
import { useResolution } from "./stores/resolution";
import { useView, type ResultTab } from "./stores/view";
import { ThemeToggle } from "./components/theme-toggle";
import { GraphIcon, ListIcon } from "./components/icons";
import { InputPanel } from "./features/input/input-panel";
import { ConstraintsPanel } from "./features/input/constraints-panel";
import { SettingsPanel } from "./features/settings/settings-panel";
import { ResolveBar } from "./features/resolve/resolve-bar";
import { RunStatus } from "./features/resolve/run-status";
import { EmptyState, ExampleButtons } from "./features/resolve/empty-state";
import { StaleNotice } from "./features/resolve/stale-notice";
import { useResultIsStale } from "./hooks/use-result-is-stale";
import { GraphPanel } from "./features/graph/components/graph-panel";
import { PackageTable } from "./features/list/package-table";
import { TreePanel } from "./features/tree/components/tree-panel";
import { TreeIcon } from "./features/tree/components/tree-icon";
import { DetailsPanel } from "./features/details/details-panel";
import { useEscapeClosesDetails } from "./features/details/use-escape-closes-details";
import { ConflictPanel } from "./features/conflicts/conflict-panel";
import { AuditPanel } from "./features/audit/audit-panel";
import { PackageAdvisories } from "./features/audit/package-advisories";
import { useAuditLoader } from "./features/audit/use-audit-loader";
import { AlertIcon } from "./components/icons";
import { DownloadMenu } from "./features/exports/download-menu";
import { CopyLinkButton } from "./features/share/copy-link-button";
import { LinkNotices } from "./features/share/link-notices";
import { IndexQuestionDialog } from "./features/share/index-question-dialog";
import { useSessionLinkSync } from "./features/share/use-session-link-sync";
import { LockPanel } from "./features/lock/lock-panel";
import { LockDiffView } from "./features/lock/lock-diff-view";
import { useShare } from "./features/share/share-state";

const CARD = "rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";

const TABS: { id: ResultTab; label: string; icon: typeof GraphIcon }[] = [
  { id: "graph", label: "Graph", icon: GraphIcon },
  { id: "list", label: "List", icon: ListIcon },
  { id: "tree", label: "Tree", icon: TreeIcon },
  { id: "audit", label: "Audit", icon: AlertIcon },
];

function ResolvedView({
  runId,
  packages: all,
  request,
  readFrom,
  universal,
}: {
  runId: number;
  packages: ResolvedPackageDto[];
  request: ResolveRequest;
  readFrom?: string;
  universal?: UniversalScopeDto;
}) {
  useAuditLoader(runId, all);
  const environment = useView((s) => s.environment);
  // A universal result is shown whole or, with an environment picked, as it installs there.
  const packages = useShownPackages(runId, all, universal, environment);
  const tab = useView((s) => s.tab);
  const setTab = useView((s) => s.setTab);
  const selected = useView((s) => s.selected);
  const hasDetails = selected !== null && packages.some((p) => packageKey(p) === selected);
  useEscapeClosesDetails(hasDetails);

  // A new result keeps the selection and folds that still exist.
  useEffect(() => {
    const names = new Set(packages.map(packageKey));
    const view = useView.getState();
    if (view.selected && !names.has(view.selected)) view.select(null);
    for (const name of view.collapsed) if (!names.has(name)) view.toggleCollapsed(name);
  }, [packages]);

  return (
    <div className={`grid min-h-[32rem] flex-1 gap-3 ${hasDetails ? "xl:grid-cols-[minmax(0,1fr)_24rem]" : ""}`}>
      <div className={`${CARD} flex min-h-[32rem] flex-col overflow-hidden`}>
        {universal && <EnvironmentPicker scope={universal} shown={packages.length} total={all.length} />}
        <div role="tablist" aria-label="Result views" className="flex items-center gap-1 border-b border-slate-200 px-2 pt-1.5 dark:border-slate-800">
          {TABS.map(({ id, label, icon: Icon }) => (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
              onKeyDown={(e) => {
                if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                  const at = TABS.findIndex((t) => t.id === tab);
                  const next = TABS[(at + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length].id;
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
              className={`-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${
                tab === id
                  ? "border-teal-600 text-slate-900 dark:border-teal-400 dark:text-white"
                  : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200"
              }`}
            >
              <Icon className="h-4 w-4" />
              {label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="flex min-h-0 flex-1 flex-col">
          {tab === "graph" ? (
            <GraphPanel packages={packages} request={request} />
          ) : tab === "tree" ? (
            <TreePanel packages={packages} request={request} />
          ) : tab === "list" ? (
            <PackageTable packages={packages} />
          ) : (
            <AuditPanel packages={packages} />
          )}
        </div>
      </div>
      {hasDetails && (
        // Beside the result on wide screens; below xl a sheet over the bottom of the screen, where the tap was.
        <div
          role="region"
          aria-label="Package details"
          className={`${CARD} flex flex-col overflow-hidden max-xl:fixed max-xl:inset-x-2 max-xl:bottom-2 max-xl:z-30 max-xl:max-h-[62vh] max-xl:shadow-2xl xl:min-h-0`}
        >
          <DetailsPanel
            packages={packages}
            request={request}
            lockFile={readFrom}
            security={(pkg) => <PackageAdvisories key={`${runId}|${pkg.name}`} pkg={pkg} packages={packages} request={request} />}
          />
        </div>
      )}
    </div>
  );
}

function Results() {
  const current = useResolution((s) => s.current);
  const running = useResolution((s) => s.running !== null);
  const stale = useResultIsStale() && !running;
  const landing = useShare((s) => s.landing);
  const results = useRef<HTMLDivElement>(null);
  // A shared link lands on its result: below the input on narrow screens, so bring the result into view.
  useEffect(() => {
    if (!landing || running || !current) return;
    useShare.getState().setLanding(false);
    const box = results.current?.getBoundingClientRect();
    if (box && box.top > window.innerHeight * 0.5) results.current?.scrollIntoView({ block: "start" });
  }, [landing, running, current]);
  if (!current) {
    return running ? (
      <div className={`${CARD} flex min-h-[32rem] flex-1 flex-col items-center justify-center gap-3 text-sm text-slate-500 dark:text-slate-400`}>
        <GraphIcon className="h-10 w-10 animate-pulse text-teal-600/60 dark:text-teal-400/60" />
        The graph appears here when the resolution is done.
      </div>
    ) : (
      <EmptyState />
    );
  }
  const { resolution, request, runId } = current;
  // An out-of-date result stays readable, but nothing in it can be applied (its ways out were computed for other input).
  const content =
    resolution.status === "resolved" ? (
      <ResolvedView runId={runId} packages={resolution.packages} request={request} readFrom={current.readFrom} universal={resolution.universal} />
    ) : resolution.status === "unsatisfiable" ? (
      <fieldset disabled={stale} className={`${CARD} flex min-h-[32rem] min-w-0 flex-1 flex-col overflow-hidden`}>
        <ConflictPanel summary={resolution.summary} explanation={resolution.explanation} graph={resolution.graph} suggestions={resolution.suggestions} />
      </fieldset>
    ) : (
      <EmptyState />
    );
  return (
    <div ref={results} aria-busy={running} className={`flex min-h-0 flex-1 flex-col gap-3 transition-opacity ${running ? "opacity-60" : ""}`}>
      {stale && <StaleNotice />}
      {content}
    </div>
  );
}

export function App() {
  useSessionLinkSync();
  return (
    <div className="flex min-h-screen flex-col bg-slate-100 text-slate-900 lg:h-screen dark:bg-slate-950 dark:text-slate-100">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2.5">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          <div className="min-w-0 flex-1">
            <h1 className="text-lg leading-tight font-semibold">Tangle</h1>
            <p className="hidden truncate text-xs text-slate-500 sm:block dark:text-slate-400">Untangle Python dependencies — resolved in your browser, explained in words</p>
          </div>
          <div className="ml-auto flex items-center gap-2">
            <CopyLinkButton />
            <DownloadMenu />
            <div className="mx-1 h-6 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main className="grid min-h-0 flex-1 gap-4 p-4 lg:grid-cols-[26rem_minmax(0,1fr)]">
        <div className="flex min-h-0 min-w-0 flex-col gap-4 lg:scroll-pb-24 lg:overflow-y-auto lg:pr-1">
          <div className={`${CARD} flex flex-none flex-col p-3`}>
            <InputPanel />
          </div>
          <div className={`${CARD} p-3`}>
            <LockPanel />
          </div>
          <div className={`${CARD} p-3`}>
            <SettingsPanel offlineExamples={<ExampleButtons compact />} />
            <div className="mt-3">
              <ConstraintsPanel />
            </div>
          </div>
          <div className="sticky bottom-0 -mb-1 bg-slate-100 pt-1 pb-1 dark:bg-slate-950">
            <ResolveBar />
          </div>
        </div>
        <div className="flex min-h-0 min-w-0 flex-col gap-3">
          <LinkNotices />
          <RunStatus />
          <LockDiffView />
          <Results />
        </div>
      </main>
      <IndexQuestionDialog />
    </div>
  );
}
