// Opening a dependency file (picker or drop): size check, its text into the editor, its format from the name and then from the worker's look at the content.
import { useCallback, useState } from "react";
import { useSession } from "../../stores/session";
import { formatOfFileName } from "../../stores/build-request";
import { resolver } from "../../resolver-client";

/** Dependency files are small; anything bigger is almost certainly the wrong file. */
export const MAX_FILE_BYTES = 2_000_000;

export interface FileOpening {
  openFile: (file: File) => Promise<void>;
  /** Why the last file was refused, or null. */
  fileError: string | null;
}

export function useFileOpening(): FileOpening {
  const [fileError, setFileError] = useState<string | null>(null);
  const openFile = useCallback(async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; Tangle reads dependency files up to ${MAX_FILE_BYTES / 1e6} MB.`);
      return;
    }
    const content = await file.text();
    setFileError(null);
    // The worker decides the format from the name and, where the name cannot tell (a .cfg that is a setup.cfg, a
    // .toml that is a Pipfile, no extension at all), from the content; if it cannot, the name's format stands.
    const format = await resolver()
      .readInput({ text: content, fileName: file.name })
      .then((reading) => reading.set.format, () => formatOfFileName(file.name));
    const session = useSession.getState();
    session.setFileName(file.name, format);
    session.setRequirementsText(content);
  }, []);
  return { openFile, fileError };
}
