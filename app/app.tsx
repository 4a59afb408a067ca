// The page layout: header, then the features in reading order.
import { InputPanel } from "./features/input/input-panel";

export function App() {
  return (
    <div className="flex min-h-screen flex-col bg-slate-100 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-6 py-3">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          <div>
            <h1 className="text-lg font-semibold leading-tight">Tangle</h1>
            <p className="text-xs text-slate-500 dark:text-slate-400">Untangle Python dependencies — resolved in your browser, explained in words</p>
          </div>
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-6 py-6">
        <InputPanel />
      </main>
    </div>
  );
}
