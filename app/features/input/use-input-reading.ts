// Reads the editor's text in the worker once per edit (debounced): the requirement set in its format, what the content looks like, the per-line view.
import { useEffect, useMemo, useState } from "react";
import type { InputReading, ResolveRequest } from "../../../workers/api";
import { resolver } from "../../resolver-client";

export const READ_DEBOUNCE_MS = 150;

export interface InputReadingState {
  /** The latest reading (possibly of an older text or format: compare `readText` and `reading.set.format`). */
  reading: InputReading | null;
  /** The text `reading` was read from, or null before the first reading. */
  readText: string | null;
  /** True while the input on screen is newer than the reading. */
  pending: boolean;
  failure: string | null;
}

interface Result {
  key: string;
  text: string;
  reading: InputReading | null;
  failure: string | null;
}

export function useInputReading(input: ResolveRequest["input"]): InputReadingState {
  const { text, fileName, format, files, extras, groups } = input;
  const key = useMemo(() => JSON.stringify([text, fileName, format, extras ?? [], groups ?? [], files ?? {}]), [text, fileName, format, extras, groups, files]);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const [t, name, f, x, g, others] = JSON.parse(key) as [string, string | undefined, ResolveRequest["input"]["format"], string[], string[], Record<string, string>];
      resolver()
        .readInput({ text: t, fileName: name, format: f, extras: x, groups: g, files: others })
        .then(
          (reading) => current && setResult({ key, text: t, reading, failure: null }),
          (error: unknown) => current && setResult({ key, text: t, reading: null, failure: String(error) }),
        );
    }, READ_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return { reading: result?.reading ?? null, readText: result?.text ?? null, pending: result?.key !== key, failure: result?.failure ?? null };
}
