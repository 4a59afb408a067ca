// The bar over a universal result: what it covers, and a picker that shows it in one environment without resolving again.
import { useEffect } from "react";
import type { UniversalScopeDto } from "../../../workers/api";
import { useView } from "../../stores/view";
import { useEnvironmentChoices } from "./use-shown-packages";

const OS_LABEL: Record<string, string> = { linux: "Linux", macos: "macOS", windows: "Windows" };

/** "Linux, macOS and Windows". */
function listed(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function EnvironmentPicker({ scope, shown, total }: { scope: UniversalScopeDto; shown: number; total: number }) {
  const choices = useEnvironmentChoices(scope);
  const environment = useView((s) => s.environment);
  const setEnvironment = useView((s) => s.setEnvironment);
  const selectedIndex = environment ? choices.findIndex((c) => JSON.stringify(c.target) === JSON.stringify(environment)) : -1;
  // A picked environment the new result does not cover (another Python range or platforms) falls back to all of them.
  useEffect(() => {
    if (environment && choices.length > 0 && selectedIndex < 0) setEnvironment(null);
  }, [environment, choices, selectedIndex, setEnvironment]);
  const forks = scope.forks.filter((f) => f !== "").length;
  return (
    <div role="region" aria-label="Universal resolution" className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-slate-200 px-3 py-2 text-xs dark:border-slate-800">
      <p className="min-w-0 basis-full text-slate-600 sm:flex-1 sm:basis-auto dark:text-slate-300">
        <span className="font-semibold text-slate-800 dark:text-slate-100">All platforms:</span> {listed([...scope.platforms.map((p) => OS_LABEL[p] ?? p), ...scope.otherSysPlatforms])}, Python{" "}
        <code className="font-mono">{scope.python}</code>
        {forks > 1 ? ` · split into ${forks} forks where requirements differ` : ""}
        {environment && selectedIndex >= 0 ? ` · ${shown} of ${total} packages installed here` : ""}
      </p>
      <label className="flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
        Show for
        <select
          className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          value={selectedIndex}
          onChange={(e) => {
            const i = Number(e.target.value);
            setEnvironment(i >= 0 ? (choices[i]?.target ?? null) : null);
          }}
        >
          <option value={-1}>every environment</option>
          {choices.map((c, i) => (
            <option key={c.label} value={i}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
