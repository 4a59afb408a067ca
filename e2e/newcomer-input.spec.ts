// Pasting any of the six formats into any format mode: read as what it is (switched when plain, offered when not), and the user's own choice stands.
import { test, expect } from "@playwright/test";
import { editorText, freshPage, setRequirements } from "./support/explorer";
import { NARROW, WIDE, shoot } from "./support/screens";

const SETUP_CFG = "[metadata]\nname = demo\n\n[options]\ninstall_requires =\n    requests>=2.20\n    six\n";
const SETUP_PY = 'from setuptools import setup\n\nsetup(name="demo", install_requires=["requests>=2.20", "six"])\n';
const PIPFILE = '[packages]\nrequests = ">=2.20"\nsix = "*"\n';
const BUILDOUT = "[buildout]\nparts = app\n\n[app]\nrecipe = zc.recipe.egg\neggs =\n    requests\n    six\n";
const PYPROJECT = '[project]\nname = "demo"\nversion = "1"\ndependencies = ["requests>=2.20", "six"]\n';

const CASES = [
  { text: SETUP_CFG, format: "setup.cfg", from: "requirements.txt" },
  { text: SETUP_PY, format: "setup.py", from: "pyproject.toml" },
  { text: PIPFILE, format: "Pipfile", from: "setup.py" },
  { text: BUILDOUT, format: "buildout.cfg", from: "requirements.txt" },
  { text: PYPROJECT, format: "pyproject.toml", from: "setup.cfg" },
] as const;

for (const c of CASES) {
  test(`a ${c.format} pasted while the mode is ${c.from} is read as ${c.format}, without a wall of errors`, async ({ page }) => {
    await freshPage(page);
    await page.getByLabel("Input format").selectOption(c.from);
    await setRequirements(page, c.text);
    await expect(page.getByLabel("Input format")).toHaveValue(c.format);
    await expect(page.getByRole("status").filter({ hasText: "Read as" })).toContainText(`Read as ${c.format}`);
    await expect(page.getByRole("status").filter({ hasText: "read by the resolver" })).toHaveText(`${c.format} — read by the resolver: 2 requirements`);
    await expect(page.locator(".cm-lintRange-error")).toHaveCount(0);
  });
}

for (const size of [WIDE, NARROW]) {
  test(`at ${size.width} px: going back to the mode the text was pasted in keeps it there, and offers the format it looks like`, async ({ page }) => {
    await page.setViewportSize(size);
    await freshPage(page);
    await setRequirements(page, SETUP_CFG);
    await expect(page.getByLabel("Input format")).toHaveValue("setup.cfg");
    await shoot(page, "input-switched");
    await page.getByRole("button", { name: "Read it as requirements.txt instead" }).click();
    await expect(page.getByLabel("Input format")).toHaveValue("requirements.txt");
    // Not switched back: the user chose; the page only offers.
    await expect(page.getByRole("button", { name: "Read it as setup.cfg" })).toBeVisible();
    await expect(page.getByLabel("Input format")).toHaveValue("requirements.txt");
    await shoot(page, "input-offered");
    await page.getByRole("button", { name: "Read it as setup.cfg" }).click();
    await expect(page.getByLabel("Input format")).toHaveValue("setup.cfg");
    expect(await editorText(page)).toBe(SETUP_CFG.replace(/\n$/, "\n"));
  });
}

test("requirements lines typed into a file format that cannot read them are offered requirements.txt, not switched under the cursor", async ({ page }) => {
  await freshPage(page);
  await page.getByLabel("Input format").selectOption("Pipfile");
  await setRequirements(page, "requests>=2.20\nsix\n");
  await expect(page.getByRole("button", { name: "Read it as requirements.txt" })).toBeVisible();
  await expect(page.getByLabel("Input format")).toHaveValue("Pipfile");
});
