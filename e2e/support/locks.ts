// Helpers for the lock specs: the lock-project fixture files, and dropping files on the lock card as a file manager does.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

const PROJECT = new URL("../fixtures/lock-project/", import.meta.url);

/** A file of e2e/fixtures/lock-project, by name, with its text. */
export function lockProjectFile(name: string): { name: string; text: string } {
  return { name, text: readFileSync(new URL(name, PROJECT), "utf8") };
}

/** Drops files on the lock card as a person dragging them from a file manager does (one DataTransfer with all of them). */
export async function dropFiles(page: Page, dropped: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "text/plain" }));
    return dt;
  }, dropped);
  const zone = page.getByTestId("lock-drop-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}
