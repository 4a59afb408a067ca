// The fixture index serves real advisories under `vulnerabilities`, in pypi.org's shape, for recorded releases only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "./server";

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex({ port: 0 });
});
afterAll(() => index.close());

async function vulnerabilities(path: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${index.url}${path}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { vulnerabilities: Record<string, unknown>[] };
  return body.vulnerabilities;
}

describe("vulnerabilities in the JSON API", () => {
  it("lists the advisories whose ranges hold the release, with pypi.org's fields", async () => {
    const list = await vulnerabilities("/snapshot-2020/pypi/jinja2/2.10/json");
    expect(list.map((v) => v.id).sort()).toEqual(["PYSEC-2019-217", "PYSEC-2021-66"]);
    expect(list.find((v) => v.id === "PYSEC-2019-217")).toMatchObject({
      source: "osv",
      link: "https://osv.dev/vulnerability/PYSEC-2019-217",
      aliases: ["CVE-2019-10906", "GHSA-462w-v97r-4m45"],
      fixed_in: ["2.10.1"],
      withdrawn: null,
      summary: null,
    });
    expect(Object.keys(list[0]).sort()).toEqual(["aliases", "details", "fixed_in", "id", "link", "source", "summary", "withdrawn"]);
  });

  it("gives a fixed release none, and an urllib3 with two fix lines both fixed versions", async () => {
    expect(await vulnerabilities("/snapshot-2020/pypi/jinja2/3.0.0a1/json")).toEqual([]);
    const urllib3 = await vulnerabilities("/snapshot-2020/pypi/urllib3/1.26.2/json");
    expect(urllib3.find((v) => v.id === "PYSEC-2023-192")?.fixed_in).toEqual(["2.0.6", "1.26.17"]);
  });

  it("serves the latest release's vulnerabilities at the project level, and none for hand-written scenarios", async () => {
    const project = await vulnerabilities("/snapshot-2020/pypi/urllib3/json");
    expect(project.map((v) => v.id)).toContain("PYSEC-2023-212");
    expect(await vulnerabilities("/scenarios/yanked/pypi/pinned-lib/json")).toEqual([]);
  });
});
