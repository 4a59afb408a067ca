// What the result area shows before anything was resolved: what Tangle does, and examples that run offline.
import { snapshotIndexUrl, useSession } from "../../stores/session";
import { runResolution } from "../../resolution-run";
import { useView } from "../../stores/view";
import { GraphIcon } from "../../components/icons";
import { EXAMPLES, type Example } from "./examples";

function tryExample(example: Example): void {
  const session = useSession.getState();
  session.setFileName("requirements.txt");
  session.setRequirementsText(example.text);
  session.updateSettings({ indexUrl: snapshotIndexUrl() });
  session.clearWhatIf();
  useView.getState().reset();
  runResolution();
}

export function ExampleButtons({ compact = false }: { compact?: boolean }) {
  return (
    <ul className={`flex ${compact ? "flex-wrap gap-2" : "flex-col gap-2"}`}>
      {EXAMPLES.map((example) => (
        <li key={example.id}>
          <button
            type="button"
            onClick={() => tryExample(example)}
            className="group flex w-full flex-col items-start rounded-lg border border-slate-200 bg-white px-3 py-2 text-left shadow-sm transition-colors hover:border-teal-500 hover:bg-teal-50/50 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-700 dark:bg-slate-800/60 dark:hover:border-teal-500 dark:hover:bg-teal-950/30"
          >
            <span className="text-sm font-medium text-slate-900 dark:text-slate-100">Try: {example.title}</span>
            {!compact && <span className="text-xs text-slate-500 dark:text-slate-400">{example.description}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function EmptyState() {
  return (
    <div className="flex min-h-[24rem] flex-1 items-center justify-center rounded-xl border border-dashed border-slate-300 bg-white/60 p-8 dark:border-slate-700 dark:bg-slate-900/40">
      <div className="flex max-w-md flex-col items-center text-center">
        <div className="mb-3 rounded-2xl bg-teal-50 p-3 text-teal-700 dark:bg-teal-950/60 dark:text-teal-300">
          <GraphIcon className="h-8 w-8" />
        </div>
        <h2 className="text-base font-semibold text-slate-900 dark:text-white">Resolve to see the dependency graph</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Tangle finds the versions pip would install for your target, draws who needs what, and explains conflicts. Press{" "}
          <kbd className="rounded border border-slate-300 px-1 text-xs dark:border-slate-600">Ctrl+Enter</kbd> or pick an example — examples use the offline PyPI snapshot.
        </p>
        <div className="mt-5 w-full">
          <ExampleButtons />
        </div>
      </div>
    </div>
  );
}
