// "Ways out" of a conflict: the smallest edits to the user's requirements that resolve, each proven by re-solving.
import type { SuggestionDto } from "../api";
import { editRequirement, type RequirementChange } from "../formats/input/edit-requirement";
import type { InputRequirement } from "../api-input";
import { markerEnvironment } from "../packaging/environment";
import { VersionRange } from "../packaging/ranges";
import { parseSpecifierSet } from "../packaging/specifiers";
import { compareVersions, parseVersion, type Version } from "../packaging/version";
import type { DerivationTree } from "../pubgrub/derivation-tree";
import { nodesBottomUp } from "../pubgrub/derivation-tree";
import { PYTHON_KEY, ROOT_KEY, parseKey } from "./package-keys";
import { similarNames } from "./did-you-mean";
import { parseDependency, type ParsedDependency } from "./parsed-dependency";
import type { UnavailableReason } from "./python-provider";
import type { PreparedRequest } from "./prepare-request";
import type { ResolveContext } from "./resolve-context";
import { solveOnce } from "./solve-once";
import type { ResolveOptions } from "./resolve-options";

const MAX_SOLVES = 24;
const BUDGET_MS = 10_000;
/** How many versions just outside a requirement's range are tried before taking what an unconstrained solve picks. */
const NEAREST_TRIES = 4;
const PYTHON_CHOICES = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

type Tree = DerivationTree<Version, VersionRange, UnavailableReason>;

/** The projects whose user requirements take part in the conflict, in the order the tree cites them. */
function involvedProjects(tree: Tree): { projects: string[]; python: boolean } {
  const projects: string[] = [];
  let python = false;
  for (const node of nodesBottomUp(tree.root)) {
    if (node.kind === "dependency" && node.package === ROOT_KEY) {
      const key = parseKey(node.dependency);
      if ((key.kind === "project" || key.kind === "extra") && !projects.includes(key.name)) projects.push(key.name);
    }
    if (node.terms.some((t) => t.package === PYTHON_KEY)) python = true;
  }
  return { projects, python };
}

/** The requirement's text with another project name, keeping extras, specifier and marker. */
function withName(dep: ParsedDependency, name: string): string {
  const extras = dep.extras.length > 0 ? `[${dep.extras.join(",")}]` : "";
  const marker = dep.marker ? `; ${dep.marker.toString()}` : "";
  return `${name}${extras}${dep.specifier}${marker}`;
}

/** Close names the index has, when it does not have the requirement's project at all. */
async function misspelt(dep: ParsedDependency, context: ResolveContext): Promise<string[]> {
  if (!context.source.projectNames) return [];
  try {
    const listing = await context.source.getListing(dep.name);
    if (listing.kind !== "not-found") return [];
    const names = await context.source.projectNames();
    return names ? similarNames(dep.name, names, 2) : [];
  } catch {
    return [];
  }
}

/** The requirement's text with a new specifier, keeping name, extras and marker as written. */
function withSpecifier(dep: ParsedDependency, specifier: string): string {
  const extras = dep.extras.length > 0 ? `[${dep.extras.join(",")}]` : "";
  const marker = dep.marker ? `; ${dep.marker.toString()}` : "";
  return `${dep.displayName}${extras}${specifier}${marker}`;
}

/**
 * The smallest change of `dep`'s specifier that admits `target`: clauses that exclude it are moved to just
 * include it (upper bounds to below the next existing version, lower bounds and pins to `target`).
 */
export function loosenedSpecifier(dep: ParsedDependency, target: Version, existing: readonly Version[]): string {
  const ascending = [...existing].sort(compareVersions);
  const next = ascending.find((v) => compareVersions(v, target) > 0 && !v.isPrerelease);
  const clauses: string[] = [];
  for (const spec of parseSpecifierSet(dep.specifier).specifiers) {
    if (parseSpecifierSet(spec.toString()).contains(target, { prereleases: true })) {
      clauses.push(spec.toString());
      continue;
    }
    switch (spec.operator) {
      case "<":
      case "<=":
        clauses.push(next ? `<${next}` : `<=${target}`);
        break;
      case ">":
      case ">=":
        clauses.push(`>=${target}`);
        break;
      case "~=":
        clauses.push(`>=${target}`);
        if (next) clauses.push(`<${next}`);
        break;
      case "!=":
        break;
      case "===":
        clauses.push(`===${target}`);
        break;
      default:
        clauses.push(`==${target}`);
    }
  }
  // Lower bounds first, as people write ranges: ">=1.5.0,<3.0".
  const rank = (clause: string) => ["===", "==", ">=", ">", "~=", "!=", "<=", "<"].findIndex((op) => clause.startsWith(op));
  return [...new Set(clauses)].sort((a, b) => rank(a) - rank(b)).join(",");
}

/** The suggestion's edit in the input's own syntax, or "by hand" when the format has no one-line edit for it. */
function nativeEdit(prepared: PreparedRequest, source: InputRequirement, change: RequirementChange): { edit: SuggestionDto["edit"]; shown: string | null } {
  const input = prepared.source;
  const format = prepared.input.format;
  const edit = editRequirement(input.text, { format, fileName: input.fileName, files: input.files, extras: input.extras, groups: input.groups }, source, change);
  if (!edit) {
    const where = source.file ? ` in ${source.file}` : "";
    return { edit: { kind: "by-hand", reason: `edit line ${source.line}${where} by hand: ${format} has no one-line edit of it here` }, shown: null };
  }
  if (edit.to === null) return { edit: { kind: "remove-requirement", line: edit.line, from: edit.from }, shown: null };
  return { edit: { kind: "replace-requirement", line: edit.line, from: edit.from, to: edit.to }, shown: edit.to.trim() };
}

function replaced(roots: readonly ParsedDependency[], index: number, dep: ParsedDependency | null): ParsedDependency[] {
  const copy = [...roots];
  if (dep) copy[index] = dep;
  else copy.splice(index, 1);
  return copy;
}

/** The ways out found, and whether the budget ran out before every candidate edit was tried. */
export interface WaysOut {
  suggestions: SuggestionDto[];
  complete: boolean;
}

/**
 * Re-solves with edited roots, at most MAX_SOLVES times and BUDGET_MS long. Runs after the verdict is known; the source
 * (the same index client) answers what the main solve fetched from memory, so only new versions cost requests.
 */
export async function findWaysOut(tree: Tree, prepared: PreparedRequest, context: ResolveContext): Promise<WaysOut> {
  const started = context.now();
  let solves = 0;
  let complete = true;
  const affordable = () => {
    const ok = solves < MAX_SOLVES && context.now() - started < BUDGET_MS && !context.signal?.aborted;
    if (!ok) complete = false;
    return ok;
  };
  const attempt = async (roots: ParsedDependency[], options: ResolveOptions = prepared.options) => {
    solves += 1;
    context.onWaysOutProgress?.({ solves, maxSolves: MAX_SOLVES, elapsedMs: Math.round(context.now() - started) });
    const run = await solveOnce(options, roots, context);
    return run;
  };

  const suggestions: SuggestionDto[] = [];
  const { projects, python } = involvedProjects(tree);
  const { roots, rootSources } = prepared;

  for (const name of projects) {
    const index = roots.findIndex((r) => r.name === name);
    if (index < 0 || !affordable()) continue;
    const original = roots[index];
    const source = rootSources[index];
    // A name the index does not have but a close one it does: "did you mean requests?", checked by resolving.
    const renamed = await misspelt(original, context);
    let corrected = false;
    for (const guess of renamed) {
      if (!affordable()) break;
      const parsed = parseDependency(withName(original, guess));
      if (!parsed.ok) continue;
      const run = await attempt(replaced(roots, index, { ...parsed.dependency, text: withName(original, guess) }));
      if (run.result.kind !== "solved") continue;
      const native = nativeEdit(prepared, source, { kind: "rename", name: guess });
      suggestions.push({ title: `Change \`${original.text}\` to \`${native.shown ?? withName(original, guess)}\` (did you mean ${guess}?)`, edit: native.edit });
      corrected = true;
      break;
    }
    if (corrected) continue;
    if (original.specifier !== "") {
      const free: ParsedDependency = { ...original, range: VersionRange.full(), specifier: "", pinned: false };
      const freeRun = await attempt(replaced(roots, index, free));
      if (freeRun.result.kind === "solved") {
        const picked = freeRun.result.solution.get(name);
        const existing = freeRun.provider.candidatesOf(name)?.candidates.map((c) => c.version) ?? [];
        let target = picked ?? null;
        // Prefer the version nearest to what the user asked for.
        const outside = existing
          .filter((v) => !original.range.contains(v) && !v.isPrerelease)
          .sort((a, b) => distance(a, original.range, existing) - distance(b, original.range, existing))
          .slice(0, NEAREST_TRIES);
        for (const candidate of outside) {
          if (!affordable()) break;
          const spec = loosenedSpecifier(original, candidate, existing);
          const parsed = parseDependency(withSpecifier(original, spec));
          if (!parsed.ok) continue;
          const run = await attempt(replaced(roots, index, { ...parsed.dependency, text: original.text }));
          if (run.result.kind === "solved") {
            target = candidate;
            break;
          }
        }
        if (target) {
          const specifier = loosenedSpecifier(original, target, existing);
          const native = nativeEdit(prepared, source, { kind: "specifier", specifier });
          const to = native.shown ?? withSpecifier(original, specifier);
          const verb = original.pinned ? "Change" : "Loosen";
          suggestions.push({ title: `${verb} \`${original.text}\` to \`${to}\``, edit: native.edit });
          continue;
        }
      }
    }
    if (!affordable()) break;
    const withoutRun = await attempt(replaced(roots, index, null));
    if (withoutRun.result.kind === "solved") {
      suggestions.push({ title: `Remove \`${original.text}\` (line ${source.line})`, edit: nativeEdit(prepared, source, { kind: "remove" }).edit });
    }
  }

  // A "what if" pin or exclusion on a package the conflict involves: taking it back is a way out.
  const projectOf = (pkg: string) => {
    const k = parseKey(pkg);
    return k.kind === "project" || k.kind === "extra" ? k.name : pkg;
  };
  const inTree = new Set(nodesBottomUp(tree.root).flatMap((n) => [...n.terms.map((t) => projectOf(t.package)), ...(n.kind === "dependency" ? [projectOf(n.dependency)] : [])]));
  const whatIfs: { name: string; what: "pin" | "exclusion"; text: string }[] = [
    ...[...(prepared.options.whatIfPins ?? new Map<string, string>())].map(([name, spec]) => ({ name, what: "pin" as const, text: `${name}${spec}` })),
    ...[...prepared.options.excluded].map((name) => ({ name, what: "exclusion" as const, text: name })),
  ];
  for (const w of whatIfs) {
    if (!inTree.has(w.name) || !affordable()) continue;
    const constraints = new Map(prepared.options.constraints);
    const excluded = new Set(prepared.options.excluded);
    if (w.what === "pin") {
      const fileConstraint = prepared.options.fileConstraints?.get(w.name);
      if (fileConstraint) constraints.set(w.name, fileConstraint);
      else constraints.delete(w.name);
    } else excluded.delete(w.name);
    const run = await attempt(roots, { ...prepared.options, constraints, excluded });
    if (run.result.kind === "solved") {
      suggestions.push({ title: w.what === "pin" ? `Remove your what-if pin \`${w.text}\`` : `Include \`${w.text}\` again (remove your what-if exclusion)`, edit: { kind: "remove-what-if", name: w.name, what: w.what } });
    }
  }

  if (python) {
    const current = prepared.options.python;
    const choices = PYTHON_CHOICES.filter((p) => compareVersions(parseVersion(p), current) !== 0);
    // Nearest Python versions first.
    choices.sort((a, b) => Math.abs(minor(a) - minor(current.toString())) - Math.abs(minor(b) - minor(current.toString())));
    for (const version of choices) {
      if (!affordable()) break;
      const target = { ...prepared.options.target, pythonVersion: version };
      const markerEnv = markerEnvironment(target);
      const options: ResolveOptions = { ...prepared.options, target, markerEnv, python: parseVersion(markerEnv.python_full_version) };
      const run = await attempt(roots, options);
      if (run.result.kind === "solved") {
        suggestions.push({ title: `Target Python ${version} instead of ${prepared.options.target.pythonVersion}`, edit: { kind: "set-python", version } });
        break;
      }
    }
  }
  // Taking back a what-if first (the file is fine), then changing a requirement, removing one, another Python.
  const rank = (s: SuggestionDto) => {
    if (s.edit.kind === "remove-what-if") return 0;
    if (s.title.startsWith("Remove `")) return 2;
    return s.edit.kind === "set-python" ? 3 : 1;
  };
  return { suggestions: suggestions.sort((a, b) => rank(a) - rank(b)), complete };
}

function minor(version: string): number {
  const [major, min] = version.split(".").map(Number);
  return major * 100 + (min || 0);
}

/** How many existing versions lie between `v` and the requirement's range (0 = adjacent). */
function distance(v: Version, range: VersionRange, existing: readonly Version[]): number {
  const ascending = [...existing].sort(compareVersions);
  const i = ascending.findIndex((x) => compareVersions(x, v) === 0);
  let best = Number.MAX_SAFE_INTEGER;
  ascending.forEach((x, j) => {
    if (range.contains(x)) best = Math.min(best, Math.abs(j - i));
  });
  if (best !== Number.MAX_SAFE_INTEGER || ascending.length === 0) return best;
  // No existing version is in range: measure from the end of the list the range lies beyond.
  if (range.intersect(VersionRange.lowerBounded(ascending[0], true)).isEmpty()) return i;
  if (range.intersect(VersionRange.upperBounded(ascending[ascending.length - 1], true)).isEmpty()) return ascending.length - 1 - i;
  return 0;
}
