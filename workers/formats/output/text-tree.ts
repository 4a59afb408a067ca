// The dependency tree as `uv tree` prints it: one line per package under its canonical name, indented, `(*)` where a subtree was already shown, the specifier that asked, inverted for one package, depth-limited.
import type { ResolvedPackageDto } from "../../api";
import type { TextTree, TextTreeLine, TextTreeOptions, TextTreeView } from "../../api-tree";

/** The dependent name the worker gives the user's own requirements (see `resolved-packages.ts`). */
const ROOT_DEPENDENT = "<root>";

/** The footnote `uv tree` prints when a line carries `(*)`. */
export const REPEAT_NOTE = "(*) Package tree already displayed";

interface Edge {
  /** The package's key: its canonical name, or `name==version` where a universal result holds the name twice. */
  name: string;
  specifier: string | null;
  extras: string[];
  /** Universal results: where this edge (or, on a top line, the package) exists, when not everywhere. */
  marker?: string;
}

const keyOf = (p: ResolvedPackageDto): string => p.id ?? p.name;

/** Joins the distinct non-empty specifiers of the dependency entries naming `name` (a package can list one project twice, under markers). */
function specifierOf(parent: ResolvedPackageDto, name: string): { specifier: string; extras: string[] } {
  const entries = parent.dependencies.filter((d) => d.name === name);
  const specifiers = [...new Set(entries.map((d) => d.specifier.trim()).filter((s) => s !== ""))];
  const extras = [...new Set(entries.flatMap((d) => d.extras))].sort();
  return { specifier: specifiers.join(" | "), extras };
}

function byName(a: Edge, b: Edge): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The tree of a resolution, pure. Top lines are the direct requirements (or, inverted, the one package); each
 * package's children are sorted by name, as pipdeptree does; a package whose children were already shown is
 * printed once more with `repeated` and no children, as uv's de-duplication does.
 */
export function textTree(packages: readonly ResolvedPackageDto[], options: TextTreeOptions = {}): TextTree {
  const packageOf = new Map(packages.map((p) => [keyOf(p), p]));
  const maxDepth = options.depth ?? Infinity;
  const rootSpecifiers = options.rootSpecifiers ?? new Map<string, string>();

  const children = new Map<string, Edge[]>();
  if (options.invert) {
    const target = packageOf.get(options.invert);
    if (!target) return { ok: false, message: `${options.invert} is not in this resolution` };
    for (const pkg of packages) {
      const up: Edge[] = [];
      for (const dependent of pkg.dependents) {
        if (dependent === ROOT_DEPENDENT) up.push({ name: ROOT_DEPENDENT, specifier: rootSpecifiers.get(pkg.name) ?? null, extras: pkg.direct ? pkg.extras : [] });
        else {
          const parent = packageOf.get(dependent);
          if (parent) up.push({ name: dependent, ...specifierOf(parent, pkg.name) });
        }
      }
      if (pkg.direct && !pkg.dependents.includes(ROOT_DEPENDENT)) up.push({ name: ROOT_DEPENDENT, specifier: rootSpecifiers.get(pkg.name) ?? null, extras: pkg.extras });
      children.set(keyOf(pkg), up.sort(byName));
    }
  } else {
    for (const pkg of packages) {
      const down: Edge[] = [];
      for (const d of pkg.dependencies) {
        // An edge of a universal result may reach several versions of one name (in disjoint environments).
        for (const key of d.targets ?? [d.name]) {
          if (!packageOf.has(key) || key === keyOf(pkg) || down.some((e) => e.name === key)) continue;
          down.push({ name: key, ...specifierOf(pkg, d.name), ...(d.environmentMarker ? { marker: d.environmentMarker } : {}) });
        }
      }
      children.set(keyOf(pkg), down.sort(byName));
    }
  }

  const top: Edge[] = options.invert
    ? [{ name: options.invert, specifier: null, extras: [] }]
    : packages
        .filter((p) => p.direct || p.dependents.includes(ROOT_DEPENDENT))
        .map((p) => ({ name: keyOf(p), specifier: rootSpecifiers.get(p.name) ?? null, extras: p.extras, ...(p.marker ? { marker: p.marker } : {}) }))
        .sort(byName);

  const lines: TextTreeLine[] = [];
  const expanded = new Set<string>();
  let hasRepeats = false;

  // Iterative depth-first walk: a long chain must not exhaust the stack.
  const stack: { edge: Edge; parent: string; depth: number; last: boolean }[] = [];
  for (let i = top.length - 1; i >= 0; i--) stack.push({ edge: top[i], parent: "", depth: 0, last: i === top.length - 1 });
  while (stack.length) {
    const { edge, parent, depth, last } = stack.pop()!;
    const pkg = packageOf.get(edge.name);
    const below = children.get(edge.name) ?? [];
    // Lines come out in walk order, so "expanded" is "shown above" (a cycle's ancestor included).
    const repeated = below.length > 0 && expanded.has(edge.name);
    const truncated = !repeated && below.length > 0 && depth >= maxDepth;
    hasRepeats ||= repeated;
    lines.push({
      depth,
      name: edge.name,
      label: edge.name === ROOT_DEPENDENT ? "your requirements" : (pkg?.name ?? edge.name),
      version: pkg?.version ?? "",
      extras: edge.extras,
      specifier: edge.specifier,
      constrains: options.invert ? (packageOf.get(parent)?.name ?? parent) : edge.name,
      repeated,
      truncated,
      last,
      ...(edge.marker ? { marker: edge.marker } : {}),
    });
    if (repeated || truncated) continue;
    expanded.add(edge.name);
    for (let i = below.length - 1; i >= 0; i--) stack.push({ edge: below[i], parent: edge.name, depth: depth + 1, last: i === below.length - 1 });
  }
  return { ok: true, lines, hasRepeats };
}

/**
 * The text of one line without its guides, as uv's `--show-version-specifiers` and pipdeptree write it:
 * `requests[socks] v2.31.0 [required: >=2.0] (*)`, inverted `flask v3.0.0 [requires: jinja2>=3.1.2]`.
 */
export function lineText(line: TextTreeLine, inverted: boolean): string {
  const extras = line.extras.length ? `[${line.extras.join(",")}]` : "";
  let text = line.label + (inverted ? "" : extras);
  if (line.version) text += ` v${line.version}`;
  if (line.specifier !== null) text += inverted ? ` [requires: ${line.constrains}${extras}${line.specifier || " (any version)"}]` : ` [required: ${line.specifier || "*"}]`;
  if (line.marker) text += ` [only where ${line.marker}]`;
  if (line.repeated) text += " (*)";
  return text;
}

/** The box-drawing guides in front of each line (`│   ├── `), in order: a line's guides depend on the lines above it. */
export function treeGuides(lines: readonly TextTreeLine[]): string[] {
  /** For each level above the current line, the guide its descendants draw there: "│   " while siblings follow. */
  const open: string[] = [];
  return lines.map((line) => {
    open.length = Math.max(0, line.depth - 1);
    const guides = line.depth === 0 ? "" : open.join("") + (line.last ? "└── " : "├── ");
    if (line.depth > 0) open[line.depth - 1] = line.last ? "    " : "│   ";
    return guides;
  });
}

/** The whole tree as text, as `uv tree` prints it, with its footnote when a line was not repeated. */
export function renderTextTree(tree: TextTree, options: Pick<TextTreeOptions, "invert"> = {}): string {
  if (!tree.ok) return tree.message + "\n";
  const inverted = Boolean(options.invert);
  const guides = treeGuides(tree.lines);
  const text = tree.lines.map((line, i) => guides[i] + lineText(line, inverted)).join("\n");
  return text + (tree.hasRepeats ? `\n${REPEAT_NOTE}\n` : "\n");
}

/** The tree with each line's guides and text, and the whole text: what the page shows and copies. */
export function textTreeView(packages: readonly ResolvedPackageDto[], options: TextTreeOptions = {}): TextTreeView {
  const tree = textTree(packages, options);
  if (!tree.ok) return tree;
  const inverted = Boolean(options.invert);
  const guides = treeGuides(tree.lines);
  return { ok: true, lines: tree.lines.map((line, i) => ({ ...line, guides: guides[i], text: lineText(line, inverted) })), text: renderTextTree(tree, options) };
}
