// Asks before a link's unfamiliar package index gets a single request: use it, or use pypi.org instead.
import { useEffect, useId, useRef } from "react";
import { PYPI_SIMPLE_URL } from "../../stores/session";
import { Button, buttonClass } from "../../components/button";
import { useShare } from "./share-state";
import { indexHost } from "./link-session";
import { ShieldIcon } from "./share-icons";

export function IndexQuestionDialog() {
  const question = useShare((s) => s.indexQuestion);
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (question && !element.open) {
      element.showModal();
      safe.current?.focus();
    } else if (!question && element.open) {
      element.close();
    }
  }, [question]);

  const host = question ? indexHost(question.url) : "";
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        // Escape takes the safe answer.
        e.preventDefault();
        question?.answer("pypi");
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {question && (
        <div className="flex flex-col gap-3 p-5">
          <div className="flex items-start gap-3">
            <div className="rounded-full bg-amber-100 p-2 text-amber-800 dark:bg-amber-950 dark:text-amber-300">
              <ShieldIcon className="h-5 w-5" />
            </div>
            <div className="min-w-0">
              <h2 id={titleId} className="text-base font-semibold">
                This link uses another package index
              </h2>
              <div id={bodyId} className="mt-1 flex flex-col gap-2 text-sm text-slate-600 dark:text-slate-300">
                <p>
                  It asks Tangle to resolve against <strong className="font-semibold text-slate-900 dark:text-white">{host}</strong>:
                </p>
                <p className="rounded-md bg-slate-100 px-2 py-1 font-mono text-xs break-all text-slate-800 dark:bg-slate-800 dark:text-slate-200">{question.url}</p>
                <p>
                  Your browser would send that server the names of the packages in this session. Nothing has been sent to it yet. Use it only if you know and trust it.
                </p>
              </div>
            </div>
          </div>
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <Button onClick={() => question.answer("use")}>Use {host}</Button>
            <button ref={safe} type="button" className={buttonClass("primary")} onClick={() => question.answer("pypi")} title={PYPI_SIMPLE_URL}>
              Use pypi.org instead
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
