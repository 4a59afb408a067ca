// The extras/groups checkboxes: the file's names in order, ticked by normalised name, and stale choices kept visible.
import { describe, expect, it } from "vitest";
import { choicesOf } from "./input-choices";

describe("choicesOf", () => {
  it("lists the file's names in order and ticks those chosen, whatever their spelling", () => {
    expect(choicesOf(["socks", "Use_Chardet"], ["use-chardet"])).toEqual([
      { name: "socks", chosenAs: null, defined: true },
      { name: "Use_Chardet", chosenAs: "use-chardet", defined: true },
    ]);
  });

  it("keeps a chosen name the file no longer defines, so it can be unticked", () => {
    expect(choicesOf(["test"], ["test", "docs"])).toEqual([
      { name: "test", chosenAs: "test", defined: true },
      { name: "docs", chosenAs: "docs", defined: false },
    ]);
  });

  it("shows a name once when the file or the choice repeats it in another spelling", () => {
    expect(choicesOf(["dev", "Dev"], ["DEV", "dev"])).toEqual([{ name: "dev", chosenAs: "DEV", defined: true }]);
    expect(choicesOf([], [])).toEqual([]);
  });
});
