import { describe, it, expect } from "vitest";
import { applySuggestion } from "./apply-suggestion";

const text = "# pins\nrequests==2.20.0\nurllib3==1.26.2  # newest\n";

describe("applySuggestion", () => {
  it("replaces the requirement on the named line", () => {
    const r = applySuggestion({ text, pythonVersion: "3.13" }, { kind: "replace-requirement", line: 2, from: "requests==2.20.0", to: "requests>=2.25" });
    expect(r).toEqual({ ok: true, session: { text: "# pins\nrequests>=2.25\nurllib3==1.26.2  # newest\n", pythonVersion: "3.13" } });
  });

  it("finds the requirement on another line when the text moved, if only one line holds it", () => {
    const moved = `# added a line\n${text}`;
    const r = applySuggestion({ text: moved, pythonVersion: "3.13" }, { kind: "replace-requirement", line: 2, from: "urllib3==1.26.2", to: "urllib3<1.25" });
    expect(r.ok && r.session.text).toBe("# added a line\n# pins\nrequests==2.20.0\nurllib3<1.25  # newest\n");
  });

  it("says so when the requirement is gone", () => {
    const r = applySuggestion({ text: "flask\n", pythonVersion: "3.13" }, { kind: "remove-requirement", line: 1, from: "urllib3==1.26.2" });
    expect(r.ok).toBe(false);
  });

  it("removes a line that held only the requirement and a comment, keeping CRLF line ends", () => {
    const r = applySuggestion({ text: text.replace(/\n/g, "\r\n"), pythonVersion: "3.13" }, { kind: "remove-requirement", line: 3, from: "urllib3==1.26.2" });
    expect(r.ok && r.session.text).toBe("# pins\r\nrequests==2.20.0\r\n");
  });

  it("removes a quoted entry of a TOML list", () => {
    const toml = '[project]\ndependencies = [\n  "requests==2.20.0",\n  "urllib3==1.26.2",\n]\n';
    const r = applySuggestion({ text: toml, pythonVersion: "3.13" }, { kind: "remove-requirement", line: 4, from: "urllib3==1.26.2" });
    expect(r.ok && r.session.text).toBe('[project]\ndependencies = [\n  "requests==2.20.0",\n]\n');
  });

  it("changes the target Python without touching the text", () => {
    const r = applySuggestion({ text, pythonVersion: "3.13" }, { kind: "set-python", version: "3.8" });
    expect(r).toEqual({ ok: true, session: { text, pythonVersion: "3.8" } });
  });
});
