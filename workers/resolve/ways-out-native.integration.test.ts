// Ways out applied as native edits, end to end for every input format: the edited file reads in its own syntax and resolves as promised.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InputFormat, SuggestionDto } from "../api";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import { applyLineEdit } from "../formats/input/edit-requirement";
import { parseInput } from "../formats/input/parse-input";
import { request, resolveOn, startIndex } from "./test-support/fixture-resolve";

let index: FixtureIndex;
beforeAll(async () => {
  index = await startIndex();
});
afterAll(async () => {
  await index.close();
});

/** modern-lib>=2 needs Python >=3.12; the target is 3.11. Written in each format's own syntax, with what must survive the edit. */
const CASES: { format: InputFormat; text: string; keeps: RegExp }[] = [
  { format: "requirements.txt", text: "modern-lib>=2  # the new API\n", keeps: /^modern-lib>=1\.5\.0 {2}# the new API$/m },
  {
    format: "pyproject.toml",
    text: '[tool.poetry]\nname = "x"\nversion = "0.1.0"\n[tool.poetry.dependencies]\npython = "^3.8"\nmodern-lib = {version = "^2.0", allow-prereleases = true}\n',
    keeps: /^modern-lib = \{version = "[^"]+", allow-prereleases = true\}$/m,
  },
  { format: "pyproject.toml", text: '[project]\nname = "x"\nversion = "0.1"\ndependencies = ["modern-lib>=2", "app"]\n', keeps: /^dependencies = \["modern-lib>=1\.5\.0", "app"\]$/m },
  { format: "Pipfile", text: '[packages]\nmodern-lib = {version = ">=2"}\n', keeps: /^modern-lib = \{version = ">=1\.5\.0"\}$/m },
  { format: "setup.cfg", text: "[metadata]\nname = x\n[options]\ninstall_requires =\n    modern-lib>=2\n", keeps: /^ {4}modern-lib>=1\.5\.0$/m },
  { format: "setup.py", text: "from setuptools import setup\nsetup(\n    name='x',\n    install_requires=['modern-lib>=2'],\n)\n", keeps: /^ {4}install_requires=\['modern-lib>=1\.5\.0'\],$/m },
  { format: "buildout.cfg", text: "[buildout]\nparts = app\n[app]\nrecipe = zc.recipe.egg\neggs =\n    modern-lib>=2\n", keeps: /^ {4}modern-lib>=1\.5\.0$/m },
];

function applied(text: string, edit: SuggestionDto["edit"]): string {
  if (edit.kind !== "replace-requirement" && edit.kind !== "remove-requirement") throw new Error(`not a file edit: ${edit.kind}`);
  const out = applyLineEdit(text, { line: edit.line, from: edit.from, to: edit.kind === "replace-requirement" ? edit.to : null });
  if (out === null) throw new Error("the edit does not apply");
  return out;
}

describe("ways out as native edits", () => {
  for (const c of CASES) {
    it(`${c.format}${c.text.includes("tool.poetry") ? " (Poetry)" : ""}: the loosened requirement keeps the format and resolves`, async () => {
      const first = await resolveOn(index, "scenarios/requires-python", request([], { input: { text: c.text, format: c.format } }));
      expect(first.status).toBe("unsatisfiable");
      if (first.status !== "unsatisfiable") return;
      const loosen = first.suggestions.find((s) => s.edit.kind === "replace-requirement");
      expect(loosen, first.suggestions.map((s) => s.title).join("; ")).toBeDefined();
      if (!loosen) return;
      const edited = applied(c.text, loosen.edit);
      expect(edited).toMatch(c.keeps);
      expect(parseInput(edited, { format: c.format }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const second = await resolveOn(index, "scenarios/requires-python", request([], { input: { text: edited, format: c.format } }));
      expect(second.status).toBe("resolved");
      if (second.status === "resolved") expect(second.packages.find((p) => p.name === "modern-lib")?.version).toBe("1.5.0");
    });
  }

  it("removing a requirement deletes its entry natively and resolves", async () => {
    const text = '[tool.poetry]\nname = "x"\nversion = "0.1.0"\n[tool.poetry.dependencies]\npython = "^3.8"\nleft = "*"\nright = {version = "*"}\n';
    const first = await resolveOn(index, "scenarios/conflict-simple", request([], { input: { text, format: "pyproject.toml" } }));
    if (first.status !== "unsatisfiable") throw new Error(first.status);
    const remove = first.suggestions.find((s) => s.title.startsWith("Remove `right"));
    if (!remove) throw new Error(first.suggestions.map((s) => s.title).join("; "));
    const edited = applied(text, remove.edit);
    expect(edited).toBe('[tool.poetry]\nname = "x"\nversion = "0.1.0"\n[tool.poetry.dependencies]\npython = "^3.8"\nleft = "*"\n');
    const second = await resolveOn(index, "scenarios/conflict-simple", request([], { input: { text: edited, format: "pyproject.toml" } }));
    expect(second.status).toBe("resolved");
  });

  it("a misspelt name is corrected in place when the index has a close name that resolves", async () => {
    const text = '[packages]\nrigth = ">=1"\n';
    const first = await resolveOn(index, "scenarios/conflict-simple", request([], { input: { text, format: "Pipfile" } }));
    if (first.status !== "unsatisfiable") throw new Error(first.status);
    expect(first.summary?.[0]).toContain("(did you mean right?)");
    const rename = first.suggestions[0];
    expect(rename.title).toBe('Change `rigth = ">=1"` to `right = ">=1"` (did you mean right?)');
    const edited = applied(text, rename.edit);
    expect(edited).toBe('[packages]\nright = ">=1"\n');
    const second = await resolveOn(index, "scenarios/conflict-simple", request([], { input: { text: edited, format: "Pipfile" } }));
    expect(second.status).toBe("resolved");
  });

  it("a requirement read from an included file gets no one-click edit, only a by-hand note", async () => {
    const first = await resolveOn(
      index,
      "scenarios/requires-python",
      request([], { input: { text: "-r base.txt\n", format: "requirements.txt", fileName: "requirements.txt", files: { "base.txt": "modern-lib>=2\n" } } }),
    );
    if (first.status !== "unsatisfiable") throw new Error(first.status);
    const loosen = first.suggestions.find((s) => s.title.startsWith("Loosen"));
    expect(loosen?.edit).toMatchObject({ kind: "by-hand" });
    expect(loosen?.edit.kind === "by-hand" && loosen.edit.reason).toContain("base.txt");
  });

  it("a what-if pin in the conflict is named, and taking it back is offered first", async () => {
    const r = await resolveOn(index, "scenarios/conflict-simple", request(["right"], { pins: { shared: ">=2" } }));
    if (r.status !== "unsatisfiable") throw new Error(r.status);
    expect(r.explanation).toContain("your what-if pin shared>=2");
    expect(r.suggestions[0]).toEqual({ title: "Remove your what-if pin `shared>=2`", edit: { kind: "remove-what-if", name: "shared", what: "pin" } });
  });
});
