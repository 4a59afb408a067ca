import { expect, it } from "vitest";
import { mainFileIndex } from "./use-file-opening";

it("opens the project file of a set in the editor: a project file first, then requirements.txt/.in, else the first", () => {
  expect(mainFileIndex([{ name: "requirements.txt", format: "requirements.txt" }, { name: "setup.cfg", format: "setup.cfg" }])).toBe(1);
  expect(mainFileIndex([{ name: "base.txt", format: "requirements.txt" }, { name: "requirements.in", format: "requirements.txt" }])).toBe(1);
  expect(mainFileIndex([{ name: "dev.txt", format: "requirements.txt" }, { name: "base.txt", format: "requirements.txt" }])).toBe(0);
});
