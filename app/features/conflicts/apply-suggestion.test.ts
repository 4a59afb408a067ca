// Tests of applying a way out to the session: whole-line native edits (also after the text moved), what-ifs taken back, Python.
import { describe, it, expect } from "vitest";
import { applySuggestion, isApplicable, type EditableSession } from "./apply-suggestion";

const text = "# pins\nrequests==2.20.0\nurllib3==1.26.2  # newest\n";
const session = (over: Partial<EditableSession> = {}): EditableSession => ({ text, pythonVersion: "3.13", pins: {}, excluded: [], ...over });

describe("applySuggestion", () => {
  it("replaces the named line as a whole", () => {
    const r = applySuggestion(session(), { kind: "replace-requirement", line: 2, from: "requests==2.20.0", to: "requests>=2.25" });
    expect(r).toEqual({ ok: true, session: session({ text: "# pins\nrequests>=2.25\nurllib3==1.26.2  # newest\n" }) });
  });

  it("finds the line elsewhere when the text moved, if exactly one line reads the same", () => {
    const r = applySuggestion(session({ text: `# added a line\n${text}` }), { kind: "replace-requirement", line: 3, from: "urllib3==1.26.2  # newest", to: "urllib3<1.25  # newest" });
    expect(r.ok && r.session.text).toBe("# added a line\n# pins\nrequests==2.20.0\nurllib3<1.25  # newest\n");
  });

  it("says so when the line is gone or was changed", () => {
    expect(applySuggestion(session({ text: "flask\n" }), { kind: "remove-requirement", line: 1, from: "urllib3==1.26.2" }).ok).toBe(false);
    expect(applySuggestion(session({ text: "requests==2.20.0 # edited\n" }), { kind: "replace-requirement", line: 1, from: "requests==2.20.0", to: "x" }).ok).toBe(false);
  });

  it("deletes a line, keeping CRLF line ends", () => {
    const r = applySuggestion(session({ text: text.replace(/\n/g, "\r\n") }), { kind: "remove-requirement", line: 3, from: "urllib3==1.26.2  # newest" });
    expect(r.ok && r.session.text).toBe("# pins\r\nrequests==2.20.0\r\n");
  });

  it("takes back a what-if pin or exclusion, leaving the others", () => {
    const s = session({ pins: { numpy: "<1.17", six: "==1.0" }, excluded: ["idna"] });
    const pin = applySuggestion(s, { kind: "remove-what-if", name: "numpy", what: "pin" });
    expect(pin.ok && pin.session).toEqual({ ...s, pins: { six: "==1.0" } });
    const ex = applySuggestion(s, { kind: "remove-what-if", name: "idna", what: "exclusion" });
    expect(ex.ok && ex.session.excluded).toEqual([]);
  });

  it("changes the target Python without touching the text", () => {
    expect(applySuggestion(session(), { kind: "set-python", version: "3.8" })).toEqual({ ok: true, session: session({ pythonVersion: "3.8" }) });
  });

  it("offers no one-click apply for edits that must be made by hand", () => {
    const edit = { kind: "by-hand" as const, reason: "edit line 3 in base.txt by hand" };
    expect(isApplicable(edit)).toBe(false);
    expect(applySuggestion(session(), edit).ok).toBe(false);
    expect(isApplicable({ kind: "set-python", version: "3.8" })).toBe(true);
  });
});
