// Every input format a session can hold, as a person brings it: a file opened or dropped is read in the format its name (or content) says, the user can override it, and each file's extras, groups and located problems show.
import { test, expect, type Page } from "@playwright/test";
import { editorText, freshPage, setRequirements } from "./support/explorer";

const SETUP_CFG = `[metadata]
name = demo-lib
version = 1.2.0

[options]
packages = find:
python_requires = >=3.6
install_requires =
    requests>=2.20
    six

[options.extras_require]
socks = PySocks>=1.6
`;

const SETUP_PY = `from setuptools import setup

setup(
    name="demo-lib",
    version="1.2.0",
    python_requires=">=3.6",
    install_requires=["requests>=2.20", "six"],
    extras_require={"socks": ["PySocks>=1.6"], "cli": ["click>=7"]},
)
`;

const SETUP_PY_COMPUTED = `from setuptools import setup

def read_requirements():
    with open("requirements.txt") as f:
        return f.read().splitlines()

setup(
    name="demo-lib",
    install_requires=read_requirements(),
)
`;

const PIPFILE = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
requests = ">=2.20"
six = "*"

[dev-packages]
pytest = ">=6"

[requires]
python_version = "3.8"
`;

const BUILDOUT = `[buildout]
parts = app
versions = versions

[app]
recipe = zc.recipe.egg
eggs =
    requests
    six

[versions]
requests = 2.25.0
six = 1.15.0
`;

const POETRY = `[tool.poetry]
name = "demo-app"
version = "0.1.0"
description = ""

[tool.poetry.dependencies]
python = "^3.8"
requests = "^2.20"
click = { version = "^7.0", optional = true }

[tool.poetry.extras]
cli = ["click"]

[tool.poetry.group.test.dependencies]
pytest = "~6.1"
`;

const REQUIREMENTS_IN = `-r base.txt
flask>=1.1
requests[socks]
`;

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel("Open a dependency file").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
  await expect.poll(() => editorText(page)).toBe(text);
}

/** The requirements the worker read, as shown ("name specifier badge" per row). */
function readList(page: Page) {
  return page.getByRole("list", { name: "Requirements read" }).getByRole("listitem");
}

/** `ticked`: groups the tool installs by default (Poetry's non-optional groups), ticked when the file opens. */
const CASES: { file: string; text: string; format: string; read: RegExp[]; extras: string[]; groups: string[]; ticked?: string[] }[] = [
  { file: "setup.cfg", text: SETUP_CFG, format: "setup.cfg", read: [/^9requests>=2\.20$/, /^10sixany version$/], extras: ["socks"], groups: [] },
  { file: "setup.py", text: SETUP_PY, format: "setup.py", read: [/^7requests>=2\.20$/, /^7sixany version$/], extras: ["socks", "cli"], groups: [] },
  { file: "Pipfile", text: PIPFILE, format: "Pipfile", read: [/^7requests>=2\.20$/, /^8sixany version$/], extras: [], groups: ["dev"] },
  { file: "buildout.cfg", text: BUILDOUT, format: "buildout.cfg", read: [/^8requestsany version$/, /^9sixany version$/, /^12requests==2\.25\.0constraint$/, /^13six==1\.15\.0constraint$/], extras: [], groups: [] },
  { file: "pyproject.toml", text: POETRY, format: "pyproject.toml", read: [/^8requests<3\.0,>=2\.20$/, /^15pytest<6\.2,>=6\.1group test$/], extras: ["cli"], groups: ["test"], ticked: ["test"] },
];

for (const c of CASES) {
  test(`an opened ${c.file} is read as ${c.format}, with its extras and groups offered`, async ({ page }) => {
    await freshPage(page);
    await openFile(page, c.file, c.text);
    await expect(page.getByLabel("Input format")).toHaveValue(c.format);
    await expect(page.getByRole("status").filter({ hasText: "read by the resolver" })).toContainText(`${c.format} — read by the resolver: ${c.read.filter((r) => !/constraint/.test(r.source)).length} requirement`);
    await expect(readList(page)).toHaveText(c.read);
    const extras = page.getByRole("group", { name: "Extras" }).getByRole("checkbox");
    const groups = page.getByRole("group", { name: "Dependency groups" }).getByRole("checkbox");
    await expect(extras).toHaveCount(c.extras.length);
    await expect(groups).toHaveCount(c.groups.length);
    for (const name of c.extras) await expect(page.getByRole("group", { name: "Extras" }).getByRole("checkbox", { name })).not.toBeChecked();
    for (const name of c.groups) {
      const box = page.getByRole("group", { name: "Dependency groups" }).getByRole("checkbox", { name });
      await (c.ticked?.includes(name) ? expect(box).toBeChecked() : expect(box).not.toBeChecked());
    }
  });
}

test("a Poetry project pasted is read as when it is opened: its non-optional group comes ticked, and unticking it sticks while editing", async ({ page }) => {
  await freshPage(page);
  const groups = page.getByRole("group", { name: "Dependency groups" });
  await setRequirements(page, POETRY);
  await expect(page.getByLabel("Input format")).toHaveValue("pyproject.toml");
  await expect(groups.getByRole("checkbox", { name: "test" })).toBeChecked();
  await expect(readList(page)).toHaveText([/^8requests<3\.0,>=2\.20$/, /^15pytest<6\.2,>=6\.1group test$/]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screens/poetry-pasted.png" });

  // The person's choice stands while the group stays defined: untick, then edit the file.
  await groups.getByRole("checkbox", { name: "test" }).uncheck();
  await setRequirements(page, POETRY.replace('requests = "^2.20"', 'requests = "^2.21"'));
  await expect(readList(page)).toHaveText([/^8requests<3\.0,>=2\.21$/]);
  await expect(groups.getByRole("checkbox", { name: "test" })).not.toBeChecked();

  // The same text opened as a file reads the same way.
  await freshPage(page);
  await openFile(page, "pyproject.toml", POETRY);
  await expect(groups.getByRole("checkbox", { name: "test" })).toBeChecked();
  await expect(readList(page)).toHaveText([/^8requests<3\.0,>=2\.20$/, /^15pytest<6\.2,>=6\.1group test$/]);
  await page.setViewportSize({ width: 390, height: 844 });
  await groups.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/poetry-opened-narrow.png" });
});

test("ticking a Poetry group adds its requirements (translated from ^ and ~) to what is read, and it persists", async ({ page }) => {
  await freshPage(page);
  await openFile(page, "pyproject.toml", POETRY);
  // The group is not optional, so it comes ticked (as `poetry install` installs it); untick and tick it again.
  const test = page.getByRole("group", { name: "Dependency groups" }).getByRole("checkbox", { name: "test" });
  await expect(test).toBeChecked();
  await test.uncheck();
  await expect(readList(page)).toHaveCount(1);
  await test.check();
  await page.getByRole("group", { name: "Extras" }).getByRole("checkbox", { name: "cli" }).check();
  await expect(readList(page)).toHaveText([/^8requests<3\.0,>=2\.20$/, /^9click<8\.0,>=7\.0extra cli$/, /^15pytest<6\.2,>=6\.1group test$/]);
  await page.reload();
  await expect(page.getByRole("group", { name: "Dependency groups" }).getByRole("checkbox", { name: "test" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Extras" }).getByRole("checkbox", { name: "cli" })).toBeChecked();
  await expect(readList(page)).toHaveCount(3);
});

test("a .cfg that is not named setup.cfg is recognised by its content, and the user can override the format", async ({ page }) => {
  await freshPage(page);
  await openFile(page, "deps.cfg", SETUP_CFG);
  await expect(page.getByLabel("Input format")).toHaveValue("setup.cfg");
  await expect(readList(page)).toHaveCount(2);
  await expect(page.getByText("Read from deps.cfg")).toBeVisible();

  await page.getByLabel("Input format").selectOption("buildout.cfg");
  await expect(page.getByRole("status")).toContainText("buildout.cfg — read by the resolver: 0 requirements");
  // The file keeps its name; the choice is remembered.
  await expect(page.getByText("Read from deps.cfg")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Input format")).toHaveValue("buildout.cfg");
  await page.getByLabel("Input format").selectOption("setup.cfg");
  await expect(readList(page)).toHaveCount(2);
});

test("a requirements file dropped on the editor is read as requirements.txt; what it cannot follow is said, in place", async ({ page }) => {
  await freshPage(page);
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "requirements-dev.in", { type: "text/plain" }));
    return data;
  }, REQUIREMENTS_IN);
  await page.locator(".cm-content").dispatchEvent("drop", { dataTransfer: transfer });
  await expect.poll(() => editorText(page)).toBe(REQUIREMENTS_IN);
  await expect(page.getByLabel("Input format")).toHaveValue("requirements.txt");
  await expect(page.getByRole("list", { name: "Input diagnostics" })).toContainText("line 1, column 4: -r base.txt not followed: the requirements file base.txt was not provided");
  const mark = page.locator(".cm-lintRange-warning");
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText("base.txt");
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(0);
});

test("a setup.py with computed requirements says so and points at the line", async ({ page }) => {
  await freshPage(page);
  await openFile(page, "setup.py", SETUP_PY_COMPUTED);
  await expect(page.getByLabel("Input format")).toHaveValue("setup.py");
  await expect(page.getByRole("list", { name: "Input diagnostics" })).toContainText("line 9, column 22: install_requires is computed (a call to read_requirements())");
  await expect(page.locator(".cm-lintRange-warning")).toHaveText("read_requirements(),");
});

test("a broken pyproject.toml gets its error underlined where it is, and listed", async ({ page }) => {
  await freshPage(page);
  await openFile(page, "pyproject.toml", '[project]\nname = "demo"\ndependencies = ["requests>=2.20", "six>>1"]\n');
  const mark = page.locator(".cm-lintRange-error");
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText('>>1"]');
  await expect(page.getByRole("list", { name: "Input diagnostics" })).toContainText('line 3, column 39: invalid requirement "six>>1"');
  await expect(page.getByRole("status")).toContainText("pyproject.toml — read by the resolver: 1 requirement · 1 error");
});
