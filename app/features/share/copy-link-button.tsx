// "Copy link": puts the session's permalink on the clipboard and says so; where the clipboard is refused, shows the link selected for copying by hand; a session too big for a link is said to be.
import { useEffect, useRef, useState } from "react";
import { Button } from "../../components/button";
import { CheckIcon, CloseIcon } from "../../components/icons";
import { currentLink } from "./session-link-sync";
import { SessionTooLargeForLink } from "./session-link";
import { LinkIcon } from "./share-icons";

const CONFIRMATION_MS = 2500;
/** Under the button on wide screens; across the screen below the header on narrow ones, where the button sits at the left and a popover anchored to its right edge would leave the screen. */
const POPOVER = "fixed inset-x-2 top-28 z-30 flex sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-1.5 sm:w-[min(26rem,calc(100vw-2rem))]";
const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function CopyLinkButton() {
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  useEffect(() => {
    if (manual !== null) field.current?.select();
  }, [manual]);

  const copy = async () => {
    let link: string;
    try {
      link = await currentLink();
    } catch (error) {
      if (!(error instanceof SessionTooLargeForLink)) throw error;
      setCopied(false);
      setManual(null);
      setTooBig(error.message);
      return;
    }
    setTooBig(null);
    const url = `${location.origin}${location.pathname}${location.search}#${link}`;
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setManual(null);
      setCopied(true);
    } catch {
      setCopied(false);
      setManual(url);
    }
  };

  return (
    <div className="relative">
      <Button size="sm" onClick={() => void copy()} title="Copy a link that reproduces this session: requirements, settings and resolution time">
        {copied ? <CheckIcon className="h-3.5 w-3.5 text-green-600 dark:text-green-400" /> : <LinkIcon className="h-3.5 w-3.5" />}
        {copied ? "Link copied" : "Copy link"}
      </Button>
      {copied && (
        <span role="status" className="sr-only">
          Link copied to the clipboard
        </span>
      )}
      {tooBig !== null && (
        <div
          role="alert"
          aria-label="No link for this session"
          className={`${POPOVER} items-start justify-between gap-2 rounded-lg border border-amber-200 bg-amber-50 p-2.5 text-xs text-amber-900 shadow-lg dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100`}
        >
          <p>{tooBig}</p>
          <button type="button" aria-label="Close" onClick={() => setTooBig(null)} className="rounded p-0.5 hover:bg-amber-100 dark:hover:bg-amber-900">
            <CloseIcon className="h-3.5 w-3.5" />
          </button>
        </div>
      )}
      {manual !== null && (
        <div
          role="group"
          aria-label="Copy the link by hand"
          className={`${POPOVER} flex-col gap-1.5 rounded-lg border border-slate-200 bg-white p-2.5 shadow-lg dark:border-slate-700 dark:bg-slate-900`}
        >
          <div className="flex items-start justify-between gap-2">
            <p className="text-xs text-slate-600 dark:text-slate-300">
              The browser did not let Tangle use the clipboard. The link is selected: press {IS_MAC ? "⌘C" : "Ctrl+C"} to copy it.
            </p>
            <button type="button" aria-label="Close" onClick={() => setManual(null)} className="rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white">
              <CloseIcon className="h-3.5 w-3.5" />
            </button>
          </div>
          <input
            ref={field}
            readOnly
            value={manual}
            aria-label="Link to this session"
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={(e) => {
              if (e.key === "Escape") setManual(null);
            }}
            className="h-8 w-full rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-[11px] text-slate-800 focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          />
        </div>
      )}
    </div>
  );
}
