// Tests of close-name suggestions for projects the index does not have.
import { describe, expect, it } from "vitest";
import { editDistance, similarNames } from "./did-you-mean";

describe("similarNames", () => {
  const names = ["requests", "request", "requests-oauthlib", "flask", "six", "sex", "numpy"];

  it("finds typos: a missing, extra or swapped letter, nearest first", () => {
    expect(similarNames("requets", names)).toEqual(["requests", "request"]);
    expect(similarNames("flaks", names)).toEqual(["flask"]);
    expect(similarNames("Num_Py", names)).toEqual(["numpy"]);
    expect(similarNames("nunpy", names)).toEqual(["numpy"]);
  });

  it("guesses nothing for very short names or far-off ones", () => {
    expect(similarNames("sx", names)).toEqual([]);
    expect(similarNames("sixx", ["six"])).toEqual(["six"]);
    expect(similarNames("django", names)).toEqual([]);
  });

  it("counts an adjacent swap as one edit and stops early past the limit", () => {
    expect(editDistance("flaks", "flask", 2)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
