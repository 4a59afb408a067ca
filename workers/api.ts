// The resolver worker's API type and the plain-data DTOs that cross the Comlink boundary.

/** One line of the requirements editor, as the worker's parser understood it. */
export type ParsedLine =
  | { line: number; kind: "blank"; text: string }
  | { line: number; kind: "comment"; text: string }
  | { line: number; kind: "option"; text: string; option: string }
  | {
      line: number;
      kind: "requirement";
      text: string;
      name: string;
      canonicalName: string;
      extras: string[];
      specifier: string;
      marker: string | null;
      url: string | null;
    }
  | { line: number; kind: "error"; text: string; column: number; message: string };

/** The object the worker exposes; app/resolver-client.ts is the only place that wraps it. */
export interface ResolverApi {
  /** Parses each line of a requirements text, keeping errors with their 1-based column. */
  parseLines(text: string): ParsedLine[];
}
