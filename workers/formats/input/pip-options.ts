// pip's requirements-file options: break_args_options, shlex splitting and optparse matching, with offsets kept.
import { appendAll } from "./append-all";

/** The options pip accepts in a requirements file (pip 23.2 req_file.SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ). */
export type PipOptionName =
  | "index-url"
  | "extra-index-url"
  | "no-index"
  | "constraint"
  | "requirement"
  | "editable"
  | "find-links"
  | "no-binary"
  | "only-binary"
  | "prefer-binary"
  | "require-hashes"
  | "pre"
  | "trusted-host"
  | "use-feature"
  | "global-option"
  | "hash"
  | "config-settings";

interface OptionSpec {
  name: PipOptionName;
  long: string[];
  short: string[];
  takesValue: boolean;
}

const OPTIONS: OptionSpec[] = [
  { name: "index-url", long: ["--index-url", "--pypi-url"], short: ["-i"], takesValue: true },
  { name: "extra-index-url", long: ["--extra-index-url"], short: [], takesValue: true },
  { name: "no-index", long: ["--no-index"], short: [], takesValue: false },
  { name: "constraint", long: ["--constraint"], short: ["-c"], takesValue: true },
  { name: "requirement", long: ["--requirement"], short: ["-r"], takesValue: true },
  { name: "editable", long: ["--editable"], short: ["-e"], takesValue: true },
  { name: "find-links", long: ["--find-links"], short: ["-f"], takesValue: true },
  { name: "no-binary", long: ["--no-binary"], short: [], takesValue: true },
  { name: "only-binary", long: ["--only-binary"], short: [], takesValue: true },
  { name: "prefer-binary", long: ["--prefer-binary"], short: [], takesValue: false },
  { name: "require-hashes", long: ["--require-hashes"], short: [], takesValue: false },
  { name: "pre", long: ["--pre"], short: [], takesValue: false },
  { name: "trusted-host", long: ["--trusted-host"], short: [], takesValue: true },
  { name: "use-feature", long: ["--use-feature"], short: [], takesValue: true },
  { name: "global-option", long: ["--global-option"], short: [], takesValue: true },
  { name: "hash", long: ["--hash"], short: [], takesValue: true },
  { name: "config-settings", long: ["--config-settings"], short: ["-C"], takesValue: true },
];

export interface ShellToken {
  value: string;
  /** Offset of the token's first character in the split string. */
  start: number;
  end: number;
}

export interface PipOption {
  name: PipOptionName;
  /** The option as written (`--hash`, `-r`). */
  flag: string;
  value: string | null;
  /** Offsets (in the line) of the option and of its value. */
  start: number;
  valueStart: number;
}

export interface OptionProblem {
  message: string;
  start: number;
}

export interface ParsedOptions {
  options: PipOption[];
  /** Words after the options that pip silently ignores. */
  ignoredArgs: ShellToken[];
  problems: OptionProblem[];
}

/** pip's break_args_options: the words before the first word starting with `-` are the requirement. */
export function breakArgsOptions(line: string): { args: string; optionsStart: number } {
  const tokens = line.split(" ");
  let offset = 0;
  const args: string[] = [];
  for (const token of tokens) {
    if (token.startsWith("-")) break;
    args.push(token);
    offset += token.length + 1;
  }
  const argsText = args.join(" ");
  return { args: argsText, optionsStart: Math.min(offset, line.length) };
}

/** shlex.split (POSIX mode, no comments), keeping each token's offsets; throws on an unclosed quote. */
export function shellSplit(text: string, base = 0): ShellToken[] | OptionProblem {
  const tokens: ShellToken[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let value = "";
    while (i < text.length && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) return { message: "could not split options: no closing quotation", start: base + i };
        value += text.slice(i + 1, close);
        i = close + 1;
      } else if (c === '"') {
        i++;
        let closed = false;
        while (i < text.length) {
          const d = text[i];
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          if (d === "\\" && i + 1 < text.length && '\\"$`\n'.includes(text[i + 1])) {
            value += text[i + 1];
            i += 2;
          } else {
            value += d;
            i++;
          }
        }
        if (!closed) return { message: "could not split options: no closing quotation", start: base + start };
      } else if (c === "\\") {
        if (i + 1 < text.length) value += text[i + 1];
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    tokens.push({ value, start: base + start, end: base + i });
  }
  return tokens;
}

function matchLong(flag: string): OptionSpec | OptionProblem | null {
  const exact = OPTIONS.find((o) => o.long.includes(flag));
  if (exact) return exact;
  // optparse accepts any unambiguous prefix of a long option.
  const candidates = OPTIONS.flatMap((o) => o.long.filter((l) => l.startsWith(flag)).map((l) => ({ o, l })));
  const specs = new Set(candidates.map((c) => c.o));
  if (specs.size === 1) return candidates[0].o;
  if (candidates.length > 1) {
    return { message: `ambiguous option: ${flag} (${candidates.map((c) => c.l).join(", ")}?)`, start: 0 };
  }
  return null;
}

/** optparse over the shlex tokens of the options part of a line. */
export function parseOptions(line: string, optionsStart: number): ParsedOptions {
  const result: ParsedOptions = { options: [], ignoredArgs: [], problems: [] };
  const split = shellSplit(line.slice(optionsStart), optionsStart);
  if (!Array.isArray(split)) {
    result.problems.push(split);
    return result;
  }
  const tokens = split;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const word = token.value;
    if (word === "--") {
      appendAll(result.ignoredArgs, tokens.slice(i + 1));
      break;
    }
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const flag = eq >= 0 ? word.slice(0, eq) : word;
      const spec = matchLong(flag);
      if (spec === null) {
        result.problems.push({ message: `no such option: ${flag}`, start: token.start });
        i++;
        continue;
      }
      if (!("long" in spec)) {
        result.problems.push({ message: spec.message, start: token.start });
        i++;
        continue;
      }
      if (spec.takesValue) {
        if (eq >= 0) {
          result.options.push({ name: spec.name, flag, value: word.slice(eq + 1), start: token.start, valueStart: token.start + eq + 1 });
          i++;
        } else if (i + 1 < tokens.length) {
          const next = tokens[i + 1];
          result.options.push({ name: spec.name, flag, value: next.value, start: token.start, valueStart: next.start });
          i += 2;
        } else {
          result.problems.push({ message: `${flag} option requires 1 argument`, start: token.start });
          i++;
        }
      } else {
        if (eq >= 0) result.problems.push({ message: `${flag} option does not take a value`, start: token.start });
        else result.options.push({ name: spec.name, flag, value: null, start: token.start, valueStart: token.end });
        i++;
      }
      continue;
    }
    if (word.startsWith("-") && word.length > 1) {
      const flag = word.slice(0, 2);
      const spec = OPTIONS.find((o) => o.short.includes(flag));
      if (!spec) {
        result.problems.push({ message: `no such option: ${flag}`, start: token.start });
        i++;
        continue;
      }
      if (spec.takesValue) {
        if (word.length > 2) {
          result.options.push({ name: spec.name, flag, value: word.slice(2), start: token.start, valueStart: token.start + 2 });
          i++;
        } else if (i + 1 < tokens.length) {
          const next = tokens[i + 1];
          result.options.push({ name: spec.name, flag, value: next.value, start: token.start, valueStart: next.start });
          i += 2;
        } else {
          result.problems.push({ message: `${flag} option requires 1 argument`, start: token.start });
          i++;
        }
      } else {
        result.options.push({ name: spec.name, flag, value: null, start: token.start, valueStart: token.end });
        i++;
      }
      continue;
    }
    result.ignoredArgs.push(token);
    i++;
  }
  return result;
}
