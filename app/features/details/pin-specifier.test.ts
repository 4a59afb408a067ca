import { describe, it, expect } from "vitest";
import { pinSpecifier } from "./pin-specifier";

describe("pinSpecifier", () => {
  it("reads a bare version as an exact pin", () => {
    expect(pinSpecifier(" 1.18.5 ")).toBe("==1.18.5");
  });
  it("keeps specifiers as typed, without spaces", () => {
    expect(pinSpecifier(">= 1.0, < 2")).toBe(">=1.0,<2");
    expect(pinSpecifier("~=2.2")).toBe("~=2.2");
    expect(pinSpecifier("===1.0")).toBe("===1.0");
  });
  it("refuses blanks and text that is not a specifier", () => {
    expect(pinSpecifier("")).toBeNull();
    expect(pinSpecifier("latest")).toBeNull();
  });
});
