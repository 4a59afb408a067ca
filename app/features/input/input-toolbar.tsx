// The input's heading row: the format the text is read as, and "Open file" (one file replaces the text; several open as one project).
import { useRef } from "react";
import type { InputFormat } from "../../../workers/api";
import { INPUT_FORMATS } from "../../../workers/api-input-format";
import { Button } from "../../components/button";
import { UploadIcon } from "../../components/icons";

export const ACCEPT = ".txt,.in,.toml,.cfg,.py,.lock,Pipfile,text/plain";

export function InputToolbar({ format, onFormat, onFiles }: { format: InputFormat; onFormat: (format: InputFormat) => void; onFiles: (files: File[]) => void }) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
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
          onChange={(e) => onFormat(e.target.value as InputFormat)}
          className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
        >
          {INPUT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={() => picker.current?.click()} title="Open a requirements.txt, pyproject.toml, setup.cfg, setup.py, Pipfile or buildout.cfg (several at once: a project and the files it includes)">
          <UploadIcon className="h-3.5 w-3.5" />
          Open file
        </Button>
        <input
          ref={picker}
          type="file"
          accept={ACCEPT}
          multiple
          aria-label="Open a dependency file"
          className="hidden"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length > 0) onFiles(files);
            e.target.value = "";
          }}
        />
      </div>
    </div>
  );
}
