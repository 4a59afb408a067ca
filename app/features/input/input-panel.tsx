// The input feature: the requirements editor with its format (chosen, detected or switched to), file opening and dropping, what the reader read, and the extras and groups to include.
import { useCallback, useMemo, useRef, useState } from "react";
import { useSession } from "../../stores/session";
import { useResolution } from "../../stores/resolution";
import { runResolution } from "../../resolution-run";
import { RequirementsEditor } from "./requirements-editor";
import { ParsedLinesPanel } from "./parsed-lines-panel";
import { editorDiagnostics } from "./line-diagnostics";
import { editorWorkerDiagnostics } from "./worker-diagnostics";
import { ExtrasGroupsPicker } from "./extras-groups-picker";
import { InputDiagnosticsList, InputReadingPanel } from "./input-reading-panel";
import { ACCEPT, InputToolbar } from "./input-toolbar";
import { ProjectFilesPanel } from "./project-files-panel";
import { FormatNotice } from "./format-notice";
import { ReadingStatus } from "./reading-status";
import { useInputReading } from "./use-input-reading";
import { useFormatSwitch } from "./use-format-switch";
import { useKeepDefinedChoices } from "./use-keep-defined-choices";
import { useFileOpening } from "./use-file-opening";

export function InputPanel() {
  const text = useSession((s) => s.requirementsText);
  const fileName = useSession((s) => s.fileName);
  const format = useSession((s) => s.format);
  const extras = useSession((s) => s.extras);
  const groups = useSession((s) => s.groups);
  const projectFiles = useSession((s) => s.projectFiles);
  const isRequirements = format === "requirements.txt";
  const { reading: latest, readText, pending, failure } = useInputReading({ text, fileName, format, files: projectFiles, extras, groups });
  const resolved = useResolution((s) => s.current);
  const { openFiles, addFiles, fileError } = useFileOpening();
  const [dragging, setDragging] = useState(false);
  const addPicker = useRef<HTMLInputElement>(null);
  const onAddFile = useCallback(() => addPicker.current?.click(), []);

  // The worker's reading, when it is of the text and format on screen; the last one of this format lists the extras
  // and groups (kept while a newer text is being read).
  const reading = latest && readText === text && latest.set.format === format ? latest : null;
  const lastOfFormat = latest && latest.set.format === format ? latest : null;
  const lines = reading?.lines ?? null;
  useKeepDefinedChoices(reading);
  const { offer, switchedFrom, chooseFormat } = useFormatSwitch(reading, text);

  const diagnostics = useMemo(() => {
    if (!reading) return [];
    const fromRun = resolved && resolved.request.input.text === text && resolved.request.input.format === format ? resolved.resolution.diagnostics : [];
    return editorDiagnostics(text, lines ?? [], [...editorWorkerDiagnostics(reading.set.diagnostics, lines), ...fromRun]);
  }, [reading, lines, resolved, text, format]);
  // Diagnostics about no line of the text (an extra asked for that the file does not define) are listed, never put on line 1.
  const listed = reading ? reading.set.diagnostics.filter((d) => (isRequirements ? d.severity !== "error" || d.line < 1 : true)) : [];
  const runResolve = useCallback(() => runResolution(), []);
  const open = useCallback(
    (files: File[]) => {
      setDragging(false);
      void openFiles(files);
    },
    [openFiles],
  );

  return (
    <section aria-labelledby="input-heading" className="flex flex-col gap-2">
      <InputToolbar format={format} onFormat={chooseFormat} onFiles={open} />
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
        <RequirementsEditor diagnostics={diagnostics} diagnosticsText={reading ? text : null} isRequirementsFormat={isRequirements} onResolve={runResolve} onFiles={open} />
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
      <FormatNotice offer={offer} switchedFrom={switchedFrom} onFormat={chooseFormat} />
      <ProjectFilesPanel onAddFile={onAddFile} />
      <input
        ref={addPicker}
        type="file"
        accept={ACCEPT}
        multiple
        aria-label="Add a file to the project"
        className="hidden"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length > 0) void addFiles(files);
          e.target.value = "";
        }}
      />
      <ReadingStatus format={format} reading={lastOfFormat} pending={pending} failure={failure} />
      <ExtrasGroupsPicker definedExtras={lastOfFormat?.set.extras ?? []} definedGroups={lastOfFormat?.set.groups ?? []} />
      <details open className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-600 select-none dark:text-slate-300">
          {isRequirements ? "Parsed" : `Read from ${fileName}`}
        </summary>
        <div className="max-h-44 overflow-auto border-t border-slate-200 px-3 py-0.5 dark:border-slate-800">
          {failure ? (
            <p role="alert" className="py-3 text-sm text-red-700">
              The reader stopped unexpectedly: {failure}
            </p>
          ) : !lastOfFormat ? (
            <p className="py-3 text-sm text-slate-500">Reading…</p>
          ) : lastOfFormat.lines ? (
            <ParsedLinesPanel lines={lastOfFormat.lines} />
          ) : (
            <InputReadingPanel set={lastOfFormat.set} />
          )}
        </div>
      </details>
      {reading && <InputDiagnosticsList diagnostics={listed} onAddFile={onAddFile} />}
    </section>
  );
}
