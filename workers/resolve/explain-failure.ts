// Explains a failed resolution in a Python developer's terms: simplified derivation tree -> numbered text and a drawable graph.
import type { ExplanationGraphDto } from "../api";
import { nodesBottomUp, type DerivationTree, type ExternalNode, type DerivationNode, type TreeTerm } from "../pubgrub/derivation-tree";
import { collapseNoVersions } from "../pubgrub/report/collapse-no-versions";
import { DefaultReportFormatter } from "../pubgrub/report/default-report-formatter";
import type { NodeRef } from "../pubgrub/report/report-formatter";
import { mergeUnavailable } from "../pubgrub/report/merge-unavailable";
import { shortenRanges } from "../pubgrub/report/shorten-ranges";
import { reportText } from "../pubgrub/report/text-report";
import { treeToGraph } from "../pubgrub/report/tree-graph";
import { versionListShortener } from "../pubgrub/report/version-list-shortener";
import { VersionRange } from "../packaging/ranges";
import { parseSpecifierSet } from "../packaging/specifiers";
import { MIN_VERSION, compareVersions, parseVersion, type Version } from "../packaging/version";
import { similarNames } from "./did-you-mean";
import { isRecordedSnapshot } from "./offline-snapshot";
import { PYTHON_KEY, ROOT_KEY, parseKey } from "./package-keys";
import type { ParsedDependency } from "./parsed-dependency";
import type { PythonProvider, UnavailableReason } from "./python-provider";
import type { ResolveOptions } from "./resolve-options";
import { extraDependencies } from "./release-dependencies";

type Tree = DerivationTree<Version, VersionRange, UnavailableReason>;

/** A version above any real one, to tell whether a set is bounded above. */
const FAR_FUTURE = parseVersion("999999999");
type Node = DerivationNode<Version, VersionRange, UnavailableReason>;

/** Lists a few versions: "1.0, 1.1 and 1.2" or "1.0, 1.1, … 2.3 (7 versions)". */
function listVersions(versions: readonly Version[]): string {
  const texts = versions.map((v) => v.toString());
  if (texts.length <= 4) return texts.length <= 1 ? texts.join("") : `${texts.slice(0, -1).join(", ")} and ${texts[texts.length - 1]}`;
  return `${texts.slice(0, 2).join(", ")}, … ${texts[texts.length - 1]} (${texts.length} versions)`;
}

export class PythonReportFormatter extends DefaultReportFormatter<Version, VersionRange, UnavailableReason> {
  /** Sets whose lower bound is only the oldest version on the index (shortening put it there, no requirement did). */
  readonly fromOldest = new WeakSet<VersionRange>();
  /** "Did you mean" names per project the index does not have. */
  readonly suggestions = new Map<string, string[]>();

  constructor(
    private readonly provider: PythonProvider,
    private readonly options: ResolveOptions,
  ) {
    super();
  }

  override packageText(pkg: string): string {
    if (pkg === ROOT_KEY) return "you";
    if (pkg === PYTHON_KEY) return "Python";
    return pkg;
  }

  override setText(pkg: string, set: VersionRange): string {
    if (set.isEmpty()) return "(no version)";
    const text = set.toString();
    const shown = /^==[^,|*]+$/.test(text) ? text.slice(2) : text;
    if (!this.fromOldest.has(set)) return shown;
    const key = parseKey(pkg);
    const name = key.kind === "project" || key.kind === "extra" ? key.name : pkg;
    const oldest = this.provider.candidatesOf(name)?.allVersions.at(-1);
    return oldest ? `${shown} (${oldest} is the oldest ${name} on the index)` : shown;
  }

  override versionText(version: Version): string {
    return version.toString();
  }

  override reasonText(reason: UnavailableReason): string {
    return reason.kind === "unknown-dependencies"
      ? `its dependencies are unknown: ${reason.detail}`
      : `it depends on a direct URL (${reason.requirement}), which a package from an index may not`;
  }

  override verb(node: Node): string {
    if (node.terms.some((t) => t.positive && t.package === ROOT_KEY)) return "require";
    if (node.kind === "dependency" && node.dependency === PYTHON_KEY) return "requires";
    return super.verb(node);
  }

  override failure(): string {
    return "your requirements cannot be satisfied";
  }

  override terse(term: TreeTerm<VersionRange>, tree: Tree, allowEvery = false): string {
    if (term.package === PYTHON_KEY) return term.set.isAny() ? "Python" : `Python ${term.set.toString()}`;
    // An empty set never reads "none": a positive one holds for no version, a negative one for every state.
    if (term.set.isEmpty()) return term.positive ? `no version of ${this.packageText(term.package)}` : `any state of ${this.packageText(term.package)}`;
    return super.terse(term, tree, allowEvery);
  }

  /** The what-if pin or constraint that narrows requirements on `pkg`, as a trailing clause (or ""). */
  narrowing(pkg: string): string {
    const key = parseKey(pkg);
    if (key.kind !== "project" && key.kind !== "extra") return "";
    const pin = this.options.whatIfPins?.get(key.name);
    if (pin !== undefined) return ` (narrowed by your what-if pin ${key.name}${pin})`;
    return "";
  }

  override external(node: ExternalNode<Version, VersionRange, UnavailableReason>, tree: Tree): string {
    switch (node.kind) {
      case "root":
        return "you want your requirements installed";
      case "dependency": {
        if (node.package === ROOT_KEY) {
          const key = parseKey(node.dependency);
          const texts = this.provider.rootRequirementTexts.get(key.kind === "project" || key.kind === "extra" ? key.name : node.dependency) ?? [];
          const unmet = !node.dependencyRange.isEmpty() ? "" : texts.length > 1 ? ", which exclude each other" : ", which excludes every version";
          return `you require ${this.userRequirement(node.dependency, node.dependencyRange, tree)}${this.narrowing(node.dependency)}${unmet}`;
        }
        const depender = this.terse({ package: node.package, positive: true, set: node.versions }, tree, true);
        if (node.dependency === PYTHON_KEY) return `${depender} requires Python ${node.dependencyRange.isEmpty() ? "(no version)" : node.dependencyRange.toString()}`;
        const key = parseKey(node.package);
        if (key.kind === "extra" && node.dependency === key.name) {
          return `${depender} is ${key.name} with its extra "${key.extra}"`;
        }
        if (node.dependencyRange.isEmpty()) {
          const depKey = parseKey(node.dependency);
          const declared =
            key.kind === "project" || key.kind === "extra"
              ? this.provider.declaredRequirements(key.name, node.versions, depKey.kind === "project" || depKey.kind === "extra" ? depKey.name : node.dependency)
              : [];
          const what = declared.length > 0 ? declared.join(" or ") : this.packageText(node.dependency);
          return `${depender} depends on ${what}${this.narrowing(node.dependency)}, which no version can satisfy`;
        }
        return `${depender} depends on ${this.terse({ package: node.dependency, positive: false, set: node.dependencyRange }, tree)}${this.narrowing(node.dependency)}`;
      }
      case "no-versions":
        return this.noVersions(node.package, node.versions);
      case "unavailable":
        return super.external(node, tree);
    }
  }

  /** "you require foo >=2, but only yanked versions of foo match >=2" instead of pub's "which doesn't match any versions". */
  protected override requiresForbidden(a: NodeRef<Version, VersionRange, UnavailableReason>, b: NodeRef<Version, VersionRange, UnavailableReason>, tree: Tree): string | null {
    const text = super.requiresForbidden(a, b, tree);
    const latter = a.node.terms.length === 1 ? a : b;
    if (text === null || latter.node.kind !== "no-versions") return text;
    const marker = " which doesn't match any versions";
    const at = text.lastIndexOf(marker);
    if (at < 0) return text;
    const cited = latter.line !== null ? ` (${latter.line})` : "";
    return `${text.slice(0, at)}, but ${this.noVersions(latter.node.package, latter.node.versions)}${cited}`;
  }

  /** The requirement as the user wrote it, when it was theirs. */
  private userRequirement(pkg: string, range: VersionRange, tree: Tree): string {
    const key = parseKey(pkg);
    const name = key.kind === "project" || key.kind === "extra" ? key.name : pkg;
    const texts = this.provider.rootRequirementTexts.get(name);
    if (texts && texts.length > 0) return texts.join(" and ");
    return this.terse({ package: pkg, positive: false, set: range }, tree);
  }

  /** Why nothing in `range` can be chosen: does not exist, yanked, pre-release, no file for the target, excluded. */
  noVersions(pkg: string, range: VersionRange): string {
    if (pkg === PYTHON_KEY) {
      return `the target Python ${this.options.target.pythonVersion} (${this.options.targetLabel}) does not satisfy ${range.toString()}`;
    }
    const key = parseKey(pkg);
    const name = key.kind === "project" || key.kind === "extra" ? key.name : pkg;
    const state = this.provider.projectState(name);
    if (this.options.excluded.has(name)) return `your what-if exclusion of ${name} leaves no version of it`;
    if (range.isEmpty()) {
      const pin = this.options.whatIfPins?.get(name);
      return pin !== undefined ? `the requirement and your what-if pin ${name}${pin} exclude each other` : `the requirement on ${name} excludes every version`;
    }
    if (!state) return `no versions of ${pkg} match ${this.setText(pkg, range)}`;
    if (state.kind === "not-found") {
      const similar = this.suggestions.get(name) ?? [];
      const hint = similar.length > 0 ? ` (did you mean ${similar.join(" or ")}?)` : "";
      if (state.indexUrls.every(isRecordedSnapshot)) return `${name} is not recorded in this offline snapshot${hint}`;
      const where = state.indexUrls.length === 1 ? state.indexUrls[0] : `any of ${state.indexUrls.join(", ")}`;
      return `${name} does not exist on ${where}${hint}`;
    }
    const all = state.candidates;
    const rangeText = range.isAny() ? "" : ` ${this.setText(pkg, range)}`;
    const inRange = all.candidates.filter((c) => range.contains(c.version));
    const rejected = all.rejected.filter((r) => range.contains(r.version));
    if (inRange.length === 0 && rejected.length === 0) {
      if (all.allVersions.length === 0) {
        return isRecordedSnapshot(state.listing.indexUrl) ? `${name} is not recorded in this offline snapshot` : `${name} has no releases on ${state.listing.indexUrl}`;
      }
      if (range.isAny()) return `no versions of ${name} exist`;
      const newest = all.allVersions[0];
      const oldest = all.allVersions[all.allVersions.length - 1];
      const where = compareVersions(oldest, newest) === 0
        ? `the only version is ${newest}`
        : range.intersect(VersionRange.lowerBounded(oldest, true)).isEmpty()
          ? `the oldest version is ${oldest}`
          : range.intersect(VersionRange.upperBounded(newest, true)).isEmpty()
            ? `the newest version is ${newest}`
            : `versions: ${listVersions([...all.allVersions].reverse())}`;
      return `no versions of ${name} match${rangeText} (${where})`;
    }
    const parts: string[] = [];
    const yanked = inRange.filter((c) => c.yanked !== false);
    if (yanked.length > 0 && yanked.length === inRange.length) {
      const reasons = [...new Set(yanked.map((c) => c.yanked).filter((r): r is string => typeof r === "string" && r !== ""))];
      const pinnedBy = this.options.policy === "uv" ? "your own requirement pins it" : "pinned";
      parts.push(
        `only yanked versions of ${name} match${rangeText} (${listVersions(yanked.map((c) => c.version).reverse())}${reasons.length ? `; yanked: ${reasons.join("; ")}` : ""}) and a yanked version is only chosen when ${pinnedBy} with ==`,
      );
    } else {
      const pre = inRange.filter((c) => c.version.isPrerelease && c.yanked === false);
      if (pre.length > 0 && pre.length === inRange.filter((c) => c.yanked === false).length && this.options.prerelease === "disallow") {
        parts.push(`only pre-releases of ${name} match${rangeText} (${listVersions(pre.map((c) => c.version).reverse())}) and pre-releases are disallowed`);
      } else if (pre.length > 0 && pre.length === inRange.filter((c) => c.yanked === false).length && this.options.policy === "uv" && this.options.prerelease !== "allow") {
        parts.push(
          `only pre-releases of ${name} match${rangeText} (${listVersions(pre.map((c) => c.version).reverse())}) and uv's rules take a pre-release only when your own requirement names one or the project has no final release`,
        );
      }
    }
    const wrongPython = inRange.filter((c) => !c.requiresPython.contains(this.options.python));
    if (parts.length === 0 && wrongPython.length > 0 && wrongPython.length === inRange.length) {
      parts.push(`every version of ${name} that matches${rangeText} requires another Python (${wrongPython[0].requiresPythonText ?? wrongPython[0].requiresPython.toString()}; the target is ${this.options.target.pythonVersion})`);
    }
    if (parts.length === 0 && rejected.length > 0) {
      const byReason = new Map<string, Version[]>();
      for (const r of rejected) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.version]);
      for (const [reason, versions] of byReason) {
        versions.sort(compareVersions);
        parts.push(`${name} ${listVersions(versions)} ${reason}`);
      }
    }
    return parts.length > 0 ? parts.join("; ") : `no usable versions of ${name} match${rangeText}`;
  }
}

export interface Explanation {
  /**
   * What to read first, one sentence each: every requirement that can never be met ("No matching distribution for
   * …"), with the chain that asked for it; or, when the requirements only clash, which of yours clash.
   */
  summary: string[];
  /** The full derivation, numbered. */
  text: string;
  graph: ExplanationGraphDto;
}

/** What the explanation needs of the request: the user's requirements (markers already true) and where each was written. */
export interface ExplainInput {
  roots: readonly ParsedDependency[];
  rootLines: readonly (number | null)[];
}

/** How deep "every usable version of X requires Y" chains are followed from a requirement of yours. */
const MAX_CHAIN = 4;
/** Chains are followed only through projects with at most this many usable versions in range (all must be known). */
const MAX_CANDIDATES = 64;

interface Need {
  name: string;
  extras: readonly string[];
  range: VersionRange;
  pinned: boolean;
  /** The requirements from the user's down to this one: the text as written, and a note (" (line 3)"). */
  chain: { text: string; note: string }[];
}

/** Range of a requirement after the user's constraints and what-if pins, as the provider applies them. */
function constrained(options: ResolveOptions, dep: ParsedDependency): { name: string; range: VersionRange; dep: ParsedDependency } {
  const req = options.overrides.get(dep.name) ?? dep;
  const constraint = options.constraints.get(req.name);
  return { name: req.name, range: constraint ? req.range.intersect(constraint) : req.range, dep: req };
}

/**
 * Requirements that can never be met whatever else is chosen: each of the user's requirements with no usable version
 * in range, and, following chains where every usable version of a project requires the same next project (all their
 * dependencies known), the first requirement down a chain with no usable version.
 */
async function unmeetable(provider: PythonProvider, options: ResolveOptions, formatter: PythonReportFormatter, input: ExplainInput): Promise<string[]> {
  const out: string[] = [];
  const stated = new Set<string>();
  const usable = (need: Need): boolean => {
    if (options.excluded.has(need.name)) return false;
    const all = provider.candidatesOf(need.name);
    if (!all) return true;
    return all.candidates.some(
      (c) =>
        need.range.contains(c.version) &&
        (c.yanked === false || need.pinned) &&
        c.requiresPython.contains(options.python) &&
        !(options.prerelease === "disallow" && c.version.isPrerelease),
    );
  };
  const state = async (name: string) => {
    try {
      return await provider.listingState(name);
    } catch {
      return undefined;
    }
  };
  const queue: Need[] = [];
  input.roots.forEach((root, i) => {
    const { name, range, dep } = constrained(options, root);
    const line = input.rootLines[i];
    const pin = options.whatIfPins?.get(name);
    const where = line !== null && line !== undefined ? ` (line ${line})` : "";
    const note = pin !== undefined ? `${where} with your what-if pin \`${name}${pin}\`` : where;
    queue.push({ name, extras: root.extras, range, pinned: dep.pinned, chain: [{ text: root.text, note }] });
  });
  const visited = new Set<string>();
  while (queue.length > 0) {
    const need = queue.shift() as Need;
    const id = `${need.name} ${need.range.toString()}`;
    if (visited.has(id)) continue;
    visited.add(id);
    const listing = await state(need.name);
    if (!listing) continue;
    if (listing.kind === "not-found" && !formatter.suggestions.has(need.name)) {
      formatter.suggestions.set(need.name, await didYouMean(provider, need.name));
    }
    if (listing.kind === "not-found" || !usable(need)) {
      if (stated.has(need.name)) continue;
      stated.add(need.name);
      const reason = formatter.noVersions(need.name, need.range);
      const shown = need.chain.map((c) => `\`${c.text}\`${c.note}`);
      if (shown.length === 1) out.push(`No matching distribution for ${shown[0]}: ${reason}.`);
      else out.push(`No matching distribution for ${shown[shown.length - 1]}: ${reason}. You need it through ${shown.join(" → ")} (every usable version along the way asks for the next).`);
      continue;
    }
    if (need.chain.length >= MAX_CHAIN) continue;
    // Follow the dependencies every usable version in range has, when all of them are known.
    const all = provider.candidatesOf(need.name);
    const versions = (all?.candidates ?? []).filter((c) => need.range.contains(c.version) && c.yanked === false && c.requiresPython.contains(options.python));
    if (versions.length === 0 || versions.length > MAX_CANDIDATES) continue;
    const perVersion: Map<string, ParsedDependency[]>[] = [];
    let known = true;
    for (const c of versions) {
      const release = provider.releaseOf(need.name, c.version);
      if (release?.kind !== "known") {
        known = false;
        break;
      }
      const deps = [...release.deps.base, ...need.extras.flatMap((e) => extraDependencies(release.deps, options.markerEnv, e))];
      const byName = new Map<string, ParsedDependency[]>();
      for (const d of deps) if (d.url === null && d.name !== need.name) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
      perVersion.push(byName);
    }
    if (!known) continue;
    for (const [name] of perVersion[0]) {
      if (!perVersion.every((m) => m.has(name))) continue;
      let range = VersionRange.empty();
      const texts = new Set<string>();
      let pinned = true;
      for (const m of perVersion) {
        let r = VersionRange.full();
        for (const d of m.get(name) ?? []) {
          const c = constrained(options, d);
          r = r.intersect(c.range);
          texts.add(d.text);
          pinned &&= c.dep.pinned;
        }
        range = range.union(r);
      }
      const pin = options.whatIfPins?.get(name);
      const note = pin !== undefined ? ` with your what-if pin \`${name}${pin}\`` : "";
      queue.push({ name, extras: [], range, pinned, chain: [...need.chain, { text: [...texts].sort().join(" or "), note }] });
    }
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function didYouMean(provider: PythonProvider, name: string): Promise<string[]> {
  const names = await provider.projectNames();
  return names ? similarNames(name, names) : [];
}

/** For a clash: "These of your requirements cannot all be met together: left (line 1) and right (line 2)." */
function clashSummary(tree: Tree, input: ExplainInput, options: ResolveOptions): string[] {
  const named: string[] = [];
  let python = false;
  for (const node of nodesBottomUp(tree.root)) {
    if (node.terms.some((t) => t.package === PYTHON_KEY)) python = true;
    if (node.kind !== "dependency" || node.package !== ROOT_KEY) continue;
    const key = parseKey(node.dependency);
    const name = key.kind === "project" || key.kind === "extra" ? key.name : node.dependency;
    input.roots.forEach((root, i) => {
      if (root.name !== name) return;
      const line = input.rootLines[i];
      const text = `${root.text}${line !== null && line !== undefined ? ` (line ${line})` : ""}`;
      if (!named.includes(text)) named.push(text);
    });
  }
  const pins = [...(options.whatIfPins ?? new Map<string, string>())].filter(([name]) => input.roots.some((r) => r.name === name) || nodesBottomUp(tree.root).some((n) => n.terms.some((t) => parseKey(t.package).kind !== "root" && t.package === name)));
  for (const [name, spec] of pins) named.push(`your what-if pin ${name}${spec}`);
  for (const name of options.excluded) if (nodesBottomUp(tree.root).some((n) => n.terms.some((t) => t.package === name))) named.push(`your what-if exclusion of ${name}`);
  const target = python ? ` on the target Python ${options.target.pythonVersion}` : "";
  if (named.length === 0) return [];
  if (named.length === 1) return [`${capitalise(named[0])} cannot be met${target}; the derivation below shows why.`];
  return [`These cannot all be met together${target}: ${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}.`];
}

/** Simplification passes, in order, then text and graph from the same simplified tree; the summary is stated first. */
export async function explainFailure(tree: Tree, provider: PythonProvider, options: ResolveOptions, input: ExplainInput = { roots: [], rootLines: [] }): Promise<Explanation> {
  const existing = (pkg: string): readonly Version[] | undefined => {
    const key = parseKey(pkg);
    if (key.kind !== "project" && key.kind !== "extra") return undefined;
    return provider.candidatesOf(key.name)?.allVersions;
  };
  const shorten = versionListShortener<Version, VersionRange>({
    versions: existing,
    compare: compareVersions,
    sets: { full: () => VersionRange.full(), empty: () => VersionRange.empty(), singleton: (v) => VersionRange.singleton(v) },
    // PEP 440 has no `>=` or `<` naming a local version (`<2.0.0+foo`): such runs are listed version by version.
    atLeast: (v) => (v.local === null ? VersionRange.lowerBounded(v, true) : null),
    lessThan: (v) => (v.local === null ? parseSpecifierSet(`<${v.toString()}`).toRange() : null),
  });
  const formatter = new PythonReportFormatter(provider, options);
  const summary = await unmeetable(provider, options, formatter, input);
  let simplified = collapseNoVersions(tree, { include: (pkg) => pkg !== PYTHON_KEY });
  simplified = mergeUnavailable(simplified, (a, b) => a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b));
  // Sets are shortened to the versions that exist. Derived requirements are too (PEP 440's exclusive bounds make
  // them read as ">=0.25.dev0"), but keeping their bounds: "pandas >=0.25.2 is required", never just "pandas".
  // A lower bound that is only the oldest version on the index says so, or the reader cannot follow the jump.
  const boundedShorten = (pkg: string, set: VersionRange): VersionRange => {
    const out = shorten(pkg, set);
    if (!out.isAny() || set.isAny()) return out;
    const inside = (existing(pkg) ?? []).filter((v) => set.contains(v)).sort(compareVersions);
    if (inside.length === 0) return set;
    let bounded = VersionRange.full();
    const lower = !set.contains(MIN_VERSION);
    if (lower) bounded = bounded.intersect(VersionRange.lowerBounded(inside[0], true));
    if (!set.contains(FAR_FUTURE)) bounded = bounded.intersect(VersionRange.upperBounded(inside[inside.length - 1], true));
    if (lower) formatter.fromOldest.add(bounded);
    return bounded;
  };
  // A derived requirement that already reads as a requirement someone wrote (">=2.5") is kept: shortening it to the
  // next existing version (">=3.0") is a jump the reader cannot follow. Only PEP 440 artefacts are rewritten.
  const artefact = (set: VersionRange) => /dev0|incl\. pre-releases|\.post\*/.test(set.toString());
  const negative = (pkg: string, set: VersionRange) => (artefact(set) ? boundedShorten(pkg, set) : set);
  simplified = shortenRanges(simplified, (pkg, set, place) => (place === "negative-term" ? negative(pkg, set) : shorten(pkg, set)), [
    "depender",
    "unavailable",
    "positive-term",
    "negative-term",
  ]);
  const report = reportText(simplified, formatter);
  const graph = treeToGraph(simplified, formatter, report.lines);
  return {
    summary: summary.length > 0 ? summary : clashSummary(tree, input, options),
    text: report.text,
    graph: {
      nodes: graph.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        label: n.label,
        package: n.package,
        range: n.range,
        dependency: n.dependency,
        dependencyRange: n.dependencyRange,
        isRoot: n.isRoot,
        line: n.line,
      })),
      edges: graph.edges.map((e) => ({ from: e.from, to: e.to, label: e.label })),
    },
  };
}
