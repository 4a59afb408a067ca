// What the page says about an opened link: that it could not be read (and what was kept), which fields were damaged, and that it reproduces an earlier resolution.
import type { ReactNode } from "react";
import { useSession } from "../../stores/session";
import { useResolution } from "../../stores/resolution";
import { useResultIsStale } from "../../hooks/use-result-is-stale";
import { Button } from "../../components/button";
import { AlertIcon, CloseIcon } from "../../components/icons";
import { useShare } from "./share-state";
import { describeInstant } from "./link-session";
import { resolveAgainstToday } from "./session-link-sync";
import { ClockIcon, LinkIcon } from "./share-icons";

const TONES = {
  red: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100",
  amber: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100",
  sky: "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100",
  slate: "border-slate-200 bg-white text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100",
};

function Notice({
  tone,
  icon,
  title,
  children,
  onDismiss,
  action,
  role,
  label,
}: {
  tone: keyof typeof TONES;
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  onDismiss?: () => void;
  /** A button beside the text (it wraps below on narrow screens). */
  action?: ReactNode;
  role: "alert" | "region";
  label: string;
}) {
  return (
    <div role={role} aria-label={label} className={`flex flex-wrap items-start gap-x-3 gap-y-2 rounded-xl border p-3 shadow-sm ${TONES[tone]}`}>
      <div className="mt-0.5 shrink-0">{icon}</div>
      <div className="min-w-0 flex-1 basis-64">
        <p className="text-sm font-semibold">{title}</p>
        {children}
      </div>
      {action && <div className="shrink-0 self-center">{action}</div>}
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label={`Dismiss: ${label}`} className="-m-1 self-start rounded-md p-1 opacity-70 hover:bg-black/5 hover:opacity-100 dark:hover:bg-white/10">
          <CloseIcon className="h-4 w-4" />
        </button>
      )}
    </div>
  );
}

function LinkErrorNotice() {
  const error = useShare((s) => s.linkError);
  const dismiss = useShare((s) => s.showLinkError);
  if (!error) return null;
  const putBack = () => {
    if (error.replacedText !== null) useSession.getState().setRequirementsText(error.replacedText);
    dismiss(null);
  };
  return (
    <Notice tone="red" role="alert" label="Link error" icon={<AlertIcon className="h-5 w-5" />} title="This link could not be opened completely" onDismiss={() => dismiss(null)}>
      <p className="mt-1 text-sm">{error.message}</p>
      <p className="mt-1 text-xs opacity-90">
        {error.replacedText !== null
          ? "The requirements it held are now in the editor; the other settings are yours, unchanged."
          : error.recoveredText
            ? "It held the requirements you already have; your settings are unchanged."
            : "Your requirements and settings were kept as they were."}
      </p>
      {error.replacedText !== null && (
        <div className="mt-2">
          <Button size="sm" onClick={putBack}>
            Put back my previous requirements
          </Button>
        </div>
      )}
    </Notice>
  );
}

function LinkProblemsNotice() {
  const problems = useShare((s) => s.problems);
  const setProblems = useShare((s) => s.setProblems);
  if (problems.length === 0) return null;
  return (
    <Notice tone="amber" role="alert" label="Link problems" icon={<AlertIcon className="h-5 w-5" />} title="Parts of this link could not be read" onDismiss={() => setProblems([])}>
      <ul className="mt-1 list-disc pl-4 text-sm">
        {problems.map((p) => (
          <li key={p}>{p[0].toUpperCase() + p.slice(1)}.</li>
        ))}
      </ul>
      <p className="mt-1 text-xs opacity-90">Everything else in the link was restored.</p>
    </Notice>
  );
}

function ReplacedNotice() {
  const replaced = useShare((s) => s.replaced);
  const setReplaced = useShare((s) => s.setReplaced);
  if (!replaced) return null;
  const bringBack = () => {
    useSession.setState({ ...replaced });
    setReplaced(null);
  };
  const lines = replaced.requirementsText.split("\n").filter((l) => l.trim() !== "");
  const firstLine = lines.find((l) => !l.trim().startsWith("#")) ?? lines[0] ?? "";
  return (
    <Notice
      tone="slate"
      role="region"
      label="Replaced session"
      icon={<LinkIcon className="h-5 w-5 text-teal-700 dark:text-teal-400" />}
      title="The link's session replaced the one you had in this browser"
      onDismiss={() => setReplaced(null)}
      action={
        <Button size="sm" onClick={bringBack}>
          Bring back my previous session
        </Button>
      }
    >
      <p className="mt-0.5 truncate text-xs text-slate-500 dark:text-slate-400">
        {replaced.fileName}: <code className="font-mono">{firstLine}</code>
        {lines.length > 1 ? " …" : ""}
      </p>
    </Notice>
  );
}

function ReproduceNotice() {
  const reproduceAt = useSession((s) => s.reproduceAt);
  const running = useResolution((s) => s.running !== null);
  const linkError = useShare((s) => s.linkError);
  const edited = useResultIsStale();
  const shown = useResolution((s) => s.current?.request.excludeNewer ?? null);
  // Never beside "this link could not be read": one account of the link at a time.
  if (!reproduceAt || linkError) return null;
  // The result on screen is the link's own only while nothing was changed since it was resolved.
  const reproduces = !edited && shown !== null && !running;
  return (
    <Notice
      tone="sky"
      role="region"
      label="Reproduced resolution"
      icon={<ClockIcon className="h-5 w-5" />}
      title={
        reproduces
          ? `This link reproduces a resolution from ${describeInstant(reproduceAt)}`
          : `Resolving against the index as it was on ${describeInstant(reproduceAt)}, as the link you opened did`
      }
      action={
        <Button size="sm" onClick={resolveAgainstToday} disabled={running}>
          Re-resolve against today&apos;s index
        </Button>
      }
    >
      <p className="mt-0.5 text-xs opacity-90">Files uploaded to the index after that moment are ignored, so the same versions come back whenever the link is opened.</p>
    </Notice>
  );
}

export function LinkNotices() {
  return (
    <>
      <LinkErrorNotice />
      <LinkProblemsNotice />
      <ReplacedNotice />
      <ReproduceNotice />
    </>
  );
}
