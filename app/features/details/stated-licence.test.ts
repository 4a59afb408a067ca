import { expect, it } from "vitest";
import { statedLicence } from "./stated-licence";

it("shows a stated licence and hides placeholders", () => {
  expect(statedLicence("MIT")).toBe("MIT");
  expect(statedLicence(" Apache 2.0 ")).toBe("Apache 2.0");
  expect(statedLicence("UNKNOWN")).toBeNull();
  expect(statedLicence("")).toBeNull();
  expect(statedLicence(null)).toBeNull();
});
