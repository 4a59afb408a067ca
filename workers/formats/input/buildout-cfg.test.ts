// Tests for buildout.cfg: a Plone site with extends, +=, <= macros and ${...} substitution, [versions] pins, and errors.
import { describe, expect, it } from "vitest";
import { parseBuildoutCfg } from "./buildout-cfg";
import { fixture, fixtureDir } from "./fixture-files";
import { parseInput } from "./parse-input";
import type { Diagnostic, InputRequirement } from "../../api-input";

const brief = (r: InputRequirement) => [r.file ?? "", r.line, r.column, r.kind, r.pep508];
const at = (d: Diagnostic) => [d.severity, d.file ?? "", d.line, d.column];

describe("a Plone site's buildout", () => {
  const files = fixtureDir("plone-site");
  const set = parseInput(files["buildout.cfg"], { fileName: "buildout.cfg", files });

  it("collects the eggs of every part, through extends, += and ${section:option}, once each", () => {
    expect(set.format).toBe("buildout.cfg");
    expect(set.requirements.map(brief)).toEqual([
      ["base.cfg", 7, 5, "index", "Plone"],
      ["base.cfg", 8, 5, "index", "Pillow"],
      ["", 10, 5, "index", "collective.easyform"],
      ["", 11, 5, "index", "plone.restapi[test]"],
      ["", 20, 5, "path", "intranet.policy"],
      ["", 26, 5, "index", "plone.app.testing"],
    ]);
    expect(set.requirements[4].url).toBe("src/intranet.policy");
  });

  it("turns [versions] (merged from the extended versions.cfg) into == constraints", () => {
    expect(set.constraints.map(brief)).toEqual([
      ["versions.cfg", 2, 1, "index", "Plone==5.2.14"],
      ["versions.cfg", 3, 1, "index", "Pillow==9.5.0"],
      ["versions.cfg", 4, 1, "index", "plone.app.testing==6.0.0"],
      ["versions.cfg", 5, 1, "index", "zc.recipe.egg==2.0.7"],
      ["versions.cfg", 6, 1, "index", "collective.recipe.omelette==1.1.0"],
      ["", 34, 1, "index", "collective.easyform==3.4.5"],
      ["", 35, 1, "index", "plone.restapi==8.43.3"],
    ]);
    expect(set.indexUrl).toBe("https://pypi.org/simple/");
  });

  it("warns about the remote extends it cannot follow, find-links, and the develop egg", () => {
    expect(set.diagnostics.map(at)).toEqual([
      ["warning", "", 5, 5],
      ["warning", "", 20, 5],
      ["warning", "base.cfg", 10, 1],
    ]);
    expect(set.diagnostics[0].message).toBe(
      "line 5, column 5: extends https://dist.plone.org/release/5.2.14/versions.cfg not followed: the file was not provided; its parts and [versions] are missing — drop it in as well",
    );
  });

  it("uses a dropped copy of a remote extends named like it", () => {
    const withRemote = { ...files, "plone-5.2.14-versions.cfg": "[versions]\nZope = 4.8.9\n" };
    const named = { ...withRemote, "https://dist.plone.org/release/5.2.14/versions.cfg": withRemote["plone-5.2.14-versions.cfg"] };
    const out = parseBuildoutCfg(files["buildout.cfg"], { fileName: "buildout.cfg", files: named });
    expect(out.constraints.map((c) => c.pep508)).toContain("Zope==4.8.9");
  });
});

describe("buildout details", () => {
  it("-= removes eggs and zc.recipe.egg parts default to their own name", () => {
    const files = { "base.cfg": "[buildout]\nparts = app\n[app]\nrecipe = zc.recipe.egg\neggs =\n  a\n  b\n" };
    const out = parseBuildoutCfg("[buildout]\nextends = base.cfg\nparts += tool\n[app]\neggs -= a\n[tool]\nrecipe = zc.recipe.egg:scripts\n", {
      fileName: "buildout.cfg",
      files,
    });
    expect(out.requirements.map((r) => [r.file ?? "", r.pep508])).toEqual([
      ["base.cfg", "b"],
      ["", "tool"],
    ]);
  });

  it("detects extends cycles", () => {
    const files = { "a.cfg": "[buildout]\nextends = b.cfg\n", "b.cfg": "[buildout]\nextends = a.cfg\nparts =\n" };
    const out = parseBuildoutCfg(files["a.cfg"], { fileName: "a.cfg", files });
    expect(out.diagnostics.map((d) => d.message)).toContain(
      "b.cfg, line 2, column 11: extends a.cfg forms a cycle (a.cfg -> b.cfg -> a.cfg); not followed again",
    );
  });
});

describe("a broken buildout", () => {
  const set = parseInput(fixture("bad/buildout.cfg"), { fileName: "buildout.cfg" });

  it("keeps the good eggs and locates every problem", () => {
    expect(set.requirements.map((r) => r.pep508)).toEqual(["Plone"]);
    expect(set.constraints).toEqual([]);
    expect(set.diagnostics.map(at)).toEqual([
      ["warning", "", 2, 11],
      ["error", "", 5, 5],
      ["error", "", 8, 26],
      ["error", "", 14, 5],
      ["error", "", 15, 5],
      ["error", "", 18, 12],
    ]);
    expect(set.diagnostics[1].message).toBe('line 5, column 5: part "missing-part" has no [missing-part] section');
    expect(set.diagnostics[3].message).toBe('line 14, column 5: ${nowhere:eggs}: there is no option "eggs" in [nowhere]');
  });
});
