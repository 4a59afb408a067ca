// Reads the editor's text in the worker in its format (any of the six), debounced: requirements, the extras and groups it defines, located diagnostics.
import { useEffect, useMemo, useState } from "react";
import type { InputFormat, RequirementSet, ResolveRequest } from "../../../workers/api";
import { resolver } from "../../resolver-client";

export const ANALYZE_DEBOUNCE_MS = 150;

export interface InputAnalysis {
  /** The latest reading (possibly of an older text: compare `analyzedText`). */
  set: RequirementSet | null;
  /** The text `set` was read from, or null before the first reading. */
  analyzedText: string | null;
  /** True while the text on screen is newer than the reading. */
  pending: boolean;
  failure: string | null;
  /** What the text looks like by its content alone; asked only while it is read as requirements.txt. */
  sniffed: InputFormat | null;
}

interface Result {
  key: string;
  text: string;
  set: RequirementSet | null;
  failure: string | null;
  sniffed: InputFormat | null;
}

export function useInputAnalysis(input: ResolveRequest["input"]): InputAnalysis {
  const { text, fileName, format, extras, groups } = input;
  const key = useMemo(() => JSON.stringify([text, fileName, format, extras ?? [], groups ?? []]), [text, fileName, format, extras, groups]);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    let current = true;
    const [t, name, f, x, g] = JSON.parse(key) as [string, string | undefined, InputFormat | undefined, string[], string[]];
    const timer = setTimeout(() => {
      const api = resolver();
      const sniff = f === "requirements.txt" ? api.analyzeInput({ text: t }).then((s) => s.format) : Promise.resolve(null);
      Promise.all([api.analyzeInput({ text: t, fileName: name, format: f, extras: x, groups: g }), sniff]).then(
        ([set, sniffed]) => current && setResult({ key, text: t, set, failure: null, sniffed }),
        (error: unknown) => current && setResult({ key, text: t, set: null, failure: String(error), sniffed: null }),
      );
    }, ANALYZE_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return {
    set: result?.set ?? null,
    analyzedText: result?.text ?? null,
    pending: result?.key !== key,
    failure: result?.failure ?? null,
    sniffed: result?.sniffed ?? null,
  };
}
