// The lock card: open or drop a lock with its pyproject.toml (or Pipfile), see what it holds for the target, ask to upgrade one package or all, or compare it with another lock.
import { useEffect, useRef, useState } from "react";
import { Button } from "../../components/button";
import { UploadIcon } from "../../components/icons";
import { useComparison } from "../../stores/comparison";
import { useSession } from "../../stores/session";
import { useView } from "../../stores/view";
import { useLock } from "./lock-store";

const ACCEPT = ".lock,.toml,.txt,.json,Pipfile,*";

export function LockPanel() {
  const { fileName, projectFile, lock, packages, busy, error, open, upgrade, pending } = useLock();
  const selected = useView((s) => s.selected);
  const picker = useRef<HTMLInputElement>(null);
  const comparePicker = useRef<HTMLInputElement>(null);
  const { compare, compareTexts, comparison } = useLock();
  // A permalink's comparison: open its old side as the lock and compare it with the new side.
  const requested = useComparison((s) => s.requested);
  useEffect(() => {
    if (!requested) return;
    const sides = useComparison.getState().takeRequest();
    if (sides) void compareTexts(sides.old, sides.new);
  }, [requested, compareTexts]);
  const [dragging, setDragging] = useState(false);
  const selectedLocked = selected !== null && packages.some((p) => p.name === selected);
  const targetKey = useSession((s) => `${s.settings.pythonVersion} ${s.settings.os} ${s.settings.arch}`);
  const reread = useLock((s) => s.reread);
  // A lock's forks and markers depend on the target: read it again when the target changes.
  const lastTarget = useRef(targetKey);
  useEffect(() => {
    if (lastTarget.current === targetKey) return;
    lastTarget.current = targetKey;
    void reread();
  }, [targetKey, reread]);

  return (
    <section aria-labelledby="lock-heading" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="lock-heading" className="text-[13px] font-semibold tracking-wide text-slate-700 dark:text-slate-200">
          Lock file
        </h2>
        <Button size="sm" onClick={() => picker.current?.click()} title="Open a lock file, with its pyproject.toml or Pipfile">
          <UploadIcon className="h-3.5 w-3.5" />
          Open lock
        </Button>
        <input
          ref={picker}
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Open a lock file and its project file"
          className="hidden"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length > 0) void open(files);
            e.target.value = "";
          }}
        />
      </div>
      <div
        data-testid="lock-drop-zone"
        onDragEnter={(e) => {
          if (e.dataTransfer.types.includes("Files")) setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void open([...e.dataTransfer.files]);
        }}
        className={`rounded-lg border border-dashed px-3 py-2 text-xs ${
          dragging ? "border-teal-600 bg-teal-50 text-teal-800 dark:bg-teal-950 dark:text-teal-200" : "border-slate-300 text-slate-500 dark:border-slate-600 dark:text-slate-400"
        }`}
      >
        {lock ? (
          <div className="flex flex-col gap-1 text-slate-700 dark:text-slate-200">
            <p>
              <span className="font-medium">{fileName}</span>
              {fileName !== lock.format ? ` (${lock.format})` : ""}
              {lock.formatVersion ? ` · version ${lock.formatVersion}` : ""} · {packages.length} packages for this target
              {projectFile ? ` · direct requirements from ${projectFile}` : lock.rootsKnown ? "" : " · direct requirements guessed"}
            </p>
            {lock.environments.length > 0 && (
              <p data-testid="lock-environment">
                {lock.environments.length} environments in the lock; showing{" "}
                <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{lock.environment ?? "none matches the target"}</code> (change the target in Settings)
              </p>
            )}
            {lock.check && (
              <p data-testid="lock-check" className={lock.check.missing.length + lock.check.outOfRange.length > 0 ? "text-amber-700 dark:text-amber-300" : ""}>
                {lock.check.missing.length + lock.check.outOfRange.length === 0
                  ? `The lock satisfies ${projectFile ?? "the project"}.`
                  : `Out of date: ${[...lock.check.missing.map((m) => `missing ${m}`), ...lock.check.outOfRange.map((o) => `out of range ${o}`)].join("; ")}`}
              </p>
            )}
            {lock.warnings.map((w) => (
              <p key={w} className="text-slate-500 dark:text-slate-400">
                {w}
              </p>
            ))}
          </div>
        ) : (
          <p>Drop a lock file here with its pyproject.toml or Pipfile: poetry.lock, uv.lock, Pipfile.lock, pylock.toml, pip-compile output, pip freeze, pip&apos;s --report.</p>
        )}
      </div>
      {lock && (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" disabled={!selectedLocked || busy !== null || pending !== null || comparison !== null} onClick={() => selected && void upgrade(selected)} title="Let the selected package move to its best version; every other locked version is kept unless a requirement forbids it">
            {selectedLocked ? `Upgrade ${selected}` : "Upgrade (select a package)"}
          </Button>
          <Button size="sm" disabled={busy !== null || pending !== null || comparison !== null} onClick={() => void upgrade(null)} title="Let every package move to its best version">
            Upgrade all
          </Button>
          <Button
            size="sm"
            disabled={busy !== null || pending !== null || comparison !== null}
            onClick={() => comparePicker.current?.click()}
            title="Open another lock of this project (a newer one, another branch's) and see what moved, drawn on the graph"
          >
            Compare with…
          </Button>
          <input
            ref={comparePicker}
            type="file"
            accept={ACCEPT}
            aria-label="Open a lock file to compare with"
            className="hidden"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length > 0) void compare(files);
              e.target.value = "";
            }}
          />
        </div>
      )}
      {busy && (
        <p role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs whitespace-pre-wrap text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
