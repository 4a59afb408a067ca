// The "Download" menu as a person uses it: each export of a resolved pyproject.toml saved as a file, and each file checked against the resolved table.
import { test, expect, type Page } from "@playwright/test";
import { parse as parseToml } from "smol-toml";
import { freshPage, resolveAndWait, setRequirements, useSnapshotIndex } from "./support/explorer";
import type { JsonReport } from "../workers/formats/output/json-report";
import { poetryContentHash } from "../workers/formats/output/poetry-content-hash";
import { downloadExport, PYPROJECT, resolvePyproject, resolvedVersions } from "./support/share";

const canonical = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** The table as canonical name -> version (exports spell names their own way). */
async function expected(page: Page): Promise<Record<string, string>> {
  const versions = await resolvedVersions(page);
  return Object.fromEntries(Object.entries(versions).map(([name, version]) => [canonical(name), version]));
}

/** `name==version` (or `name = version`) lines of a text, as canonical name -> version. */
function pinsIn(text: string, pattern: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = pattern.exec(line);
    if (m) out[canonical(m[1])] = m[2];
  }
  return out;
}

test.describe("downloads of a resolved pyproject.toml with an extra and a group", () => {
  let versions: Record<string, string>;

  test.beforeEach(async ({ page }) => {
    await freshPage(page);
    await expect(page.getByRole("button", { name: "Download" })).toBeDisabled();
    await resolvePyproject(page);
    versions = await expected(page);
    expect(versions).toMatchObject({ pysocks: "1.7.1", pytest: "6.1.2", mock: "4.0.2" });
  });

  test("the menu lists every export format; the keyboard opens, walks and closes it", async ({ page }) => {
    const button = page.getByRole("button", { name: "Download" });
    await expect(button).toBeEnabled();
    await button.focus();
    await page.keyboard.press("ArrowDown");
    const menu = page.getByRole("menu", { name: "Download as" });
    const items = menu.getByRole("menuitem");
    await expect(items).toHaveText([/^requirements\.txt/, /^constraints\.txt/, /^pylock\.toml/, /^uv\.lock/, /^poetry\.lock/, /^buildout \[versions\]/, /^JSON report/]);
    await expect(items.first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(items.last()).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test("requirements.txt: pip-compile's shape, a pin with hashes and its via for every package", async ({ page }) => {
    const file = await downloadExport(page, /^requirements\.txt/);
    expect(file.fileName).toBe("requirements.txt");
    expect(file.text).toContain("tangle resolve pyproject.toml --python 3.13 --platform linux --arch x86_64");
    expect(file.text).toContain("(extras included: socks)");
    expect(file.text).toContain("(dependency groups included: test)");
    expect(file.text).toMatch(/^--index-url http:\/\/127\.0\.0\.1:\d+\/index\/snapshot-2020\/simple$/m);
    expect(pinsIn(file.text, /^([A-Za-z0-9._-]+)==(\S+) \\$/)).toEqual(versions);
    // Every pin is followed by at least one sha256 hash, and says why it is there.
    const blocks = file.text.split(/\n(?=[a-z0-9-]+==)/).slice(1);
    expect(blocks).toHaveLength(Object.keys(versions).length);
    for (const block of blocks) {
      expect(block).toMatch(/\n {4}--hash=sha256:[0-9a-f]{64}\n/);
      expect(block).toMatch(/# via/);
    }
    expect(file.text).toMatch(/^pysocks==1\.7\.1 \\\n(?: {4}--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+ {4}# via pyproject\.toml$/m);
  });

  test("constraints.txt: pins only", async ({ page }) => {
    const file = await downloadExport(page, /^constraints\.txt/);
    expect(file.fileName).toBe("constraints.txt");
    const lines = file.text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    expect(lines.every((l) => /^[a-z0-9-]+==\S+$/.test(l))).toBe(true);
    expect(pinsIn(file.text, /^([a-z0-9-]+)==(\S+)$/)).toEqual(versions);
  });

  test("pylock.toml: a PEP 751 lock with every package, its index and its files", async ({ page }) => {
    const file = await downloadExport(page, /^pylock\.toml/);
    expect(file.fileName).toBe("pylock.toml");
    const lock = parseToml(file.text) as {
      "lock-version": string;
      "created-by": string;
      environments: string[];
      "requires-python": string;
      packages: { name: string; version: string; index: string; wheels?: { url: string; hashes: Record<string, string>; size: number }[]; sdist?: { url: string } }[];
    };
    expect(lock["lock-version"]).toBe("1.0");
    expect(lock["created-by"]).toBe("tangle");
    expect(lock.environments).toHaveLength(1);
    expect(lock["requires-python"]).toBe("==3.13.*");
    expect(Object.fromEntries(lock.packages.map((p) => [canonical(p.name), p.version]))).toEqual(versions);
    for (const p of lock.packages) {
      expect(p.index).toMatch(/\/index\/snapshot-2020\/simple\/$/);
      expect(p.wheels?.length || (p.sdist ? 1 : 0)).toBeGreaterThan(0);
      for (const wheel of p.wheels ?? []) {
        expect(wheel.hashes.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(wheel.size).toBeGreaterThan(0);
      }
    }
  });

  test("uv.lock: uv's format, the project as its root with the requirements as written, every package with its registry and files", async ({ page }) => {
    const file = await downloadExport(page, /^uv\.lock/);
    expect(file.fileName).toBe("uv.lock");
    type Entry = { name: string; version?: string; source: Record<string, string>; dependencies?: { name: string; extra?: string[] }[]; wheels?: { url: string; hash: string }[]; metadata?: { "requires-dist": { name: string; specifier?: string }[] } };
    const lock = parseToml(file.text) as { version: number; revision: number; "requires-python": string; package: Entry[] };
    expect([lock.version, lock.revision]).toEqual([1, 3]);
    const project = lock.package.filter((p) => p.source.virtual === "." || p.source.editable === ".");
    expect(project).toHaveLength(1);
    expect(project[0].dependencies?.map((d) => d.name)).toContain("requests");
    const registry = lock.package.filter((p) => p.source.registry !== undefined);
    expect(Object.fromEntries(registry.map((p) => [canonical(p.name), p.version]))).toEqual(versions);
    for (const p of registry) {
      expect(p.source.registry).toMatch(/\/index\/snapshot-2020\/simple$/);
      for (const wheel of p.wheels ?? []) expect(wheel.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  test("poetry.lock: Poetry 2's format with groups, files and the content-hash of the pyproject.toml", async ({ page }) => {
    const file = await downloadExport(page, /^poetry\.lock/);
    expect(file.fileName).toBe("poetry.lock");
    const lock = parseToml(file.text) as { package: { name: string; version: string; groups: string[]; files: { file: string; hash: string }[] }[]; metadata: Record<string, string> };
    expect(lock.metadata["lock-version"]).toBe("2.1");
    // Poetry 2's hash of the pasted pyproject.toml (the algorithm is checked against real Poetry locks in the unit tests).
    expect(lock.metadata["content-hash"]).toBe(poetryContentHash(PYPROJECT));
    expect(Object.fromEntries(lock.package.map((p) => [canonical(p.name), p.version]))).toEqual(versions);
    expect(lock.package.find((p) => p.name === "pytest")?.groups).toEqual(["test"]);
    expect(lock.package.find((p) => p.name === "requests")?.groups).toEqual(["main"]);
    for (const p of lock.package) for (const f of p.files) expect(f.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test("buildout: a [versions] section with every pin", async ({ page }) => {
    const file = await downloadExport(page, /^buildout/);
    expect(file.fileName).toBe("versions.cfg");
    expect(file.text).toMatch(/^\[versions\]$/m);
    const section = file.text.slice(file.text.indexOf("[versions]"));
    expect(pinsIn(section, /^([A-Za-z0-9._-]+) = (\S+)$/)).toEqual(versions);
  });

  test("JSON report: the whole resolution, every package with its version", async ({ page }) => {
    const file = await downloadExport(page, /^JSON report/);
    expect(file.fileName).toBe("tangle-report.json");
    const report = JSON.parse(file.text) as JsonReport;
    expect(report.status).toBe("resolved");
    expect(Object.fromEntries(report.packages.map((p) => [canonical(p.name), p.version]))).toEqual(versions);
    expect(report.packages.filter((p) => p.direct).map((p) => canonical(p.name)).sort()).toEqual(["attrs", "mock", "pysocks", "pytest", "requests", "six"]);
    // As pip's report: the one file taken for the target, with its URL and hashes.
    for (const pkg of report.packages) {
      expect(pkg.file?.url, pkg.name).toMatch(/^https?:\/\/.+\.(whl|tar\.gz|zip)$/);
      expect(pkg.file?.url.endsWith(`/${pkg.file.filename}`), pkg.name).toBe(true);
      expect(pkg.file?.hashes.sha256, pkg.name).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test("every export spells a package one way: the canonical name, as pip-compile and uv write it", async ({ page }) => {
    for (const label of [/^requirements\.txt/, /^constraints\.txt/, /^pylock\.toml/, /^buildout/, /^JSON report/]) {
      const file = await downloadExport(page, label);
      expect(file.text, file.fileName).not.toContain("PySocks");
      expect(file.text, file.fileName).toMatch(/\bpysocks\b/);
    }
  });
});

test("a requirement skipped for the target stays in the requirements export as a comment", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "six\npywin32>=228; sys_platform == 'win32'\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  const file = await downloadExport(page, /^requirements\.txt/);
  expect(file.text).toMatch(/^six==1\.15\.0 \\$/m);
  expect(file.text.endsWith('\n# skipped on this target: pywin32>=228; sys_platform == "win32"\n')).toBe(true);
  const json = JSON.parse((await downloadExport(page, /^JSON report/)).text) as { skipped: { requirement: string; line: number }[] };
  expect(json.skipped).toEqual([{ requirement: 'pywin32>=228; sys_platform == "win32"', line: 2 }]);
});
