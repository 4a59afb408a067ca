import { describe, expect, it } from "vitest";
import type { PackageFactsDto } from "../../../workers/api-audit";
import { licenceCsv, licenceGroups } from "./licence-groups";

const fact = (name: string, licence: PackageFactsDto["licence"]): PackageFactsDto => ({ name, version: "1.0", vulnerabilities: [], licence, error: null });
const MIT: PackageFactsDto["licence"] = { kind: "classifiers", classifiers: ["License :: OSI Approved :: MIT License"], label: "MIT License", permissive: true };
const facts = [
  fact("a", MIT),
  fact("b", { kind: "not-stated", label: "not stated", permissive: false }),
  fact("c", { kind: "text", text: 'GPL, "v2"\nfull text', label: 'GPL, "v2"', permissive: false }),
  fact("d", MIT),
];

describe("licence groups", () => {
  it("groups by stated licence, biggest first and 'not stated' last, and filters to what is not MIT/BSD/Apache", () => {
    expect(licenceGroups(facts, false).map((g) => [g.label, g.packages.map((p) => p.name)])).toEqual([
      ["MIT License", ["a", "d"]],
      ['GPL, "v2"', ["c"]],
      ["not stated", ["b"]],
    ]);
    expect(licenceGroups(facts, true).map((g) => g.label)).toEqual(['GPL, "v2"', "not stated"]);
  });

  it("exports CSV with the licence as stated, quoted where needed", () => {
    expect(licenceCsv(facts)).toBe(
      'name,version,licence,source\na,1.0,License :: OSI Approved :: MIT License,classifiers\nb,1.0,,not stated\nc,1.0,"GPL, ""v2""\nfull text",License field (free text)\nd,1.0,License :: OSI Approved :: MIT License,classifiers\n',
    );
  });
});
