// An INI reader with Python configparser's rules (continuation lines, full-line comments, key case), keeping positions.
import { splitLines } from "./location";

/** One physical line of an option's value. */
export interface IniValueLine {
  text: string;
  line: number;
  /** 1-based column of `text` in its line. */
  column: number;
}

export interface IniOption {
  /** The key after configparser's optionxform (lower-cased unless keys keep case). */
  key: string;
  /** `+=` / `-=` (buildout) or plain assignment. */
  op: "=" | "+=" | "-=";
  line: number;
  column: number;
  /** Value lines: the first (possibly empty) on the key's line, then continuation lines; trailing blank lines dropped. */
  lines: IniValueLine[];
}

export interface IniSection {
  name: string;
  line: number;
  options: IniOption[];
}

export interface IniProblem {
  line: number;
  column: number;
  message: string;
}

export interface IniReadOptions {
  /** configparser's default optionxform lower-cases keys; buildout keeps them. */
  lowercaseKeys?: boolean;
  /** Strip `#`/`;` comments that follow whitespace inside a line (buildout); configparser's default does not. */
  inlineComments?: boolean;
  /** Recognise `key += value` and `key -= value` (buildout). */
  appendOperators?: boolean;
  /** Read a `=> part ...` line as the option `<part-dependencies>` (zc.buildout's configparser does). */
  partDependencies?: boolean;
}

export class IniFile {
  constructor(readonly sections: IniSection[]) {}

  section(name: string): IniSection | undefined {
    return this.sections.find((s) => s.name === name);
  }

  option(section: string, key: string): IniOption | undefined {
    return this.section(section)?.options.find((o) => o.key === key);
  }

  /** The value as configparser returns it: lines joined with "\n", trailing whitespace removed. */
  static value(option: IniOption): string {
    return option.lines.map((l) => l.text).join("\n").trimEnd();
  }
}

const SECTION = /^\[(.+)\]/;
/** The option zc.buildout makes of a `=> part ...` line: the parts this one depends on. */
export const PART_DEPENDENCIES = "<part-dependencies>";
const OPTION = /^(.*?)\s*([=:])\s*(.*)$/;

/** Reads INI text; malformed lines become problems and the rest still reads (configparser collects them too). */
export function readIni(text: string, options: IniReadOptions = {}): { file: IniFile; problems: IniProblem[] } {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  let current: IniSection | null = null;
  let option: IniOption | null = null;
  let indentLevel = 0;

  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    let commentStart = raw.length;
    let fullComment = false;
    if (/^\s*[#;]/.test(raw)) {
      commentStart = 0;
      fullComment = true;
    } else if (options.inlineComments) {
      const inline = /\s[#;]/.exec(raw);
      if (inline) commentStart = inline.index;
    }
    const content = raw.slice(0, commentStart);
    const value = content.trim();
    if (value === "") {
      // configparser keeps empty lines inside a value (empty_lines_in_values), but not comment lines.
      if (!fullComment && commentStart === raw.length && option !== null) option.lines.push({ text: "", line, column: 1 });
      return;
    }
    const indent = content.length - content.trimStart().length;
    if (current !== null && option !== null && indent > indentLevel) {
      option.lines.push({ text: value, line, column: indent + 1 });
      return;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1];
      if (sections.some((s) => s.name === name)) {
        problems.push({ line, column: indent + 1, message: `section [${name}] is defined twice; the options are merged` });
        current = sections.find((s) => s.name === name) ?? null;
      } else {
        current = { name, line, options: [] };
        sections.push(current);
      }
      option = null;
      return;
    }
    if (current === null) {
      problems.push({ line, column: indent + 1, message: "text before the first [section] header is ignored" });
      return;
    }
    if (options.partDependencies && value.startsWith("=>")) {
      const rest = value.slice(2);
      const column = indent + 3 + (rest.length - rest.trimStart().length);
      option = { key: PART_DEPENDENCIES, op: "=", line, column: indent + 1, lines: [{ text: rest.trim(), line, column }] };
      current.options.push(option);
      return;
    }
    const match = OPTION.exec(value);
    if (!match || match[1].trim() === "") {
      problems.push({ line, column: indent + 1, message: `"${value}" is neither a [section] header nor a key = value line` });
      option = null;
      return;
    }
    let key = match[1].trimEnd();
    let op: IniOption["op"] = "=";
    if (options.appendOperators && match[2] === "=" && (key.endsWith("+") || key.endsWith("-"))) {
      op = key.endsWith("+") ? "+=" : "-=";
      key = key.slice(0, -1).trimEnd();
    }
    if (options.lowercaseKeys ?? true) key = key.toLowerCase();
    const valueColumn = indent + value.length - match[3].length + 1;
    const existing = current.options.findIndex((o) => o.key === key && o.op === op);
    if (existing >= 0) {
      problems.push({ line, column: indent + 1, message: `option "${key}" is set twice in [${current.name}]; the later value is used` });
      current.options.splice(existing, 1);
    }
    option = { key, op, line, column: indent + 1, lines: [{ text: match[3], line, column: valueColumn }] };
    current.options.push(option);
  });

  for (const section of sections) {
    for (const o of section.options) {
      while (o.lines.length > 1 && o.lines[o.lines.length - 1].text === "") o.lines.pop();
    }
  }
  return { file: new IniFile(sections), problems };
}
