// Tests of native requirement edits: each format edited in its own syntax, read back as promised, or no edit at all.
import { describe, expect, it } from "vitest";
import { applyLineEdit, editRequirement, type RequirementChange } from "./edit-requirement";
import { parseInput } from "./parse-input";
import type { InputFormat } from "../../api-input";

/** Edits the requirement on `name` in `text` and returns the new text (or null when no native edit exists). */
function edit(format: InputFormat, text: string, name: string, change: RequirementChange): string | null {
  const set = parseInput(text, { format });
  const req = [...set.requirements, ...set.constraints].find((r) => r.name.toLowerCase() === name);
  if (!req) throw new Error(`no requirement on ${name}`);
  const e = editRequirement(text, { format }, req, change);
  return e ? applyLineEdit(text, e) : null;
}

const to = (specifier: string): RequirementChange => ({ kind: "specifier", specifier });
const remove: RequirementChange = { kind: "remove" };

describe("editRequirement", () => {
  it("requirements.txt: swaps the specifier, keeping the marker and comment as written", () => {
    const text = 'requests==2.20.0  # pinned\nflask>=1 ; python_version < "3.9"\n';
    expect(edit("requirements.txt", text, "requests", to(">=2.21"))).toBe('requests>=2.21  # pinned\nflask>=1 ; python_version < "3.9"\n');
    expect(edit("requirements.txt", text, "flask", to("<1,>=0.5"))).toBe('requests==2.20.0  # pinned\nflask<1,>=0.5 ; python_version < "3.9"\n');
    expect(edit("requirements.txt", text, "requests", remove)).toBe('flask>=1 ; python_version < "3.9"\n');
  });

  it("Poetry: edits the constraint inside a table entry, a string entry and a dependency table", () => {
    const text = [
      "[tool.poetry]",
      'name = "x"',
      "[tool.poetry.dependencies]",
      'python = "^3.8"',
      'black = {version = "^20.8b1", allow-prereleases = true}',
      'requests = ">=2.0,<3"',
      "[tool.poetry.dependencies.flask]",
      'version = "^1.0"',
      "",
    ].join("\n");
    const black = edit("pyproject.toml", text, "black", to(">=19.10b0,<21.0"));
    expect(black).toContain('black = {version = ">=19.10b0,<21.0", allow-prereleases = true}');
    const requests = edit("pyproject.toml", text, "requests", to("<3,>=1.0"));
    expect(requests).toContain('requests = "<3,>=1.0"');
    expect(edit("pyproject.toml", text, "flask", to("<3,>=2.0"))).toContain('[tool.poetry.dependencies.flask]\nversion = "<3,>=2.0"');
    expect(edit("pyproject.toml", text, "requests", remove)).not.toContain("requests");
    // Removing a whole dependency table is not a one-line edit: no native edit.
    expect(edit("pyproject.toml", text, "flask", remove)).toBeNull();
    // The Poetry reader reads the edited file back with the new range and the table's other keys kept.
    const reread = parseInput(black as string, { format: "pyproject.toml" }).requirements.find((r) => r.name === "black");
    expect(reread?.specifier).toBe("<21.0,>=19.10b0");
    expect(reread?.allowPrereleases).toBe(true);
  });

  it("Pipfile: edits the version string of a string or table entry; any version is \"*\"", () => {
    const text = '[packages]\nrequests = "==2.20"\nflask = {version = "<1", extras = ["async"]}\n';
    expect(edit("Pipfile", text, "requests", to(">=2.21"))).toBe('[packages]\nrequests = ">=2.21"\nflask = {version = "<1", extras = ["async"]}\n');
    expect(edit("Pipfile", text, "flask", to(""))).toBe('[packages]\nrequests = "==2.20"\nflask = {version = "*", extras = ["async"]}\n');
    expect(edit("Pipfile", text, "flask", remove)).toBe('[packages]\nrequests = "==2.20"\n');
  });

  it("PEP 621 and setup.py: edits the quoted list item, removes it with its comma", () => {
    const pyproject = '[project]\nname = "x"\ndependencies = ["requests>=2.0", "flask"]\n';
    expect(edit("pyproject.toml", pyproject, "requests", to("<2"))).toBe('[project]\nname = "x"\ndependencies = ["requests<2", "flask"]\n');
    expect(edit("pyproject.toml", pyproject, "requests", remove)).toBe('[project]\nname = "x"\ndependencies = ["flask"]\n');
    expect(edit("pyproject.toml", pyproject, "flask", remove)).toBe('[project]\nname = "x"\ndependencies = ["requests>=2.0"]\n');
    const setupPy = 'from setuptools import setup\nsetup(name="x", install_requires=[\n    "requests>=2.0",\n    \'flask\',\n])\n';
    expect(edit("setup.py", setupPy, "flask", to("==1.1"))).toContain("    'flask==1.1',\n");
    expect(edit("setup.py", setupPy, "requests", remove)).toBe("from setuptools import setup\nsetup(name=\"x\", install_requires=[\n    'flask',\n])\n");
  });

  it("setup.cfg: edits a list line, and keeps the key when the only requirement goes", () => {
    const text = "[options]\ninstall_requires =\n    requests>=2.0\n    flask\n";
    expect(edit("setup.cfg", text, "flask", to(">=2"))).toBe("[options]\ninstall_requires =\n    requests>=2.0\n    flask>=2\n");
    expect(edit("setup.cfg", "[options]\ninstall_requires = requests>=2.0\n", "requests", remove)).toBe("[options]\ninstall_requires =\n");
  });

  it("buildout: eggs lines as PEP 508, [versions] pins as versions, ranges not expressible there get no edit", () => {
    const text = "[buildout]\nparts = x\nversions = versions\n[x]\nrecipe = zc.recipe.egg\neggs =\n  requests\n  flask>=1\n[versions]\nrequests = 2.20.0\n";
    expect(edit("buildout.cfg", text, "flask", to("<1"))).toContain("  flask<1\n");
    const set = parseInput(text, { format: "buildout.cfg" });
    const pin = set.constraints.find((r) => r.name === "requests");
    if (!pin) throw new Error("no pin");
    const e = editRequirement(text, { format: "buildout.cfg" }, pin, to("==2.21.0"));
    expect(e && applyLineEdit(text, e)).toContain("[versions]\nrequests = 2.21.0\n");
    expect(editRequirement(text, { format: "buildout.cfg" }, pin, to(">=2.21"))).toBeNull();
  });

  it("renames a project where its name is written, keeping everything else", () => {
    expect(edit("requirements.txt", "requets[socks]>=2 ; python_version >= '3'\n", "requets", { kind: "rename", name: "requests" })).toBe(
      "requests[socks]>=2 ; python_version >= '3'\n",
    );
    const poetry = '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\nrequets = {version = "^2.0", extras = ["socks"]}\n';
    expect(edit("pyproject.toml", poetry, "requets", { kind: "rename", name: "requests" })).toContain('\nrequests = {version = "^2.0", extras = ["socks"]}\n');
    expect(edit("Pipfile", '[packages]\nrequets = "*"\n', "requets", { kind: "rename", name: "requests" })).toBe('[packages]\nrequests = "*"\n');
  });

  it("gives no edit where the requirement is not in the text as read (hashes, included files, moved text)", () => {
    const hashed = "six==1.0 --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000\n";
    expect(edit("requirements.txt", hashed, "six", to("==1.1"))).toBeNull();
    const set = parseInput("requests==1\n", { format: "requirements.txt" });
    const req = set.requirements[0];
    expect(editRequirement("# moved\nrequests==1\n", { format: "requirements.txt" }, req, to("==2"))).toBeNull();
    expect(applyLineEdit("a\nb\n", { line: 1, from: "x", to: "y" })).toBeNull();
  });
});
