// A Poetry `||` union with no PEP 440 form is resolved as the union: a version only the second alternative allows can be chosen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import { pins, request, resolveOn, startIndex } from "./test-support/fixture-resolve";

let index: FixtureIndex;
beforeAll(async () => {
  index = await startIndex();
});
afterAll(() => index.close());

const pyproject = (constraint: string) => `[tool.poetry]\nname = "demo"\n\n[tool.poetry.dependencies]\npython = "^3.8"\nsix = "${constraint}"\n`;

function poetryRequest(constraint: string) {
  return request([], { input: { text: pyproject(constraint), format: "pyproject.toml", fileName: "pyproject.toml" }, target: { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" } });
}

describe("Poetry || unions in the resolver", () => {
  it("takes the newest version either alternative allows (the second, here)", async () => {
    expect(await resolveOn(index, "snapshot-2020", poetryRequest("1.14.0 || 1.15.0")).then(pins)).toEqual({ six: "1.15.0" });
  });

  it("takes the first alternative's version when the second allows none that exists", async () => {
    expect(await resolveOn(index, "snapshot-2020", poetryRequest("1.14.0 || 9.0")).then(pins)).toEqual({ six: "1.14.0" });
  });

  it("is unsatisfiable when neither alternative exists", async () => {
    const resolution = await resolveOn(index, "snapshot-2020", poetryRequest("0.0.1 || 9.0"));
    expect(resolution.status).toBe("unsatisfiable");
  });
});
