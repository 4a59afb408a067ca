// The text tree: what `uv tree` / pipdeptree users expect to read (guides, (*) repeats, specifiers, inverted, depth).
import { UNIVERSAL_EXAMPLE } from "../../resolve/test-support/universal-example";
import { describe, expect, it } from "vitest";
import type { DependencyEdgeDto, ResolvedPackageDto } from "../../api";
import { resolvedPackage } from "../../../test-support/resolved-package";
import { renderTextTree, textTree } from "./text-tree";

function dep(name: string, specifier = "", extras: string[] = []): DependencyEdgeDto {
  return { name, specifier, marker: null, extras };
}

/** flask's real shape: jinja2 and werkzeug both need markupsafe, which here needs a helper so its subtree is worth eliding. */
function flaskResolution(): ResolvedPackageDto[] {
  return [
    resolvedPackage("flask", "3.0.0", {
      displayName: "Flask",
      direct: true,
      dependents: ["<root>"],
      dependencies: [dep("werkzeug", ">=3.0.0"), dep("jinja2", ">=3.1.2"), dep("click", ">=8.1.3")],
    }),
    resolvedPackage("jinja2", "3.1.2", { displayName: "Jinja2", dependents: ["flask"], dependencies: [dep("markupsafe", ">=2.0")] }),
    resolvedPackage("werkzeug", "3.0.1", { dependents: ["flask"], dependencies: [dep("markupsafe", ">=2.1.1")] }),
    resolvedPackage("markupsafe", "2.1.3", { displayName: "MarkupSafe", dependents: ["jinja2", "werkzeug"], dependencies: [dep("helper")] }),
    resolvedPackage("helper", "1.0", { dependents: ["markupsafe"] }),
    resolvedPackage("click", "8.1.7", { dependents: ["flask", "<root>"], direct: true }),
  ];
}

const ROOT_SPECS = new Map([
  ["flask", ">=3"],
  ["click", ""],
]);

describe("textTree", () => {
  it("draws the requirements top-down with guides, the specifier that asked, and (*) where a subtree was shown", () => {
    const text = renderTextTree(textTree(flaskResolution(), { rootSpecifiers: ROOT_SPECS }));
    expect(text).toBe(
      [
        "click v8.1.7 [required: *]",
        "flask v3.0.0 [required: >=3]",
        "├── click v8.1.7 [required: >=8.1.3]",
        "├── jinja2 v3.1.2 [required: >=3.1.2]",
        "│   └── markupsafe v2.1.3 [required: >=2.0]",
        "│       └── helper v1.0 [required: *]",
        "└── werkzeug v3.0.1 [required: >=3.0.0]",
        "    └── markupsafe v2.1.3 [required: >=2.1.1] (*)",
        "(*) Package tree already displayed",
        "",
      ].join("\n"),
    );
  });

  it("leaves the top lines' specifier out when the user's requirements are not known", () => {
    const tree = textTree(flaskResolution());
    expect(tree.ok && tree.lines.filter((l) => l.depth === 0).map((l) => l.specifier)).toEqual([null, null]);
  });

  it("inverted, shows who depends on one package and what each asked of it, down to the user's requirements", () => {
    const text = renderTextTree(textTree(flaskResolution(), { invert: "markupsafe", rootSpecifiers: ROOT_SPECS }), { invert: "markupsafe" });
    expect(text).toBe(
      [
        "markupsafe v2.1.3",
        "├── jinja2 v3.1.2 [requires: markupsafe>=2.0]",
        "│   └── flask v3.0.0 [requires: jinja2>=3.1.2]",
        "│       └── your requirements [requires: flask>=3]",
        "└── werkzeug v3.0.1 [requires: markupsafe>=2.1.1]",
        "    └── flask v3.0.0 [requires: werkzeug>=3.0.0] (*)",
        "(*) Package tree already displayed",
        "",
      ].join("\n"),
    );
  });

  it("says so when the package to invert is not in the resolution", () => {
    const tree = textTree(flaskResolution(), { invert: "django" });
    expect(tree).toEqual({ ok: false, message: "django is not in this resolution" });
  });

  it("stops at the depth limit and marks the lines whose children it did not show", () => {
    const tree = textTree(flaskResolution(), { depth: 1, rootSpecifiers: ROOT_SPECS });
    if (!tree.ok) throw new Error(tree.message);
    expect(tree.lines.map((l) => `${l.depth} ${l.name}${l.truncated ? " …" : ""}`)).toEqual(["0 click", "0 flask", "1 click", "1 jinja2 …", "1 werkzeug …"]);
    const top = textTree(flaskResolution(), { depth: 0 });
    expect(top.ok && top.lines.map((l) => l.name)).toEqual(["click", "flask"]);
  });

  it("shows extras asked on an edge with the package they were asked of", () => {
    const packages = [
      resolvedPackage("app", "1.0", { direct: true, dependents: ["<root>"], dependencies: [dep("requests", ">=2", ["socks"])] }),
      resolvedPackage("requests", "2.31.0", { extras: ["socks"], dependents: ["app"] }),
    ];
    expect(renderTextTree(textTree(packages))).toBe("app v1.0\n└── requests[socks] v2.31.0 [required: >=2]\n");
    expect(renderTextTree(textTree(packages, { invert: "requests" }), { invert: "requests" })).toBe(
      "requests v2.31.0\n└── app v1.0 [requires: requests[socks]>=2]\n    └── your requirements\n",
    );
  });

  it("ends on a dependency cycle, marking the package met again", () => {
    const packages = [
      resolvedPackage("a", "1", { direct: true, dependents: ["<root>", "b"], dependencies: [dep("b")] }),
      resolvedPackage("b", "1", { dependents: ["a"], dependencies: [dep("a")] }),
    ];
    expect(renderTextTree(textTree(packages))).toBe("a v1\n└── b v1 [required: *]\n    └── a v1 [required: *] (*)\n(*) Package tree already displayed\n");
  });

  it("walks a 20,000-package chain without exhausting the stack, one line per package", () => {
    const n = 20_000;
    const packages = Array.from({ length: n }, (_, i) =>
      resolvedPackage(`p${i}`, "1", {
        direct: i === 0,
        dependents: i === 0 ? ["<root>"] : [`p${i - 1}`],
        dependencies: i + 1 < n ? [dep(`p${i + 1}`)] : [],
      }),
    );
    const tree = textTree(packages);
    expect(tree.ok && tree.lines.length).toBe(n);
    expect(tree.ok && tree.lines[n - 1].depth).toBe(n - 1);
  });

  it("expands each package once however many paths reach it: a dense graph stays linear in its edges", () => {
    // Layer k has 10 packages, each depending on all 10 of layer k+1: 10^8 paths, 10 * 10 * 8 edges.
    const layers = 9;
    const packages: ResolvedPackageDto[] = [];
    for (let k = 0; k < layers; k++) {
      for (let j = 0; j < 10; j++) {
        packages.push(
          resolvedPackage(`l${k}-${j}`, "1", {
            direct: k === 0,
            dependents: k === 0 ? ["<root>"] : Array.from({ length: 10 }, (_, i) => `l${k - 1}-${i}`),
            dependencies: k + 1 < layers ? Array.from({ length: 10 }, (_, i) => dep(`l${k + 1}-${i}`)) : [],
          }),
        );
      }
    }
    const tree = textTree(packages);
    if (!tree.ok) throw new Error(tree.message);
    expect(tree.lines.length).toBeLessThanOrEqual(10 + 10 * 10 * (layers - 1));
    expect(new Set(tree.lines.filter((l) => !l.repeated).map((l) => l.name)).size).toBe(packages.length);
  });
});

describe("text tree of a universal result", () => {
  it("shows each version of a forked name under the edge that reaches both, and where each edge exists", () => {
    const text = renderTextTree(textTree(UNIVERSAL_EXAMPLE));
    expect(text).toBe(
      [
        "click v8.1.7",
        "└── colorama v0.4.6 [required: *] [only where platform_system == 'Windows']",
        "pandas v2.0.3",
        "├── numpy v1.24.4 [required: >=1.20]",
        "└── numpy v2.0.2 [required: >=1.20]",
        "pywin32 v306 [only where sys_platform == 'win32']",
        "",
      ].join("\n"),
    );
  });

  it("inverts for one version of a forked name by its key", () => {
    const tree = textTree(UNIVERSAL_EXAMPLE, { invert: "numpy==1.24.4" });
    expect(tree.ok && tree.lines.map((l) => `${l.name} ${l.version}`)).toEqual(["numpy==1.24.4 1.24.4", "pandas 2.0.3", "<root> "]);
  });
});
