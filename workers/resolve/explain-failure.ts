// Explains a failed resolution in a Python developer's terms: simplified derivation tree -> numbered text and a drawable graph.
import type { ExplanationGraphDto } from "../api";
import type { DerivationTree, ExternalNode, DerivationNode, TreeTerm } from "../pubgrub/derivation-tree";
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
import { PYTHON_KEY, ROOT_KEY, parseKey } from "./package-keys";
import type { PythonProvider, UnavailableReason } from "./python-provider";
import type { ResolveOptions } from "./resolve-options";

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

  override setText(_pkg: string, set: VersionRange): string {
    const text = set.toString();
    return /^==[^,|*]+$/.test(text) ? text.slice(2) : text;
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
    return super.terse(term, tree, allowEvery);
  }

  override external(node: ExternalNode<Version, VersionRange, UnavailableReason>, tree: Tree): string {
    switch (node.kind) {
      case "root":
        return "you want your requirements installed";
      case "dependency": {
        if (node.package === ROOT_KEY) return `you require ${this.userRequirement(node.dependency, node.dependencyRange, tree)}`;
        const depender = this.terse({ package: node.package, positive: true, set: node.versions }, tree, true);
        if (node.dependency === PYTHON_KEY) return `${depender} requires Python ${node.dependencyRange.toString()}`;
        const key = parseKey(node.package);
        if (key.kind === "extra" && node.dependency === key.name) {
          return `${depender} is ${key.name} with its extra "${key.extra}"`;
        }
        return `${depender} depends on ${this.terse({ package: node.dependency, positive: false, set: node.dependencyRange }, tree)}`;
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
  private noVersions(pkg: string, range: VersionRange): string {
    if (pkg === PYTHON_KEY) {
      return `the target Python ${this.options.target.pythonVersion} (${this.options.targetLabel}) does not satisfy ${range.toString()}`;
    }
    const key = parseKey(pkg);
    const name = key.kind === "project" || key.kind === "extra" ? key.name : pkg;
    const state = this.provider.projectState(name);
    if (this.options.excluded.has(name)) return `${name} is excluded (by your "what if")`;
    if (!state) return `no versions of ${pkg} match ${this.setText(pkg, range)}`;
    if (state.kind === "not-found") {
      const where = state.indexUrls.length === 1 ? state.indexUrls[0] : `any of ${state.indexUrls.join(", ")}`;
      return `${name} does not exist on ${where}`;
    }
    const all = state.candidates;
    const rangeText = range.isAny() ? "" : ` ${this.setText(pkg, range)}`;
    const inRange = all.candidates.filter((c) => range.contains(c.version));
    const rejected = all.rejected.filter((r) => range.contains(r.version));
    if (inRange.length === 0 && rejected.length === 0) {
      if (all.allVersions.length === 0) return `${name} has no releases`;
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
      parts.push(
        `only yanked versions of ${name} match${rangeText} (${listVersions(yanked.map((c) => c.version).reverse())}${reasons.length ? `; yanked: ${reasons.join("; ")}` : ""}) and a yanked version is only chosen when pinned with ==`,
      );
    } else {
      const pre = inRange.filter((c) => c.version.isPrerelease && c.yanked === false);
      if (pre.length > 0 && pre.length === inRange.filter((c) => c.yanked === false).length && this.options.prerelease === "disallow") {
        parts.push(`only pre-releases of ${name} match${rangeText} (${listVersions(pre.map((c) => c.version).reverse())}) and pre-releases are disallowed`);
      }
    }
    const wrongPython = inRange.filter((c) => !c.requiresPython.contains(this.options.python));
    if (parts.length === 0 && wrongPython.length > 0 && wrongPython.length === inRange.length) {
      parts.push(`every version of ${name} that matches${rangeText} requires another Python (${wrongPython[0].requiresPythonText ?? wrongPython[0].requiresPython.toString()})`);
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
  text: string;
  graph: ExplanationGraphDto;
}

/** Simplification passes, in order, then text and graph from the same simplified tree. */
export function explainFailure(tree: Tree, provider: PythonProvider, options: ResolveOptions): Explanation {
  const existing = (pkg: string): readonly Version[] | undefined => {
    const key = parseKey(pkg);
    if (key.kind !== "project" && key.kind !== "extra") return undefined;
    return provider.candidatesOf(key.name)?.allVersions;
  };
  const shorten = versionListShortener<Version, VersionRange>({
    versions: existing,
    compare: compareVersions,
    sets: { full: () => VersionRange.full(), empty: () => VersionRange.empty(), singleton: (v) => VersionRange.singleton(v) },
    atLeast: (v) => VersionRange.lowerBounded(v, true),
    lessThan: (v) => parseSpecifierSet(`<${v.toString()}`).toRange(),
  });
  let simplified = collapseNoVersions(tree, { include: (pkg) => pkg !== PYTHON_KEY });
  simplified = mergeUnavailable(simplified, (a, b) => a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b));
  // Sets are shortened to the versions that exist. Derived requirements are too (PEP 440's exclusive bounds make
  // them read as ">=0.25.dev0"), but keeping their bounds: "pandas >=0.25.2 is required", never just "pandas".
  const boundedShorten = (pkg: string, set: VersionRange): VersionRange => {
    const out = shorten(pkg, set);
    if (!out.isAny() || set.isAny()) return out;
    const inside = (existing(pkg) ?? []).filter((v) => set.contains(v)).sort(compareVersions);
    if (inside.length === 0) return set;
    let bounded = VersionRange.full();
    if (!set.contains(MIN_VERSION)) bounded = bounded.intersect(VersionRange.lowerBounded(inside[0], true));
    if (!set.contains(FAR_FUTURE)) bounded = bounded.intersect(VersionRange.upperBounded(inside[inside.length - 1], true));
    return bounded;
  };
  simplified = shortenRanges(simplified, (pkg, set, place) => (place === "negative-term" ? boundedShorten(pkg, set) : shorten(pkg, set)), [
    "depender",
    "unavailable",
    "positive-term",
    "negative-term",
  ]);
  const formatter = new PythonReportFormatter(provider, options);
  const report = reportText(simplified, formatter);
  const graph = treeToGraph(simplified, formatter, report.lines);
  return {
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

