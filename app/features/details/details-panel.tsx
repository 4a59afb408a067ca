// The details feature: one package's facts (summary, licence, links, versions), its edges both ways, why it is here, and what-if edits.
import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import type { ResolvedPackageDto, ResolveRequest } from "../../../workers/api";
import { useView, ROOT_ID } from "../../stores/view";
import { useSession } from "../../stores/session";
import { runResolution } from "../../resolution-run";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { CloseIcon } from "../../components/icons";
import { canonicalName } from "../../lib/canonical-name";
import { packageKey } from "../../lib/package-key";
import { pathHighlight, whyPaths } from "./why-paths";
import { ProjectFacts } from "./project-facts";
import { pinSpecifier } from "./pin-specifier";
import { useProjectInfo } from "./use-project-info";

/** How the shown version came about: chosen by resolving (and why not newer), or read from a lock ("locked at X (newer: Y)"). */
function VersionOrigin({ pkg, indexUrl, lockFile }: { pkg: ResolvedPackageDto; indexUrl: string; lockFile: string | undefined }) {
  const info = useProjectInfo(indexUrl, pkg.name, pkg.version);
  if (lockFile === undefined) return <>chosen{pkg.rejectedNewer.length ? " — the newest that fits" : " — the newest available"}</>;
  const newer = info.data?.newer ?? [];
  const what = info.isSuccess ? (newer.length > 0 ? ` (newer: ${newer[0]}${newer.length > 1 ? ` and ${newer.length - 1} more` : ""})` : " (the newest on the index)") : "";
  return (
    <>
      locked at {pkg.version} in {lockFile}
      {what}
    </>
  );
}

function Section({ title, children, count }: { title: string; children: ReactNode; count?: number }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 id={id} className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
        {count !== undefined && <span className="ml-1.5 font-normal normal-case">({count})</span>}
      </h3>
      {children}
    </section>
  );
}

function PackageLink({ name, label, onSelect }: { name: string; label: string; onSelect: (name: string) => void }) {
  if (name === ROOT_ID) return <span className="font-medium text-slate-700 italic dark:text-slate-200">your requirements</span>;
  return (
    <button type="button" onClick={() => onSelect(name)} className="font-medium text-teal-700 hover:underline dark:text-teal-300">
      {label}
    </button>
  );
}

/**
 * Paths listed at first; the rest behind "Show all". A package deep in a big graph can have dozens (33 on the
 * 1,000-package scenario: ~900 elements, a third of the click's task just to render and lay out); every path is
 * highlighted in the graph either way.
 */
const FIRST_PATHS = 5;

export function DetailsPanel({
  packages,
  request,
  security,
  lockFile,
}: {
  packages: ResolvedPackageDto[];
  request: ResolveRequest;
  /** The lock file the packages were read from, when they were not resolved: versions are said to be locked, not chosen. */
  lockFile?: string;
  /** The audit's section for the package (vulnerabilities and "Fix"), shown above the paths that bring it in. */
  security?: (pkg: ResolvedPackageDto) => ReactNode;
}) {
  const selected = useView((s) => s.selected);
  const select = useView((s) => s.select);
  const setHighlight = useView((s) => s.setHighlight);
  // Keyed as the graph keys them: by name, or `name==version` where a universal result holds a name twice.
  const byName = useMemo(() => new Map(packages.map((p) => [packageKey(p), p])), [packages]);
  const pkg = selected ? byName.get(selected) : undefined;
  const dependentsOf = useMemo(() => new Map(packages.map((p) => [packageKey(p), p.dependents])), [packages]);
  const why = useMemo(() => (pkg ? whyPaths(packageKey(pkg), dependentsOf) : null), [pkg, dependentsOf]);
  /** The package whose paths are all shown (a new package starts with the first few again). */
  const [allPathsOf, setAllPathsOf] = useState<string | null>(null);
  const pathsId = useId();

  useEffect(() => {
    setHighlight(why ? pathHighlight(why.paths) : null);
  }, [why, setHighlight]);
  useEffect(() => () => setHighlight(null), [setHighlight]);

  if (!pkg || !why) return null;
  const allPaths = allPathsOf === packageKey(pkg);
  const goTo = (name: string) => select(name, { focus: true });
  const display = (name: string) => byName.get(name)?.displayName ?? name;
  const requirementFrom = (dependent: string) =>
    dependent === ROOT_ID ? null : (byName.get(dependent)?.dependencies.find((d) => canonicalName(d.name) === pkg.name && (!d.targets || d.targets.includes(packageKey(pkg)))) ?? null);

  return (
    <aside aria-label={`Details of ${pkg.displayName}`} className="flex min-h-0 flex-1 flex-col overflow-hidden">
      <div className="flex items-start gap-2 px-4 pt-3 pb-2">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-lg font-semibold text-slate-900 dark:text-white">
            {pkg.displayName} <span className="font-mono text-base font-medium text-teal-700 dark:text-teal-300">{pkg.version}</span>
          </h2>
          <div className="mt-1 flex flex-wrap gap-1">
            {pkg.direct ? <Badge tone="teal">direct requirement</Badge> : <Badge>dependency</Badge>}
            {pkg.extras.length > 0 && <Badge tone="violet">extras: {pkg.extras.join(", ")}</Badge>}
            {pkg.prerelease && <Badge tone="amber">pre-release</Badge>}
            {pkg.yanked !== null && (
              <Badge tone="red" title={pkg.yanked || "yanked"}>
                yanked{pkg.yanked ? `: ${pkg.yanked}` : ""}
              </Badge>
            )}
            {pkg.unknownDependencies && <Badge tone="amber">dependencies unknown</Badge>}
          </div>
          {pkg.marker && (
            <p className="mt-1.5 text-xs text-slate-600 dark:text-slate-300">
              Installed only where <code className="font-mono text-[11px]">{pkg.marker}</code>
            </p>
          )}
        </div>
        <Button variant="quiet" size="sm" aria-label="Close the details" onClick={() => select(null)}>
          <CloseIcon className="h-4 w-4" />
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ProjectFacts indexUrl={request.indexUrl} name={pkg.name} version={pkg.version} fallbackRequiresPython={pkg.requiresPython} />

        <Section title="Version">
          <ul aria-label="Versions" className="flex flex-col gap-1 text-sm">
            {pkg.rejectedNewer.map((r) => (
              <li key={r.version} className="flex gap-2">
                <span className="w-24 shrink-0 font-mono text-slate-500 line-through decoration-slate-400/60 dark:text-slate-400">{r.version}</span>
                <span className="text-xs leading-5 text-slate-600 dark:text-slate-300">{r.reason}</span>
              </li>
            ))}
            <li className="flex gap-2">
              <span className="w-24 shrink-0 font-mono font-semibold text-teal-700 dark:text-teal-300">{pkg.version}</span>
              <span className="text-xs leading-5 font-medium text-slate-700 dark:text-slate-200" data-testid="version-origin">
                <VersionOrigin pkg={pkg} indexUrl={request.indexUrl} lockFile={lockFile} />
              </span>
            </li>
          </ul>
          {pkg.warnings.length > 0 && (
            <ul className="mt-2 text-xs text-amber-800 dark:text-amber-300">
              {pkg.warnings.map((w, i) => (
                <li key={i}>⚠ {w}</li>
              ))}
            </ul>
          )}
        </Section>

        {security?.(pkg)}

        <Section title="Why is this here?" count={why.paths.length}>
          <ol id={pathsId} aria-label="Paths from your requirements" className="flex flex-col gap-1.5">
            {(allPaths ? why.paths : why.paths.slice(0, FIRST_PATHS)).map((path) => (
              <li key={path.join(">")} className="flex flex-wrap items-center gap-x-1 gap-y-0.5 text-[13px] leading-5">
                {path.map((step, i) => (
                  <span key={step} className="inline-flex items-center gap-1">
                    {i > 0 && <span className="text-slate-400">→</span>}
                    {step === packageKey(pkg) ? (
                      <span className="font-semibold text-slate-900 dark:text-white">{pkg.displayName}</span>
                    ) : (
                      <PackageLink name={step} label={display(step)} onSelect={goTo} />
                    )}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {why.paths.length > FIRST_PATHS && (
            <button
              type="button"
              aria-expanded={allPaths}
              aria-controls={pathsId}
              onClick={() => setAllPathsOf(allPaths ? null : packageKey(pkg))}
              className="mt-1.5 self-start text-xs font-medium text-teal-700 underline-offset-2 hover:underline dark:text-teal-300"
            >
              {allPaths ? `Show the first ${FIRST_PATHS} only` : `Show all ${why.paths.length} paths`}
            </button>
          )}
          {why.truncated && allPaths && <p className="mt-1 text-xs text-slate-500">Only the first {why.paths.length} paths are listed.</p>}
          <p className="mt-1.5 text-[11px] text-slate-500 dark:text-slate-400">These paths are highlighted in the graph.</p>
        </Section>

        <Section title="Required by" count={pkg.dependents.length}>
          <ul aria-label="Required by" className="flex flex-col gap-0.5 text-[13px]">
            {pkg.dependents.map((d) => {
              const entry = requirementFrom(d);
              return (
                <li key={d} className="flex items-baseline gap-2">
                  <PackageLink name={d} label={display(d)} onSelect={goTo} />
                  {entry && <code className="font-mono text-xs text-slate-600 dark:text-slate-300">{entry.specifier || "any version"}</code>}
                </li>
              );
            })}
          </ul>
        </Section>

        <Section title="Dependencies" count={pkg.dependencies.length}>
          {pkg.unknownDependencies && <p className="mb-1 text-xs text-amber-800 dark:text-amber-300">The index does not say what this release depends on (no metadata); it is treated as having none.</p>}
          {pkg.dependencies.length === 0 ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">None.</p>
          ) : (
            <ul aria-label="Dependencies" className="flex flex-col gap-0.5 text-[13px]">
              {pkg.dependencies.map((d) => {
                const target = byName.get(d.targets?.[0] ?? canonicalName(d.name));
                return (
                  <li key={`${d.name}${d.specifier}${d.marker ?? ""}`} className="flex flex-wrap items-baseline gap-x-2">
                    {target ? <PackageLink name={packageKey(target)} label={target.displayName} onSelect={goTo} /> : <span className="font-medium">{d.name}</span>}
                    {d.extras.length > 0 && <span className="text-xs text-violet-700 dark:text-violet-300">[{d.extras.join(",")}]</span>}
                    <code className="font-mono text-xs text-slate-600 dark:text-slate-300">{d.specifier || "any version"}</code>
                    {target && <span className="font-mono text-xs text-slate-400">→ {target.version}</span>}
                    {d.marker && <span className="text-[11px] text-amber-700 dark:text-amber-300">; {d.marker}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </Section>

        <WhatIf pkg={pkg} />
      </div>
    </aside>
  );
}

function WhatIf({ pkg }: { pkg: ResolvedPackageDto }) {
  const inputId = useId();
  const [spec, setSpec] = useState("");
  const listId = useId();
  const apply = (edit: () => void) => {
    edit();
    runResolution();
  };
  const pin = pinSpecifier(spec);
  return (
    <Section title="What if">
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (pin) apply(() => useSession.getState().setPin(pkg.name, pin));
        }}
      >
        <label htmlFor={inputId} className="text-xs text-slate-600 dark:text-slate-300">
          Version specifier for {pkg.displayName}
        </label>
        <div className="flex gap-1.5">
          <input
            id={inputId}
            list={listId}
            value={spec}
            onChange={(e) => setSpec(e.target.value)}
            placeholder={`e.g. ==${pkg.version} or <${pkg.version}`}
            spellCheck={false}
            className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 font-mono text-sm shadow-sm focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          />
          <datalist id={listId}>
            {pkg.rejectedNewer.map((r) => (
              <option key={r.version} value={`==${r.version}`} />
            ))}
            <option value={`<${pkg.version}`} />
          </datalist>
          <Button type="submit" variant="secondary" disabled={!pin}>
            Pin version
          </Button>
        </div>
        <div className="flex items-center justify-between gap-2">
          <p className="text-[11px] text-slate-500 dark:text-slate-400">Re-resolves and shows what changed.</p>
          <Button variant="danger" size="sm" onClick={() => apply(() => useSession.getState().exclude(pkg.name))}>
            Exclude package
          </Button>
        </div>
      </form>
    </Section>
  );
}
