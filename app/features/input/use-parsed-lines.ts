// Parses the editor's text in the worker, debounced, so typing never waits on the parser.
import { useEffect, useState } from "react";
import type { ParsedLine } from "../../../workers/api";
import { resolver } from "../../resolver-client";

export const PARSE_DEBOUNCE_MS = 150;

export interface ParsedLinesState {
  lines: ParsedLine[] | null;
  /** The text the lines were parsed from (null before the first result). */
  parsedText: string | null;
  /** True while the text on screen is newer than the parse result. */
  pending: boolean;
  failure: string | null;
}

/** `text` null: nothing to parse (the input is not requirements.txt). */
export function useParsedLines(text: string | null): ParsedLinesState {
  const [result, setResult] = useState<{ text: string | null; lines: ParsedLine[] | null; failure: string | null }>({
    text: null,
    lines: null,
    failure: null,
  });
  useEffect(() => {
    if (text === null) return;
    let current = true;
    const timer = setTimeout(() => {
      resolver()
        .parseLines(text)
        .then(
          (lines) => current && setResult({ text, lines, failure: null }),
          (error: unknown) => current && setResult({ text, lines: null, failure: String(error) }),
        );
    }, PARSE_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { lines: result.lines, parsedText: result.text, pending: result.text !== text, failure: result.failure };
}
