// Projects come as several files: opened together, or added when the reader asks for one; constraints and overrides in the page as on the command line.
import { test, expect } from "@playwright/test";
import { editorText, freshPage, resolveAndWait, setRequirements, tableRows, useSnapshotIndex } from "./support/explorer";
import { NARROW, WIDE, shoot } from "./support/screens";

const PBR_SETUP_CFG = "[metadata]\nname = demo-pbr\n\n[pbr]\nskip_authors = true\n";
const REQUIREMENTS = "requests>=2.20\nsix\n";
const file = (name: string, text: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(text) });

for (const size of [WIDE, NARROW]) {
  test(`at ${size.width} px a pbr setup.cfg opened with its requirements.txt is read as one project`, async ({ page }) => {
    await page.setViewportSize(size);
    await freshPage(page);
    await page.getByLabel("Open a dependency file").setInputFiles([file("requirements.txt", REQUIREMENTS), file("setup.cfg", PBR_SETUP_CFG)]);
    await expect.poll(() => editorText(page)).toBe(PBR_SETUP_CFG);
    await expect(page.getByLabel("Input format")).toHaveValue("setup.cfg");
    const files = page.getByRole("region", { name: "Project files" });
    await expect(files.getByRole("listitem")).toHaveText([/requirements\.txt\s*2 lines/]);
    await expect(page.getByRole("status").filter({ hasText: "read by the resolver" })).toHaveText("setup.cfg — read by the resolver: 2 requirements");
    await shoot(page, "project-files");
  });
}

test("a diagnostic that asks for a file points at the control that adds it; adding it makes the warning go", async ({ page }) => {
  await freshPage(page);
  await page.getByLabel("Open a dependency file").setInputFiles([file("setup.cfg", PBR_SETUP_CFG)]);
  const warning = page.getByRole("list", { name: "Input diagnostics" }).getByRole("listitem").filter({ hasText: "drop it in as well" });
  await expect(warning).toBeVisible();
  const chooser = page.waitForEvent("filechooser");
  await warning.getByRole("button", { name: "Add the file…" }).click();
  await (await chooser).setFiles([file("requirements.txt", REQUIREMENTS)]);
  await expect(page.getByRole("region", { name: "Project files" }).getByRole("listitem")).toHaveText([/requirements\.txt/]);
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "read by the resolver" })).toHaveText("setup.cfg — read by the resolver: 2 requirements");
  // The file can be taken out again.
  await page.getByRole("button", { name: "Remove requirements.txt from the project" }).click();
  await expect(page.getByRole("list", { name: "Input diagnostics" }).getByRole("listitem").filter({ hasText: "drop it in as well" })).toBeVisible();
});

test("constraints and overrides typed in the page change the resolution as -c and --override do", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "requests>=2.20\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  expect((await tableRows(page)).find((r) => r.name === "urllib3")?.version).toBe("1.26.2");

  await page.getByText("Constraints and overrides").click();
  await page.getByLabel(/^Constraints/).fill("# from CI\nurllib3<1.26\nflask<1  # not required: adds nothing\n");
  await resolveAndWait(page);
  const constrained = await tableRows(page);
  expect(constrained.find((r) => r.name === "urllib3")?.version).toMatch(/^1\.25\./);
  expect(constrained.find((r) => r.name === "flask")).toBeUndefined();

  await page.getByLabel(/^Overrides/).fill("idna==2.8\n");
  await resolveAndWait(page);
  expect((await tableRows(page)).find((r) => r.name === "idna")?.version).toBe("2.8");
  await shoot(page, "constraints");
});

test("a Poetry project opens with its non-optional groups ticked, as `poetry install` installs them", async ({ page }) => {
  await freshPage(page);
  const poetry =
    '[tool.poetry]\nname = "demo"\nversion = "1.0"\n\n[tool.poetry.dependencies]\npython = "^3.8"\nrequests = "^2.20"\n\n' +
    '[tool.poetry.group.test.dependencies]\npytest = "^6.0"\n\n[tool.poetry.group.docs]\noptional = true\n\n[tool.poetry.group.docs.dependencies]\nsphinx = "^3"\n';
  await page.getByLabel("Open a dependency file").setInputFiles([file("pyproject.toml", poetry)]);
  const groups = page.getByRole("group", { name: "Dependency groups" });
  await expect(groups.getByRole("checkbox", { name: "test" })).toBeChecked();
  await expect(groups.getByRole("checkbox", { name: "docs" })).not.toBeChecked();
  await expect(page.getByText("group test")).toBeVisible();
});
