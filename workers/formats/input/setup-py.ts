// setup.py, read statically: install_requires, extras_require and python_requires of the setup(...) call when they are literals.
import { appendAll } from "./append-all";
import { isMissing, lookUpFile, type ReadFile } from "./file-references";
import { diagnosticAt, LineIndex, type Position } from "./location";
import { type Binding, type Computed, concatenate, type Env, evaluateExpression, type PyValue, slice } from "./python-literal";
import { type PyToken, tokenizePython } from "./python-tokenizer";
import { andMarkers } from "./poetry-dependency";
import { normalizeSpecifier, requirementFromPep508 } from "./requirement-entry";
import type { InputRequirement, RequirementSource, Severity } from "../../api-input";
import { emptyParsedFile, type ParsedFile } from "./parsed-file";
import { parseRequirementsTxt } from "./requirements-txt";

export interface SetupPyOptions {
  fileName?: string;
  files?: Record<string, string>;
  readFile?: ReadFile;
}

type StrValue = Extract<PyValue, { kind: "str" }>;

const COMPOUND = new Set(["if", "elif", "else", "for", "while", "with", "try", "except", "finally", "def", "class", "async", "match", "case"]);

interface Statement {
  tokens: PyToken[];
  indent: number;
  /** The innermost def/class this statement sits in ("" at module level). */
  scope: string;
  /** The innermost if/for/while/with/try block within that scope, or null. */
  conditional: { keyword: string; line: number } | null;
}

interface Block {
  indent: number;
  keyword: string;
  name: string;
  line: number;
}

class SetupPyReader {
  readonly out: ParsedFile = emptyParsedFile();
  private readonly lines: LineIndex;
  private readonly statements: Statement[] = [];
  /** Token lists of the functions defined in the file, by name (to look for the files they read). */
  private readonly defs = new Map<string, PyToken[]>();

  constructor(
    private readonly text: string,
    private readonly options: SetupPyOptions,
  ) {
    this.lines = new LineIndex(text);
  }

  private position(offset: number): Position {
    return this.lines.position(offset);
  }

  private report(severity: Severity, offset: number, what: string): void {
    this.out.diagnostics.push(diagnosticAt(severity, this.position(offset), what));
  }

  /** Splits tokens into statements with their block context. */
  private buildStatements(tokens: PyToken[]): void {
    const stack: Block[] = [];
    let current: PyToken[] = [];
    const flush = (): void => {
      if (current.length > 0) this.addStatement(current, stack);
      current = [];
    };
    for (const token of tokens) {
      if (token.type === "newline" || (token.type === "op" && token.value === ";" && token.depth === 0)) flush();
      else current.push(token);
    }
    flush();
  }

  private addStatement(tokens: PyToken[], stack: Block[]): void {
    const indent = this.position(tokens[0].start).column - 1;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const first = tokens[0];
    if (first.type === "name" && COMPOUND.has(first.value)) {
      const colon = tokens.findIndex((t, k) => k > 0 && t.type === "op" && t.value === ":" && t.depth === 0 && !this.isLambdaColon(tokens, k));
      const keyword = first.value === "async" ? (tokens[1]?.value ?? "async") : first.value;
      const nameToken = keyword === "def" || keyword === "class" ? tokens.find((t, k) => k > 0 && t.type === "name" && t.value !== "def") : undefined;
      this.record(tokens.slice(0, colon < 0 ? tokens.length : colon + 1), indent, stack);
      for (const block of stack) if (block.keyword === "def") appendAll(this.defs.get(block.name) ?? [], tokens);
      stack.push({ indent, keyword, name: nameToken?.value ?? "", line: this.position(first.start).line });
      if (keyword === "def" && nameToken) this.defs.set(nameToken.value, [...tokens]);
      const body = colon < 0 ? [] : tokens.slice(colon + 1);
      if (body.length > 0) {
        this.record(body, indent + 1, stack);
        stack.pop();
      }
      return;
    }
    for (const block of stack) if (block.keyword === "def") appendAll(this.defs.get(block.name) ?? [], tokens);
    this.record(tokens, indent, stack);
  }

  private isLambdaColon(tokens: PyToken[], index: number): boolean {
    for (let k = index - 1; k >= 0; k--) {
      if (tokens[k].type === "name" && tokens[k].value === "lambda") return true;
    }
    return false;
  }

  private record(tokens: PyToken[], indent: number, stack: Block[]): void {
    let scope = "";
    let conditional: Statement["conditional"] = null;
    for (const block of stack) {
      if (block.keyword === "def" || block.keyword === "class") {
        scope = `${block.keyword}:${block.name}@${block.line}`;
        conditional = null;
      } else if (conditional === null) conditional = { keyword: block.keyword, line: block.line };
    }
    this.statements.push({ tokens, indent, scope, conditional });
  }

  /** Finds `setup(` (or `setuptools.setup(`): the statement index and the index of the name token in it. */
  private findSetupCall(): { statement: number; token: number } | null {
    for (let s = 0; s < this.statements.length; s++) {
      const tokens = this.statements[s].tokens;
      if (tokens[0]?.type === "name" && tokens[0].value === "def") continue;
      for (let k = 0; k < tokens.length - 1; k++) {
        const t = tokens[k];
        if (t.type !== "name" || t.value !== "setup" || tokens[k + 1].value !== "(") continue;
        const before = tokens[k - 1];
        if (before?.value === "def") continue;
        if (before?.value === "." && !["setuptools", "core"].includes(tokens[k - 2]?.value ?? "")) continue;
        return { statement: s, token: k };
      }
    }
    return null;
  }

  /** Runs the assignments that precede the setup call in its scope (and at module level), literal values only. */
  private environment(setupStatement: number): Env {
    const env: Env = new Map();
    const scope = this.statements[setupStatement].scope;
    for (let s = 0; s < setupStatement; s++) {
      const statement = this.statements[s];
      if (statement.scope !== "" && statement.scope !== scope) continue;
      this.apply(statement, env);
    }
    return env;
  }

  /** Applies one statement to the environment: assignments, `+=`, `.append/.extend/.update`, `name[key] =`. */
  private apply(statement: Statement, env: Env): void {
    const tokens = statement.tokens;
    const first = tokens[0];
    if (first.type !== "name" || COMPOUND.has(first.value)) return;
    const conditionalReason = (name: string): Computed | null =>
      statement.conditional === null
        ? null
        : {
            ok: false,
            reason: `changed inside the "${statement.conditional.keyword}" block at line ${statement.conditional.line}`,
            offset: first.start,
            tokens: keptTokens(tokens, env.get(name)),
          };

    const assign = tokens.findIndex((t) => t.type === "op" && t.value === "=" && t.depth === 0);
    const augmented = tokens.findIndex((t) => t.type === "op" && t.value === "+=" && t.depth === 0);
    if (augmented === 1) {
      const name = first.value;
      const conditional = conditionalReason(name);
      if (conditional) return void env.set(name, conditional);
      const previous = env.get(name);
      const addition = evaluateExpression(tokens.slice(2), env);
      if (previous === undefined) return void env.set(name, { ok: false, reason: `"${name}" used before it is assigned`, offset: first.start, tokens });
      env.set(name, combine(previous, addition, tokens));
      return;
    }
    if (assign > 0) {
      // Chained assignments (a = b = [...]): every segment before the last "=" is a target.
      const equals = tokens.map((t, k) => (t.type === "op" && t.value === "=" && t.depth === 0 ? k : -1)).filter((k) => k >= 0);
      const valueTokens = tokens.slice(equals[equals.length - 1] + 1);
      const allTargets = equals.flatMap((e, n) => splitTargets(tokens.slice(n === 0 ? 0 : equals[n - 1] + 1, e)));
      // The value is read once for all targets (`a = a = a = ...` must not cost its square).
      let value: Binding | undefined;
      const assigned = new Set<string>();
      for (const target of allTargets) {
        if (target.kind === "name") {
          if (assigned.has(target.name)) continue;
          assigned.add(target.name);
          env.set(target.name, conditionalReason(target.name) ?? (value ??= evaluateExpression(valueTokens, env)));
        } else if (target.kind === "item") {
          const conditional = conditionalReason(target.name);
          const previous = env.get(target.name);
          if (conditional) env.set(target.name, conditional);
          else if (previous?.ok && previous.value.kind === "dict") {
            const key = evaluateExpression(target.key, env);
            const value = evaluateExpression(valueTokens, env);
            if (key.ok && value.ok) {
              const entries = previous.value.entries.filter((e) => !(e.key.kind === "str" && key.value.kind === "str" && e.key.value === key.value.value));
              env.set(target.name, { ok: true, value: { ...previous.value, entries: [...entries, { key: key.value, value: value.value }] } });
            } else env.set(target.name, key.ok ? (value as Computed) : key);
          } else if (previous !== undefined) {
            env.set(target.name, { ok: false, reason: `changed by item assignment at line ${this.position(first.start).line}`, offset: first.start, tokens });
          }
        } else {
          for (const name of target.names) {
            env.set(name, { ok: false, reason: `assigned by unpacking at line ${this.position(first.start).line}`, offset: first.start, tokens });
          }
        }
      }
      return;
    }
    // name.append(x) / name.extend(x) / name.update(x); any other statement that starts by changing a bound name.
    if (first.type !== "name" || !env.has(first.value) || (tokens[1]?.value !== "." && tokens[1]?.value !== "[")) return;
    const name = first.value;
    const line = this.position(first.start).line;
    const conditional = conditionalReason(name);
    if (conditional) return void env.set(name, conditional);
    const previous = env.get(name) as Binding;
    const simpleCall = tokens[1].value === "." && tokens[2]?.type === "name" && tokens[3]?.value === "(" && tokens[tokens.length - 1].value === ")";
    if (!simpleCall) {
      env.set(name, { ok: false, reason: `changed at line ${line} in a way Tangle does not follow`, offset: first.start, tokens });
      return;
    }
    const method = tokens[2].value;
    if (["get", "copy", "keys", "values", "items", "count", "index"].includes(method) || !previous.ok) return;
    const argument = evaluateExpression(tokens.slice(4, tokens.length - 1), env);
    if (method === "append" && argument.ok && previous.value.kind === "list") {
      env.set(name, { ok: true, value: { ...previous.value, items: [...previous.value.items, argument.value] } });
    } else if (method === "extend" && argument.ok && previous.value.kind === "list" && (argument.value.kind === "list" || argument.value.kind === "tuple")) {
      env.set(name, { ok: true, value: { ...previous.value, items: [...previous.value.items, ...argument.value.items] } });
    } else if (method === "update" && argument.ok && previous.value.kind === "dict" && argument.value.kind === "dict") {
      env.set(name, { ok: true, value: { ...previous.value, entries: [...previous.value.entries, ...argument.value.entries] } });
    } else {
      env.set(name, {
        ok: false,
        reason: argument.ok ? `changed by .${method}() at line ${line}` : `changed by .${method}(${argument.reason})`,
        offset: tokens[2].start,
        tokens: [...tokens, ...(argument.ok ? [] : argument.tokens)],
      });
    }
  }

  read(): ParsedFile {
    const { tokens, problems } = tokenizePython(this.text);
    for (const problem of problems) this.report("error", problem.offset, problem.message);
    this.buildStatements(tokens);
    const call = this.findSetupCall();
    if (call === null) {
      this.report("error", 0, "no setup(...) call found: Tangle reads install_requires, extras_require and python_requires from it");
      return this.out;
    }
    const env = this.environment(call.statement);
    const statementTokens = this.statements[call.statement].tokens;
    const args = this.callArguments(statementTokens, call.token + 1, env);

    const install = args.get("install_requires");
    if (install) this.requirements("install_requires", install, { kind: "main" });
    const extras = args.get("extras_require");
    if (extras) this.extras(extras);
    const python = args.get("python_requires");
    if (python) this.pythonRequires(python);
    for (const key of ["setup_requires", "tests_require"]) {
      const arg = args.get(key);
      if (arg) this.report("info", arg.keyOffset, `${key} is for building or testing the project, not a dependency; it is not included`);
    }
    return this.out;
  }

  /** Keyword arguments of the call whose "(" is at `open`; `**mapping` merges a literal dict. */
  private callArguments(tokens: PyToken[], open: number, env: Env): Map<string, { binding: Binding; keyOffset: number }> {
    const args = new Map<string, { binding: Binding; keyOffset: number }>();
    const baseDepth = tokens[open].depth + 1;
    let k = open + 1;
    while (k < tokens.length) {
      let end = k;
      const stops = (t: PyToken): boolean =>
        t.type === "op" && ((t.value === "," && t.depth === baseDepth) || (t.value === ")" && t.depth === baseDepth - 1));
      while (end < tokens.length && !stops(tokens[end])) end++;
      const arg = tokens.slice(k, end);
      if (arg.length >= 2 && arg[0].type === "name" && arg[1].type === "op" && arg[1].value === "=") {
        args.set(arg[0].value, { binding: evaluateExpression(arg.slice(2), env), keyOffset: arg[0].start });
      } else if (arg.length >= 2 && arg[0].type === "op" && arg[0].value === "**") {
        const spread = evaluateExpression(arg.slice(1), env);
        if (spread.ok && spread.value.kind === "dict") {
          for (const entry of spread.value.entries) {
            if (entry.key.kind === "str") args.set(entry.key.value, { binding: { ok: true, value: entry.value }, keyOffset: entry.key.start });
          }
        } else if (!spread.ok) {
          for (const key of ["install_requires", "extras_require", "python_requires"]) {
            if (!args.has(key)) args.set(key, { binding: { ...spread, reason: `setup(**...) with ${spread.reason}` }, keyOffset: arg[0].start });
          }
        }
      }
      if (end >= tokens.length || tokens[end].value === ")") break;
      k = end + 1;
    }
    return args;
  }

  /** The lines of a requirements value as setuptools reads it (pkg_resources.yield_lines). */
  private lines_(value: PyValue, what: string, out: StrValue[], nested = false): boolean {
    if (value.kind === "str") {
      let start = 0;
      for (const line of value.value.split(/\r\n|\r|\n/)) {
        const lead = line.length - line.trimStart().length;
        const trimmed = line.trim();
        if (trimmed !== "" && !trimmed.startsWith("#")) out.push(slice(value, start + lead, start + lead + trimmed.length));
        start += line.length + 1;
      }
      return true;
    }
    if (value.kind === "list" || value.kind === "tuple" || value.kind === "set") {
      return value.items.map((item) => this.lines_(item, what, out, true)).every(Boolean);
    }
    if (value.kind === "computed") {
      this.computed(nested ? `an item of ${what}` : what, { ok: false, reason: value.reason, offset: value.start, tokens: value.tokens }, null);
      return false;
    }
    this.report("error", value.start, `${what} must be a string or a list of strings, not ${value.kind === "const" ? value.value : `a ${value.kind}`}`);
    return false;
  }

  private requirements(what: string, arg: { binding: Binding; keyOffset: number }, source: RequirementSource, marker: string | null = null): void {
    const { binding } = arg;
    if (!binding.ok) {
      this.computed(what, binding, source);
      return;
    }
    const strings: StrValue[] = [];
    this.lines_(binding.value, what, strings);
    for (const item of strings) this.addRequirement(item, source, marker);
  }

  private addRequirement(item: StrValue, source: RequirementSource, extraMarker: string | null): void {
    const at = (offset: number): Position => this.position(item.chars[Math.min(offset, item.chars.length - 1)] ?? item.start);
    const result = requirementFromPep508(item.value, { source, at });
    if (!result.ok) {
      this.out.diagnostics.push(result.diagnostic);
      return;
    }
    let requirement: InputRequirement = result.requirement;
    if (extraMarker !== null) {
      const combined = andMarkers([requirement.marker ?? "", extraMarker]);
      const again = requirementFromPep508(`${requirement.pep508.split(";")[0].trim()} ; ${combined}`, { source, at, text: requirement.text });
      if (again.ok) requirement = { ...again.requirement, kind: requirement.kind };
    }
    this.out.requirements.push(requirement);
  }

  private extras(arg: { binding: Binding; keyOffset: number }): void {
    const { binding } = arg;
    if (!binding.ok) {
      this.computed("extras_require", binding, null);
      return;
    }
    if (binding.value.kind !== "dict") {
      this.report("error", binding.value.start, "extras_require must be a dict of extra name to requirements");
      return;
    }
    for (const { key, value } of binding.value.entries) {
      if (key.kind !== "str") {
        this.report("error", key.start, "an extras_require key must be a string");
        continue;
      }
      // setuptools: "extra:marker" keys; an empty extra name means the main requirements under that marker.
      const colon = key.value.indexOf(":");
      const name = (colon < 0 ? key.value : key.value.slice(0, colon)).trim();
      const marker = colon < 0 ? null : key.value.slice(colon + 1).trim() || null;
      const source: RequirementSource = name === "" ? { kind: "main" } : { kind: "extra", name };
      if (name !== "" && !this.out.extras.includes(name)) this.out.extras.push(name);
      this.requirements(`extras_require["${key.value}"]`, { binding: { ok: true, value }, keyOffset: key.start }, source, marker);
    }
  }

  private pythonRequires(arg: { binding: Binding; keyOffset: number }): void {
    const { binding } = arg;
    if (!binding.ok) {
      this.report("warning", binding.offset, `python_requires is computed (${binding.reason}); setup.py is never run, so it is not known`);
      return;
    }
    if (binding.value.kind !== "str") {
      this.report("error", binding.value.start, "python_requires must be a string");
      return;
    }
    const value = binding.value;
    const normalized = normalizeSpecifier(value.value.trim(), (o) => this.position(value.chars[o] ?? value.start));
    if (normalized.ok) this.out.requiresPython = normalized.specifier;
    else this.out.diagnostics.push(normalized.diagnostic);
  }

  /**
   * A computed value: say where and why; when the expression (or the function it calls) names a requirements file
   * that was dropped in too, read that file instead, and say so.
   */
  private computed(what: string, computed: Computed, source: RequirementSource | null): void {
    const at = this.position(computed.offset);
    const message = `${what} is computed (${computed.reason}); setup.py is never run, so Tangle cannot know its value`;
    const candidates = new Set<string>();
    const directories = new Set<string>();
    const called: string[] = [];
    const collect = (tokens: PyToken[]): void => {
      for (const token of tokens) {
        // A bare extension (`x + ".txt"`) names no file.
        if (token.type === "string" && /.\.(txt|in)$/i.test(token.value.trim())) candidates.add(token.value.trim());
        if (token.type === "string" && /^requirements$/i.test(token.value.trim())) directories.add(token.value.trim());
        if (token.type === "name" && this.defs.has(token.value) && !seen.has(token.value)) called.push(token.value);
        if (token.type === "name" && this.defs.has(token.value) && !seen.has(token.value)) {
          seen.add(token.value);
          collect(this.defs.get(token.value) ?? []);
        }
      }
    };
    const seen = new Set<string>();
    collect(computed.tokens);
    // `open(os.path.join("requirements", name))`: the file may sit in that directory rather than beside setup.py.
    const paths = [...candidates].flatMap((candidate) => [candidate, ...[...directories].map((d) => `${d}/${candidate}`)]);
    if (source !== null) {
      for (const candidate of paths) {
        const found = lookUpFile(this.options, this.options.fileName, candidate);
        // The file is a guess from the code's strings: one that is not there is no error, only not used.
        if (isMissing(found)) continue;
        this.out.diagnostics.push(
          diagnosticAt("warning", at, `${message}; it appears to read ${candidate}, so the requirements of ${found.name} are used instead`),
        );
        const parsed = parseRequirementsTxt(found.text, { asFile: found.name, files: this.options.files, readFile: this.options.readFile, source });
        appendAll(this.out.diagnostics, parsed.diagnostics);
        appendAll(this.out.requirements, parsed.requirements);
        return;
      }
    }
    const hint = candidates.size > 0 ? `; it appears to read ${[...candidates].join(", ")}: drop that file in as well to use it` : "; paste the requirements instead";
    const defined = [...new Set(called)].map((name) => `${name}() is defined at line ${this.position(this.defs.get(name)?.[0]?.start ?? 0).line}`);
    this.out.diagnostics.push(diagnosticAt("warning", at, message + (defined.length > 0 ? ` (${defined.join(", ")})` : "") + hint));
  }
}

type Target = { kind: "name"; name: string } | { kind: "item"; name: string; key: PyToken[] } | { kind: "unpack"; names: string[] };

/** Assignment targets: `name`, `name: annotation`, `name[key]`, or unpacking (`a, b`). */
function splitTargets(tokens: PyToken[]): Target[] {
  if (tokens.length === 0) return [];
  const first = tokens[0];
  if (first.type === "name" && (tokens.length === 1 || tokens[1].value === ":")) return [{ kind: "name", name: first.value }];
  if (first.type === "name" && tokens[1]?.value === "[" && tokens[tokens.length - 1].value === "]") {
    return [{ kind: "item", name: first.value, key: tokens.slice(2, -1) }];
  }
  return [{ kind: "unpack", names: tokens.filter((t) => t.type === "name").map((t) => t.value) }];
}

/** How many tokens a computed value keeps (to look for the files it reads): a name changed in a loop must not grow. */
const MAX_KEPT_TOKENS = 20_000;

/** A statement's tokens, then those a computed previous value kept, up to MAX_KEPT_TOKENS. */
function keptTokens(tokens: PyToken[], previous: Binding | undefined): PyToken[] {
  const kept = tokens.slice(0, MAX_KEPT_TOKENS);
  if (previous?.ok === false) for (let k = 0; k < previous.tokens.length && kept.length < MAX_KEPT_TOKENS; k++) kept.push(previous.tokens[k]);
  return kept;
}

function combine(previous: Binding, addition: Binding, tokens: PyToken[]): Binding {
  if (!previous.ok) return { ...previous, tokens: keptTokens(tokens, previous) };
  if (!addition.ok) return addition;
  const a = previous.value;
  const b = addition.value;
  if (a.kind === "list" && (b.kind === "list" || b.kind === "tuple")) return { ok: true, value: { ...a, items: [...a.items, ...b.items] } };
  if (a.kind === "str" && b.kind === "str") return { ok: true, value: concatenate([a, b]) };
  return { ok: false, reason: `"+=" on a ${a.kind}`, offset: tokens[0].start, tokens };
}

/** Reads a setup.py without running it. */
export function parseSetupPy(text: string, options: SetupPyOptions = {}): ParsedFile {
  return new SetupPyReader(text, options).read();
}
