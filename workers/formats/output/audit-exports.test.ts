import { describe, expect, it } from "vitest";
import type { AuditReportDto } from "../../api-audit";
import { exportFormat } from "./export-formats";
import { formatJsonReport } from "./json-report";
import { formatPylockToml } from "./pylock-toml";
import { formatRequirementsTxt } from "./requirements-txt";
import { handmadeRequest, handmadeResolution } from "./test-support/handmade-resolution";
import { resolvedPackage } from "../../../test-support/resolved-package";

const resolution = handmadeResolution([resolvedPackage("jinja2", "2.9.6"), resolvedPackage("markupsafe", "1.1.1"), resolvedPackage("private-lib", "1.0")]);
const audit: AuditReportDto = {
  packages: [
    {
      name: "jinja2",
      version: "2.9.6",
      vulnerabilities: [{ id: "PYSEC-2019-217", aliases: ["CVE-2019-10906"], summary: null, details: "", fixedIn: ["2.10.1"], link: null }],
      licence: { kind: "classifiers", classifiers: ["License :: OSI Approved :: BSD License"], label: "BSD License", permissive: true },
      error: null,
    },
    { name: "markupsafe", version: "1.1.1", vulnerabilities: [], licence: { kind: "text", text: "BSD-3-Clause-ish", label: "BSD-3-Clause-ish", permissive: false }, error: null },
    { name: "private-lib", version: "1.0", vulnerabilities: null, licence: { kind: "not-stated", label: "not stated", permissive: false }, error: null },
  ],
  freshness: [],
  vulnerableCount: 1,
  unavailableCount: 1,
};

describe("JSON report with an audit", () => {
  it("carries each package's licence as stated and its vulnerability ids (null when the index has no data)", () => {
    const report = formatJsonReport(resolution, undefined, audit);
    expect(report.packages.map((p) => [p.name, p.licence, p.vulnerabilities])).toEqual([
      ["jinja2", "License :: OSI Approved :: BSD License", ["PYSEC-2019-217"]],
      ["markupsafe", "BSD-3-Clause-ish", []],
      ["private-lib", "not stated", null],
    ]);
  });

  it("leaves both fields out without an audit, and the download writes them when the page has one", () => {
    expect(formatJsonReport(resolution).packages[0]).not.toHaveProperty("licence");
    const text = exportFormat("json")?.write(resolution, handmadeRequest(), audit) ?? "";
    expect(JSON.parse(text).packages[0]).toMatchObject({ name: "jinja2", vulnerabilities: ["PYSEC-2019-217"] });
  });
});

describe("requirements.txt with an audit", () => {
  it("notes each pin's licence and advisories in its comment, and says when the index has no data", () => {
    const text = formatRequirementsTxt(resolution, handmadeRequest(), audit);
    expect(text).toMatch(/jinja2==2\.9\.6[^\n]*(\n {4}[^\n]*)*\n {4}# licence: BSD License\n {4}# vulnerabilities: PYSEC-2019-217\n/);
    expect(text).toMatch(/markupsafe==1\.1\.1[^\n]*(\n {4}[^\n]*)*\n {4}# licence: BSD-3-Clause-ish\n(?! {4}# vulnerabilities)/);
    expect(text).toContain("# vulnerabilities: not available from this index");
    // Without an audit the file is what it always was; pylock.toml stays standard either way.
    expect(formatRequirementsTxt(resolution, handmadeRequest())).not.toContain("# licence");
    expect(formatPylockToml(resolution, handmadeRequest())).toBe(exportFormat("pylock")?.write(resolution, handmadeRequest(), audit));
  });
});
