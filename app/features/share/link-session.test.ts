// The session <-> link mapping, session identity, and which indexes a link may name without asking.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type SessionData } from "../../stores/session";
import { describeInstant, indexHost, isTrustedIndex, linkSessionOf, normalizeIndexUrl, sessionDataOf, sessionKey } from "./link-session";

const data: SessionData = {
  requirementsText: '[project]\nname = "demo"\n',
  fileName: "pyproject.toml",
  format: "pyproject.toml",
  projectFiles: {},
  constraintsText: "",
  overridesText: "",
  extras: ["socks"],
  groups: ["test"],
  settings: { ...DEFAULT_SETTINGS, pythonVersion: "3.11", excludeNewer: "2024-01-31" },
  pins: { numpy: "==1.26.4" },
  excluded: ["pyarrow"],
  reproduceAt: null,
};

describe("linkSessionOf / sessionDataOf", () => {
  it("round-trip a session; the link's resolution time becomes the reproduction time", () => {
    const link = linkSessionOf(data, "2026-01-02T03:04:05.000Z");
    expect(link.resolvedAt).toBe("2026-01-02T03:04:05.000Z");
    expect(link.format).toBeUndefined();
    expect(sessionDataOf(link)).toEqual({ ...data, reproduceAt: "2026-01-02T03:04:05.000Z" });
    expect(sessionDataOf(linkSessionOf(data, null))).toEqual(data);
  });

  it("carry the project's other files, its constraints and its overrides, and leave them out of a link when there are none", () => {
    const open = { ...data, projectFiles: { "requirements.txt": "six\n", "ci/constraints.txt": "idna<3\n" }, constraintsText: "six<2\n", overridesText: "idna==2.10\n" };
    const link = linkSessionOf(open, null);
    expect(link).toMatchObject({ files: { "requirements.txt": "six\n", "ci/constraints.txt": "idna<3\n" }, constraints: "six<2\n", overrides: "idna==2.10\n" });
    expect(sessionDataOf(link)).toEqual(open);
    expect(linkSessionOf(data, null)).not.toHaveProperty("files");
    expect(linkSessionOf(data, null)).not.toHaveProperty("constraints");
    expect(linkSessionOf(data, null)).not.toHaveProperty("overrides");
  });

  it("a link's project replaces the one open before: a link without files, constraints or overrides opens with none", () => {
    expect(sessionDataOf(linkSessionOf(data, null))).toMatchObject({ projectFiles: {}, constraintsText: "", overridesText: "" });
  });

  it("carry the format only when it is not what the file name says", () => {
    const chosen = { ...data, fileName: "deps.cfg", format: "setup.cfg" as const };
    expect(linkSessionOf(chosen, null).format).toBe("setup.cfg");
    expect(sessionDataOf(linkSessionOf(chosen, null)).format).toBe("setup.cfg");
    expect(sessionDataOf({ ...linkSessionOf(chosen, null), format: undefined }).format).toBe("buildout.cfg");
  });

  it("copy lists and records, so later edits of the session do not reach the link", () => {
    const link = linkSessionOf(data, null);
    link.extras.push("cli");
    link.pins.six = "==1.0";
    link.settings.pythonVersion = "3.8";
    expect(data.extras).toEqual(["socks"]);
    expect(data.pins).toEqual({ numpy: "==1.26.4" });
    expect(data.settings.pythonVersion).toBe("3.11");
  });
});

describe("sessionKey", () => {
  it("changes with anything the resolution depends on, the reproduction time included", () => {
    const key = sessionKey(data);
    expect(sessionKey({ ...data })).toBe(key);
    expect(sessionKey({ ...data, requirementsText: data.requirementsText + "\n" })).not.toBe(key);
    expect(sessionKey({ ...data, groups: [] })).not.toBe(key);
    expect(sessionKey({ ...data, constraintsText: "six<2\n" })).not.toBe(key);
    expect(sessionKey({ ...data, projectFiles: { "base.txt": "six\n" } })).not.toBe(key);
    expect(sessionKey({ ...data, settings: { ...data.settings, os: "windows" } })).not.toBe(key);
    expect(sessionKey({ ...data, reproduceAt: "2026-01-02T03:04:05.000Z" })).not.toBe(key);
  });

  it("is the same for the same session whatever order its settings' keys were set in (as a decoded link sets them)", () => {
    const reordered = Object.fromEntries(Object.entries(data.settings).reverse()) as typeof data.settings;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(data.settings));
    expect(sessionKey({ ...data, settings: reordered })).toBe(sessionKey(data));
  });
});

describe("isTrustedIndex", () => {
  const trusted = ["https://pypi.org/simple", "http://127.0.0.1:4173/index/snapshot-2020/simple"];

  it("accepts the known indexes however their scheme, host case and trailing slashes are written", () => {
    expect(isTrustedIndex("https://pypi.org/simple/", trusted)).toBe(true);
    expect(isTrustedIndex("HTTPS://PyPI.org/simple", trusted)).toBe(true);
    expect(isTrustedIndex(" http://127.0.0.1:4173/index/snapshot-2020/simple// ", trusted)).toBe(true);
  });

  it("refuses look-alikes: another host, port, path, scheme or credentials", () => {
    expect(isTrustedIndex("https://pypi.org.evil.test/simple", trusted)).toBe(false);
    expect(isTrustedIndex("https://evil.test/?https://pypi.org/simple", trusted)).toBe(false);
    expect(isTrustedIndex("https://pypi.org@evil.test/simple", trusted)).toBe(false);
    expect(isTrustedIndex("http://pypi.org/simple", trusted)).toBe(false);
    expect(isTrustedIndex("https://pypi.org/simple/requests", trusted)).toBe(false);
    expect(isTrustedIndex("http://127.0.0.1:4174/index/snapshot-2020/simple", trusted)).toBe(false);
    expect(isTrustedIndex("http://localhost:4173/index/snapshot-2020/simple", trusted)).toBe(false);
  });

  it("normalises only what does not change where requests go", () => {
    expect(normalizeIndexUrl("HTTPS://Example.ORG:8443/Simple/")).toBe("https://example.org:8443/Simple");
    expect(normalizeIndexUrl("not a url/")).toBe("not a url");
  });
});

describe("indexHost and describeInstant", () => {
  it("name the host as a person recognises it", () => {
    expect(indexHost("https://user:secret@example.org:8080/simple")).toBe("example.org:8080");
    expect(indexHost("nonsense")).toBe("nonsense");
  });

  it("write an instant in the reader's words, and leave an unreadable one as it is", () => {
    expect(describeInstant("2026-11-21T10:00:00.000Z", "en-GB", "UTC")).toBe("21 November 2026 at 10:00");
    expect(describeInstant("2026-11-21T10:00:00.000Z", "en-US", "America/New_York")).toBe("November 21, 2026 at 5:00 AM");
    expect(describeInstant("someday")).toBe("someday");
  });
});
