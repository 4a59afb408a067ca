// Tests for format detection: by file name, and by content for pasted text (the page and the worker share this detector).
import { describe, expect, it } from "vitest";
import { detectFormat } from "./api-input-format";
import { fixture } from "./formats/input/fixture-files";

describe("detectFormat by file name", () => {
  const cases: [string, string][] = [
    ["pyproject.toml", "pyproject.toml"],
    ["some/dir/setup.cfg", "setup.cfg"],
    ["setup.py", "setup.py"],
    ["Pipfile", "Pipfile"],
    ["buildout.cfg", "buildout.cfg"],
    ["requirements.txt", "requirements.txt"],
    ["requirements/dev.in", "requirements.txt"],
    ["constraints.txt", "requirements.txt"],
    ["requirements-dev", "requirements.txt"],
    ["/home/me/proj/pyproject.toml", "pyproject.toml"],
    ["dev-requirements.in", "requirements.txt"],
    ["C:\\x\\requirements.txt", "requirements.txt"],
    ["project/setup.py", "setup.py"],
    ["versions.cfg", "buildout.cfg"],
    ["PIPFILE", "Pipfile"],
    ["requirements", "requirements.txt"],
  ];
  for (const [name, format] of cases) {
    it(`${name} -> ${format}`, () => {
      expect(detectFormat("", name)).toBe(format);
    });
  }

  it("tells a buildout .cfg from a setup.cfg-like .cfg by its sections", () => {
    expect(detectFormat(fixture("plone-site/base.cfg"), "base.cfg")).toBe("buildout.cfg");
    expect(detectFormat(fixture("setuptools-lib/setup.cfg"), "tox-and-setup.cfg")).toBe("setup.cfg");
  });
});

describe("detectFormat by content", () => {
  it("recognizes every fixture without its name", () => {
    expect(detectFormat(fixture("fastapi-app/pyproject.toml"))).toBe("pyproject.toml");
    expect(detectFormat(fixture("poetry-app/pyproject.toml"))).toBe("pyproject.toml");
    expect(detectFormat(fixture("pipenv-app/Pipfile"))).toBe("Pipfile");
    expect(detectFormat(fixture("setuptools-lib/setup.cfg"))).toBe("setup.cfg");
    expect(detectFormat(fixture("openstack-service/setup.cfg"))).toBe("setup.cfg");
    expect(detectFormat(fixture("classic-setup-literal/setup.py"))).toBe("setup.py");
    expect(detectFormat(fixture("classic-setup-computed/setup.py"))).toBe("setup.py");
    expect(detectFormat(fixture("plone-site/buildout.cfg"))).toBe("buildout.cfg");
    expect(detectFormat(fixture("django-app/requirements/base.txt"))).toBe("requirements.txt");
  });

  it("falls back to requirements.txt for plain requirement lines", () => {
    expect(detectFormat("requests>=2\nflask\n")).toBe("requirements.txt");
    expect(detectFormat("")).toBe("requirements.txt");
  });
});
