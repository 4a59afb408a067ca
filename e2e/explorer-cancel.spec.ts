// A slow resolution: live progress counts, a page that stays responsive (typing included), and Cancel that stops it: the page is given back, the index gets no more requests, and the next resolution works.
import { test, expect, type BrowserContext, type Page, type Request } from "@playwright/test";
import { editor, editorText, freshPage, setRequirements, useSnapshotIndex } from "./support/explorer";
import { NARROW, WIDE, shoot } from "./support/screens";

const SNAPSHOT = "/index/snapshot-2020/";

interface HeldIndex {
  /** Every request the page made to the snapshot index, in order (its request log). */
  log: string[];
  /** Requests answered so far. */
  answered: () => number;
  /** Requests waiting for `release`. */
  held: () => number;
  /** Lets every held request through; resolves once each request sent so far has been answered (or failed). */
  release: () => Promise<void>;
}

/** The snapshot index with its request log: the first `served` requests are answered, the rest wait for `release()`. */
async function holdIndex(context: BrowserContext, served: number): Promise<HeldIndex> {
  const log: string[] = [];
  let answered = 0;
  let releaseAll = (): void => undefined;
  const released = new Promise<void>((resolve) => (releaseAll = resolve));
  const waiting: Promise<void>[] = [];
  const isSnapshot = (request: Request) => request.url().includes(SNAPSHOT);
  context.on("request", (request) => {
    if (isSnapshot(request)) log.push(request.url());
  });
  const done = (request: Request) => {
    if (isSnapshot(request)) answered++;
  };
  context.on("requestfinished", done);
  context.on("requestfailed", done);
  let count = 0;
  await context.route(`**${SNAPSHOT}**`, async (route) => {
    if (count++ >= served) {
      let finished = (): void => undefined;
      waiting.push(new Promise<void>((resolve) => (finished = resolve)));
      await released;
      await route.continue().catch(() => undefined);
      finished();
      return;
    }
    await route.continue().catch(() => undefined);
  });
  return {
    log,
    answered: () => answered,
    held: () => waiting.length,
    release: async () => {
      const sent = log.length;
      releaseAll();
      await Promise.all(waiting);
      await expect.poll(() => answered).toBeGreaterThanOrEqual(sent);
    },
  };
}

/** More projects than the worker has requests in flight (16): some of its requests wait in its queue. */
const MANY = "pandas\nmatplotlib\nscipy\nrequests[socks]\n" + "aiohttp alembic attrs babel black bleach boto3 click coverage cryptography django docutils flask hypothesis idna ipython isort jinja2 lxml mock pytest pyyaml sphinx tornado\n".replace(/ /g, "\n");

async function startSlowResolution(page: Page, requirements = "pandas\nmatplotlib\nscipy\nrequests[socks]\n"): Promise<void> {
  await freshPage(page);
  await setRequirements(page, requirements);
  await useSnapshotIndex(page);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
}

test("typing works during a resolution; Cancel gives the page back, stops the requests, and the next resolution runs", async ({ page, context, baseURL }) => {
  const index = await holdIndex(context, 8);
  await startSlowResolution(page, MANY);

  const progress = page.getByRole("progressbar", { name: "Resolving" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuetext", /\d+ projects found, \d+ metadata fetched, \d+ requests in flight/);
  const region = page.getByRole("region", { name: "Resolution progress" });
  await expect(region).toContainText("projects found");
  await expect(region).toContainText("metadata fetched");
  await expect(region).toContainText("requests in flight");
  await expect(region).toContainText("elapsed");

  // The solver runs in the worker: the editor takes keystrokes while the resolution waits on the index.
  await editor(page).press("Control+End");
  await editor(page).pressSequentially("# typed while resolving");
  await expect.poll(() => editorText(page)).toContain("# typed while resolving");
  await expect(progress).toBeVisible();
  // The resolution is waiting on the index, with requests held.
  await expect.poll(index.held).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/^Resolution cancelled after \d+\.\d s\.$/)).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(page.getByText(/packages resolved/)).toHaveCount(0);
  const sentBeforeCancelShown = index.log.length;
  await page.setViewportSize(WIDE);
  await shoot(page, "cancelled");
  await page.setViewportSize(NARROW);
  await expect(page.getByText(/^Resolution cancelled after \d+\.\d s\.$/)).toBeVisible();
  await shoot(page, "cancelled");
  await page.setViewportSize(WIDE);

  // The requests in flight at the cancel are let through now (the worker has aborted them), and none of the requests
  // it had queued may follow.
  await index.release();

  // The page answers input at once…
  await editor(page).press("Control+End");
  await editor(page).pressSequentially("# after cancel");
  await expect.poll(() => editorText(page)).toContain("# after cancel");

  // …and the same worker resolves the next request, against another index.
  await setRequirements(page, "app\n");
  await page.getByLabel("Python version").selectOption("3.11");
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/yanked/simple`);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByText(/^2 packages resolved$/)).toBeVisible();

  // By then every answer to the cancelled run has been handled by the worker: it sent the snapshot nothing more.
  expect(index.log.slice(sentBeforeCancelShown)).toEqual([]);
});

test("the progress counts grow while the index answers", async ({ page, context }) => {
  const index = await holdIndex(context, 12);
  await startSlowResolution(page);
  const progress = page.getByRole("progressbar", { name: "Resolving" });
  const found = async () => Number((await progress.getAttribute("aria-valuetext"))?.match(/^(\d+) projects found/)?.[1] ?? 0);
  await expect.poll(found, { timeout: 15_000 }).toBeGreaterThan(1);
  await expect(page.getByRole("region", { name: "Resolution progress" })).toContainText(/[1-9]\d*\s*metadata fetched/);
  await page.getByRole("button", { name: "Cancel" }).click();
  await index.release();
});

/** The graph canvas's box and the size Cytoscape draws at (they differ while a redraw of the old picture is put off). */
async function canvasSizes(page: Page): Promise<{ box: string; drawn: string }> {
  return page.getByTestId("graph-canvas").evaluate((element) => {
    const cy = (element as HTMLElement & { _cyreg?: { cy?: { width(): number; height(): number } } })._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    return { box: `${element.clientWidth}x${element.clientHeight}`, drawn: `${cy.width()}x${cy.height()}` };
  });
}

test("the graph on show is not redrawn for the progress card of a new run, and fits its box again when the run is cancelled", async ({ page, context, baseURL }) => {
  // Tall enough that the graph's box gives up to the status cards above it the height they take.
  await page.setViewportSize(WIDE);
  await freshPage(page);
  await setRequirements(page, "app\n");
  await page.getByLabel("Python version").selectOption("3.11");
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/yanked/simple`);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByText(/^2 packages resolved$/)).toBeVisible();
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-state", "drawn");

  const index = await holdIndex(context, 8);
  await useSnapshotIndex(page);
  await setRequirements(page, MANY);
  await expect.poll(async () => { const s = await canvasSizes(page); return s.drawn === s.box; }).toBe(true);
  const before = await canvasSizes(page);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByRole("progressbar", { name: "Resolving" })).toBeVisible();
  await expect.poll(index.held).toBeGreaterThan(0);
  // The progress card is taller than the summary it replaced: the box shrank, the old picture kept its size.
  const during = await canvasSizes(page);
  expect(during.box).not.toBe(before.box);
  expect(during.drawn).toBe(before.drawn);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-state", "drawn");

  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/^Resolution cancelled after \d+\.\d s\.$/)).toBeVisible();
  await expect(page.getByText("Showing the previous result.")).toBeVisible();
  await expect.poll(async () => { const s = await canvasSizes(page); return s.drawn === s.box; }).toBe(true);
  await index.release();
});
