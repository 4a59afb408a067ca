// The input feature: the requirements editor with its format (detected, or chosen), file opening and dropping, what the parser read, and the extras and groups to include.
import { useCallback, useMemo, useRef, useState } from "react";
import { useSession } from "../../stores/session";
import { useResolution } from "../../stores/resolution";
import { INPUT_FORMATS, formatOfFileName, type InputFormatName } from "../../stores/build-request";
import { resolver } from "../../resolver-client";
import { Button } from "../../components/button";
import { UploadIcon } from "../../components/icons";
import { RequirementsEditor } from "./requirements-editor";
import { ParsedLinesPanel } from "./parsed-lines-panel";
import { useParsedLines } from "./use-parsed-lines";
import { editorDiagnostics } from "./line-diagnostics";
import { useInputAnalysis } from "./use-input-analysis";
import { editorWorkerDiagnostics } from "./worker-diagnostics";
import { ExtrasGroupsPicker } from "./extras-groups-picker";
import { InputDiagnosticsList, InputReadingPanel } from "./input-reading-panel";

const ACCEPT = ".txt,.in,.toml,.cfg,.py,.lock,Pipfile,text/plain";

export function InputPanel() {
  const text = useSession((s) => s.requirementsText);
  const fileName = useSession((s) => s.fileName);
  const format = useSession((s) => s.format);
  const extras = useSession((s) => s.extras);
  const groups = useSession((s) => s.groups);
  const setFormat = useSession((s) => s.setFormat);
  const isRequirements = format === "requirements.txt";
  const { lines, pending, failure, parsedText } = useParsedLines(isRequirements ? text : null);
  const analysis = useInputAnalysis({ text, fileName, format, extras, groups });
  const resolved = useResolution((s) => s.current);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  // The worker's reading, when it is of the text and format on screen.
  const reading = analysis.set && analysis.analyzedText === text && analysis.set.format === format ? analysis.set : null;
  const resolverDiagnostics = useMemo(() => {
    const fromRun = resolved && resolved.request.input.text === text && resolved.request.input.format === format ? resolved.resolution.diagnostics : [];
    const fromReading = reading ? editorWorkerDiagnostics(reading.diagnostics, isRequirements ? (lines ?? []) : null) : [];
    return [...fromReading, ...fromRun];
  }, [resolved, text, format, reading, isRequirements, lines]);
  const diagnostics = useMemo(
    () => (parsedText !== null || !isRequirements ? editorDiagnostics(text, isRequirements ? (lines ?? []) : [], resolverDiagnostics) : []),
    [text, lines, parsedText, isRequirements, resolverDiagnostics],
  );
  // The last reading of this format lists the extras and groups (kept while a newer text is being read).
  const lastOfFormat = analysis.set && analysis.set.format === format ? analysis.set : null;
  const sniffed = isRequirements && analysis.analyzedText === text && analysis.sniffed && analysis.sniffed !== "requirements.txt" ? analysis.sniffed : null;
  const readingCounts = reading
    ? {
        requirements: reading.requirements.length,
        errors: reading.diagnostics.filter((d) => d.severity === "error").length,
        warnings: reading.diagnostics.filter((d) => d.severity === "warning").length,
      }
    : null;
  const counts = useMemo(() => {
    const all = lines ?? [];
    return { ok: all.filter((l) => l.kind === "requirement").length, errors: all.filter((l) => l.kind === "error").length };
  }, [lines]);

  const openFile = useCallback(async (file: File) => {
    setDragging(false);
    if (file.size > 2_000_000) {
      setFileError(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; Tangle reads dependency files up to 2 MB.`);
      return;
    }
    const content = await file.text();
    setFileError(null);
    // The name says the format at once; the worker then refines it from the content where the name cannot tell
    // (a .cfg that is a setup.cfg, a .toml that is a Pipfile, no extension at all).
    const session = useSession.getState();
    session.setFileName(file.name, formatOfFileName(file.name));
    session.setRequirementsText(content);
    try {
      const detected = (await resolver().analyzeInput({ text: content, fileName: file.name })).format;
      const now = useSession.getState();
      if (detected !== now.format && now.fileName === file.name && now.requirementsText === content) now.setFormat(detected);
    } catch {
      // The worker could not read it: the name's format stands, and reading it again reports what is wrong.
    }
  }, []);
  const runResolve = useCallback(() => useResolution.getState().run(), []);

  return (
    <section aria-labelledby="input-heading" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="input-heading" className="text-[13px] font-semibold tracking-wide text-slate-700 dark:text-slate-200">
          Requirements
        </h2>
        <div className="flex items-center gap-1.5">
          <label className="sr-only" htmlFor="input-format">
            Input format
          </label>
          <select
            id="input-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as InputFormatName)}
            className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
          >
            {INPUT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <Button size="sm" onClick={() => picker.current?.click()} title="Open a requirements.txt, pyproject.toml, setup.cfg, setup.py, Pipfile or buildout.cfg">
            <UploadIcon className="h-3.5 w-3.5" />
            Open file
          </Button>
          <input
            ref={picker}
            type="file"
            accept={ACCEPT}
            aria-label="Open a dependency file"
            className="hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
              e.target.value = "";
            }}
          />
        </div>
      </div>
      <div
        className="relative flex flex-col"
        onDragEnter={(e) => {
          if (e.dataTransfer.types.includes("Files")) setDragging(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={() => setDragging(false)}
      >
        <RequirementsEditor
          diagnostics={diagnostics}
          diagnosticsText={isRequirements ? parsedText : text}
          isRequirementsFormat={isRequirements}
          onResolve={runResolve}
          onFile={(file) => void openFile(file)}
        />
        {dragging && (
          <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg border-2 border-dashed border-teal-600 bg-teal-50/85 text-sm font-medium text-teal-800 dark:bg-teal-950/85 dark:text-teal-200">
            Drop a requirements.txt, pyproject.toml, setup.cfg, Pipfile… to open it
          </div>
        )}
      </div>
      {fileError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {fileError}
        </p>
      )}
      {sniffed && (
        <div className="flex items-center justify-between gap-2 rounded-lg border border-sky-200 bg-sky-50 py-1 pr-1 pl-3 text-xs text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100">
          <span>
            Looks like a <strong className="font-semibold">{sniffed}</strong>
          </span>
          <Button size="sm" onClick={() => setFormat(sniffed)}>
            Read it as {sniffed}
          </Button>
        </div>
      )}
      <div className="flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span role="status">
          {!isRequirements
            ? `${format} — read by the resolver${
                analysis.failure
                  ? ": it stopped unexpectedly"
                  : readingCounts
                    ? `: ${readingCounts.requirements} requirement${readingCounts.requirements === 1 ? "" : "s"}${readingCounts.errors ? ` · ${readingCounts.errors} error${readingCounts.errors === 1 ? "" : "s"}` : ""}${readingCounts.warnings ? ` · ${readingCounts.warnings} warning${readingCounts.warnings === 1 ? "" : "s"}` : ""}`
                    : "…"
              }`
            : failure
              ? "The parser stopped"
              : pending
                ? "Parsing…"
                : `${counts.ok} requirement${counts.ok === 1 ? "" : "s"}${counts.errors ? ` · ${counts.errors} error${counts.errors === 1 ? "" : "s"}` : ""}`}
        </span>
        <span className="shrink-0">saved in this browser</span>
      </div>
      <ExtrasGroupsPicker definedExtras={lastOfFormat?.extras ?? []} definedGroups={lastOfFormat?.groups ?? []} />
      {isRequirements && (
        <details open className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-600 select-none dark:text-slate-300">Parsed</summary>
          <div className="max-h-36 overflow-auto border-t border-slate-200 px-3 py-0.5 dark:border-slate-800">
            {failure ? (
              <p role="alert" className="py-3 text-sm text-red-700">
                The parser stopped unexpectedly: {failure}
              </p>
            ) : lines ? (
              <ParsedLinesPanel lines={lines} />
            ) : (
              <p className="py-3 text-sm text-slate-500">Starting the parser…</p>
            )}
          </div>
        </details>
      )}
      {!isRequirements && (
        <details open className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-600 select-none dark:text-slate-300">Read from {fileName}</summary>
          <div className="max-h-44 overflow-auto border-t border-slate-200 px-3 py-0.5 dark:border-slate-800">
            {analysis.failure ? (
              <p role="alert" className="py-3 text-sm text-red-700">
                The reader stopped unexpectedly: {analysis.failure}
              </p>
            ) : lastOfFormat ? (
              <InputReadingPanel set={lastOfFormat} />
            ) : (
              <p className="py-3 text-sm text-slate-500">Reading…</p>
            )}
          </div>
        </details>
      )}
      {reading && <InputDiagnosticsList diagnostics={isRequirements ? reading.diagnostics.filter((d) => d.severity !== "error") : reading.diagnostics} />}
    </section>
  );
}
