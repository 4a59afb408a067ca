// Opening dependency files (picker or drop): one file replaces the editor's text; several are one project (the main file in the editor, the rest beside it); "Add file" adds to the project.
import { useCallback, useState } from "react";
import type { InputFormat } from "../../../workers/api";
import { useSession } from "../../stores/session";
import { detectFormat } from "../../../workers/api-input-format";
import { resolver } from "../../resolver-client";

/** Dependency files are small; anything bigger is almost certainly the wrong file. */
export const MAX_FILE_BYTES = 2_000_000;

export interface FileOpening {
  /** Opens files as a project: the main one into the editor, the others as its companions (replacing the old ones). */
  openFiles: (files: readonly File[]) => Promise<void>;
  /** Adds files to the open project without touching the editor. */
  addFiles: (files: readonly File[]) => Promise<void>;
  /** Why the last file was refused, or null. */
  fileError: string | null;
}

interface ReadFile {
  name: string;
  text: string;
  format: InputFormat;
  /** Groups its tool installs by default (Poetry's non-optional groups): ticked when it opens. */
  defaultGroups: string[];
}

/** The file a project is read from: a project file (pyproject.toml, setup.cfg, ...) over requirements files, requirements.txt/.in over other .txt. */
export function mainFileIndex(files: readonly { name: string; format: InputFormat }[]): number {
  const project = files.findIndex((f) => f.format !== "requirements.txt");
  if (project >= 0) return project;
  const requirements = files.findIndex((f) => /^requirements\.(txt|in)$/i.test(f.name));
  return requirements >= 0 ? requirements : 0;
}

export function useFileOpening(): FileOpening {
  const [fileError, setFileError] = useState<string | null>(null);

  const read = useCallback(async (files: readonly File[]): Promise<ReadFile[] | null> => {
    const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
    if (tooBig) {
      setFileError(`${tooBig.name} is ${(tooBig.size / 1e6).toFixed(1)} MB; Tangle reads dependency files up to ${MAX_FILE_BYTES / 1e6} MB.`);
      return null;
    }
    setFileError(null);
    return Promise.all(
      files.map(async (file) => {
        const text = await file.text();
        // The format comes from the name and, where the name cannot tell (a .cfg that is a setup.cfg, a .toml that is a
        // Pipfile, no extension at all), from the content; the worker reads the file for its default groups too, and
        // should it fail, the same detector decides here.
        const { format, defaultGroups } = await resolver()
          .readInput({ text, fileName: file.name })
          .then(
            (reading) => ({ format: reading.set.format, defaultGroups: reading.set.defaultGroups ?? [] }),
            () => ({ format: detectFormat(text, file.name), defaultGroups: [] }),
          );
        return { name: file.name, text, format, defaultGroups };
      }),
    );
  }, []);

  const openFiles = useCallback(
    async (files: readonly File[]) => {
      const read_ = await read(files);
      if (!read_ || read_.length === 0) return;
      const main = read_[mainFileIndex(read_)];
      const companions = Object.fromEntries(read_.filter((f) => f !== main).map((f) => [f.name, f.text]));
      useSession.getState().openProject({ fileName: main.name, format: main.format, text: main.text, groups: main.defaultGroups }, companions);
    },
    [read],
  );

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      const read_ = await read(files);
      if (!read_ || read_.length === 0) return;
      useSession.getState().addProjectFiles(Object.fromEntries(read_.map((f) => [f.name, f.text])));
    },
    [read],
  );

  return { openFiles, addFiles, fileError };
}
