// Helpers for the explorer specs: a fresh page, the editor's text, resolving against the offline snapshot, and reading the drawn graph.
import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the page with nothing stored (no text, settings or theme from an earlier test). */
export async function freshPage(page: Page): Promise<void> {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

export function editor(page: Page): Locator {
  return page.getByRole("textbox", { name: "Requirements" });
}

/** The editor's text, line by line as CodeMirror shows it (a contenteditable has no value). */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator(".cm-content .cm-line").allTextContents()).join("\n");
}

export async function setRequirements(page: Page, text: string): Promise<void> {
  // The page may still be putting its first text in (a restored session, the snapshot's examples) when the test
  // starts typing, and CodeMirror then inserts beside it: fill again until the editor holds exactly the text.
  await expect(async () => {
    await editor(page).fill(text);
    await expect.poll(() => editorText(page), { timeout: 2_000 }).toBe(text);
  }).toPass({ timeout: 15_000 });
}

export async function useSnapshotIndex(page: Page): Promise<void> {
  // The input panel above may still grow (the worker's reading of the file arrives after a debounce), moving the
  // button under the pointer: click again until the field shows the snapshot, as a person would.
  await expect(async () => {
    await page.getByRole("button", { name: "PyPI snapshot (2020)" }).click();
    await expect(page.getByLabel("Index URL")).toHaveValue(/\/index\/snapshot-2020\/simple$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Clicks Resolve and waits for the run to finish with a resolved graph; returns the package count it reports. */
export async function resolveAndWait(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  const summary = page.getByText(/^\d+ packages? resolved$/);
  await expect(summary).toBeVisible({ timeout: 30_000 });
  return Number((await summary.textContent())?.match(/\d+/)?.[0]);
}

export interface DrawnNode {
  id: string;
  classes: string[];
  /** Drawn faint: off the highlighted paths while some are highlighted. */
  dimmed: boolean;
  /** Position on the page, in CSS pixels. */
  x: number;
  y: number;
  /** Where the layout put the node (Cytoscape's model position): independent of the canvas size and the viewport. */
  layout: { x: number; y: number };
}

export interface DrawnGraph {
  nodes: DrawnNode[];
  edges: { id: string; source: string; target: string; label: string; classes: string[]; dimmed: boolean }[];
  /** The canvas box on the page. */
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Reads what Cytoscape drew in a canvas (found by test id), through the instance Cytoscape registers on its
 * container element.
 */
export async function drawnGraph(page: Page, testId = "graph-canvas"): Promise<DrawnGraph> {
  const canvas = page.getByTestId(testId);
  await expect(canvas).toBeVisible();
  return canvas.evaluate((element) => {
    interface Positioned {
      id(): string;
      classes(): string[];
      renderedPosition(): { x: number; y: number };
      position(): { x: number; y: number };
      data(key: string): string;
      source(): { id(): string };
      target(): { id(): string };
    }
    interface Registered {
      _cyreg?: { cy?: { nodes(): { map<T>(f: (n: Positioned) => T): T[] }; edges(): { map<T>(f: (e: Positioned) => T): T[] }; tangleDimming?: { lit: Set<string> | null; to: number } | null } };
    }
    const cy = (element as HTMLElement & Registered)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    const rect = element.getBoundingClientRect();
    // The dimming the canvas draws (app/features/graph/utils/canvas-dim.ts): faint once it is fading in or done.
    const dimming = cy.tangleDimming;
    const lit = dimming && dimming.lit !== null && dimming.to < 1 ? dimming.lit : null;
    return {
      nodes: cy.nodes().map((n) => ({ id: n.id(), classes: n.classes(), dimmed: lit !== null && !lit.has(n.id()), x: rect.x + n.renderedPosition().x, y: rect.y + n.renderedPosition().y, layout: { ...n.position() } })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), label: e.data("label"), classes: e.classes(), dimmed: lit !== null && !lit.has(e.id()) })),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  });
}

/** Waits until the graph has drawn the given number of nodes (layout done). */
export async function waitForGraph(page: Page, nodes: number): Promise<DrawnGraph> {
  await expect.poll(async () => (await drawnGraph(page)).nodes.length, { timeout: 15_000 }).toBe(nodes);
  return drawnGraph(page);
}

export interface TableRow {
  name: string;
  version: string;
  requiredBy: string;
}

/** The rows of the "Resolved packages" table, as shown. */
export async function tableRows(page: Page): Promise<TableRow[]> {
  const rows = page.getByRole("region", { name: "Resolved packages" }).locator("tbody tr");
  const out: TableRow[] = [];
  for (const row of await rows.all()) {
    const cells = row.getByRole("cell");
    out.push({
      name: (await cells.nth(0).getByRole("button").textContent())?.trim() ?? "",
      version: (await cells.nth(1).textContent())?.trim() ?? "",
      requiredBy: (await cells.nth(2).textContent())?.trim() ?? "",
    });
  }
  return out;
}
