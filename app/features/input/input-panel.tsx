// The input feature: the requirements editor with its format, file opening and dropping, and the parser's line-by-line reading.
import { useCallback, useMemo, useRef, useState } from "react";
import { useSession } from "../../stores/session";
import { useResolution } from "../../stores/resolution";
import { INPUT_FORMATS, formatOfFileName } from "../../stores/build-request";
import { Button } from "../../components/button";
import { UploadIcon } from "../../components/icons";
import { RequirementsEditor } from "./requirements-editor";
import { ParsedLinesPanel } from "./parsed-lines-panel";
import { useParsedLines } from "./use-parsed-lines";
import { editorDiagnostics } from "./line-diagnostics";

const ACCEPT = ".txt,.in,.toml,.cfg,.py,.lock,Pipfile,text/plain";

export function InputPanel() {
  const text = useSession((s) => s.requirementsText);
  const fileName = useSession((s) => s.fileName);
  const setFileName = useSession((s) => s.setFileName);
  const format = formatOfFileName(fileName);
  const isRequirements = format === "requirements.txt";
  const { lines, pending, failure, parsedText } = useParsedLines(isRequirements ? text : null);
  const resolved = useResolution((s) => s.current);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const resolverDiagnostics = useMemo(
    () => (resolved && resolved.request.input.text === text ? resolved.resolution.diagnostics : []),
    [resolved, text],
  );
  const diagnostics = useMemo(
    () => (parsedText !== null || !isRequirements ? editorDiagnostics(text, isRequirements ? (lines ?? []) : [], resolverDiagnostics) : []),
    [text, lines, parsedText, isRequirements, resolverDiagnostics],
  );
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
    const session = useSession.getState();
    session.setFileName(file.name);
    session.setRequirementsText(content);
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
            onChange={(e) => setFileName(e.target.value)}
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
      <div className="flex items-center justify-between text-xs text-slate-500 dark:text-slate-400">
        <span role="status">
          {!isRequirements
            ? `${format} — read by the resolver when you resolve`
            : failure
              ? "The parser stopped"
              : pending
                ? "Parsing…"
                : `${counts.ok} requirement${counts.ok === 1 ? "" : "s"}${counts.errors ? ` · ${counts.errors} error${counts.errors === 1 ? "" : "s"}` : ""}`}
        </span>
        <span>saved in this browser</span>
      </div>
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
    </section>
  );
}
