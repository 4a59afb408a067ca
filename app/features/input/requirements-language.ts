// Syntax colouring for the editor: a small streaming tokenizer for requirements.txt lines and one for TOML/INI-style files.
import { StreamLanguage, type StringStream } from "@codemirror/language";

type Phase = "name" | "afterName" | "extras" | "marker" | "url" | "option";
interface RequirementsState {
  phase: Phase;
}

const OPERATOR = /^(===|==|~=|!=|<=|>=|<|>)/;

/** Colours one token of a requirements.txt line: name, extras, specifiers, `; markers`, `@ url`, `-r`/`--hash` options, comments. */
export function requirementsToken(stream: StringStream, state: RequirementsState): string | null {
  if (stream.sol()) state.phase = "name";
  if (stream.eatSpace()) return null;
  const atWordStart = stream.pos === 0 || /\s/.test(stream.string[stream.pos - 1]);
  if (stream.peek() === "#" && atWordStart) {
    stream.skipToEnd();
    return "comment";
  }
  if (atWordStart && stream.match(/^--?[A-Za-z][\w-]*=?/)) {
    if (stream.current().endsWith("=")) stream.match(/^\S*/);
    else if (state.phase === "name") state.phase = "option";
    return "meta";
  }
  switch (state.phase) {
    case "option":
      stream.match(/^\S+/);
      return "string";
    case "name":
      if (stream.match(/^[a-z][a-z+.-]*:\/\/\S*/i) || stream.match(/^\.{0,2}\/\S*/)) {
        state.phase = "afterName";
        return "url";
      }
      if (stream.match(/^[A-Za-z0-9][A-Za-z0-9._-]*/)) {
        state.phase = "afterName";
        return "variableName";
      }
      stream.next();
      return "invalid";
    case "extras":
      if (stream.eat("]")) {
        state.phase = "afterName";
        return "bracket";
      }
      if (stream.eat(",")) return "punctuation";
      if (stream.match(/^[A-Za-z0-9._-]+/)) return "labelName";
      stream.next();
      return "invalid";
    case "url":
      if (stream.eat(";")) {
        state.phase = "marker";
        return "punctuation";
      }
      stream.match(/^\S+/);
      return "url";
    case "marker":
      if (stream.match(/^"[^"]*"?/) || stream.match(/^'[^']*'?/)) return "string";
      if (stream.match(/^(and|or|not|in)\b/)) return "keyword";
      if (stream.match(OPERATOR)) return "operator";
      if (stream.match(/^[A-Za-z_][\w.]*/)) return "propertyName";
      if (stream.eat(/[()]/)) return "bracket";
      stream.next();
      return null;
    case "afterName":
      if (stream.eat("[")) {
        state.phase = "extras";
        return "bracket";
      }
      if (stream.eat(";")) {
        state.phase = "marker";
        return "punctuation";
      }
      if (stream.eat("@")) {
        state.phase = "url";
        return "operator";
      }
      if (stream.match(OPERATOR)) return "operator";
      if (stream.eat(/[(),]/)) return stream.current() === "," ? "punctuation" : "bracket";
      if (stream.match(/^[A-Za-z0-9.*+!_-]+/)) return "number";
      stream.next();
      return "invalid";
  }
}

export const requirementsLanguage = StreamLanguage.define<RequirementsState>({
  name: "requirements",
  startState: () => ({ phase: "name" }),
  copyState: (s) => ({ ...s }),
  token: requirementsToken,
  languageData: { commentTokens: { line: "#" } },
});

/** Colours TOML, INI (setup.cfg, buildout.cfg), Pipfile and setup.py well enough to read: sections, keys, strings, comments. */
export function configToken(stream: StringStream): string | null {
  if (stream.eatSpace()) return null;
  if (stream.sol() && stream.match(/^\[[^\]]*\]?/)) return "heading";
  const ch = stream.peek();
  if (ch === "#" || (ch === ";" && stream.sol())) {
    stream.skipToEnd();
    return "comment";
  }
  if (stream.match(/^("""|''')/)) {
    stream.skipToEnd();
    return "string";
  }
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'[^']*'?/)) return "string";
  if (stream.sol() && stream.match(/^[A-Za-z0-9_.-]+(?=\s*[=:])/)) return "propertyName";
  if (stream.match(/^(true|false|True|False|None|def|import|from|setup)\b/)) return "keyword";
  if (stream.match(/^-?\d[\d_.]*/)) return "number";
  stream.next();
  return null;
}

export const configLanguage = StreamLanguage.define<Record<string, never>>({
  name: "config",
  startState: () => ({}),
  token: (stream) => configToken(stream),
  languageData: { commentTokens: { line: "#" } },
});
