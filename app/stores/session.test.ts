// The session store: file name and format, the extras and groups chosen, and sessions stored by earlier versions.
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, EXAMPLE_REQUIREMENTS, mergePersistedSession, sessionData, useSession, type SessionData } from "./session";

const initial = sessionData(useSession.getState());

beforeEach(() => useSession.setState(initial));

describe("file name and format", () => {
  it("a new file's name sets the format and clears the extras and groups chosen for the old one", () => {
    const s = useSession.getState();
    s.setExtraChosen("socks", true);
    s.setGroupChosen("test", true);
    s.setFileName("project/pyproject.toml");
    expect(useSession.getState()).toMatchObject({ fileName: "project/pyproject.toml", format: "pyproject.toml", extras: [], groups: [] });
    useSession.getState().setFileName("deps.cfg", "setup.cfg");
    expect(useSession.getState()).toMatchObject({ fileName: "deps.cfg", format: "setup.cfg" });
  });

  it("a .cfg or .toml name the text contradicts is read as the worker reads it (setup.cfg, Pipfile)", () => {
    useSession.getState().setRequirementsText("[metadata]\nname = x\n[options]\ninstall_requires =\n  requests\n");
    useSession.getState().setFileName("deps.cfg");
    expect(useSession.getState().format).toBe("setup.cfg");
    useSession.getState().setRequirementsText("[packages]\nrequests = \"*\"\n");
    useSession.getState().setFileName("deps.toml");
    expect(useSession.getState().format).toBe("Pipfile");
  });

  it("choosing a format keeps a real file name, and renames one that only named the old format", () => {
    const s = useSession.getState();
    s.setFormat("pyproject.toml");
    expect(useSession.getState()).toMatchObject({ fileName: "pyproject.toml", format: "pyproject.toml" });
    s.setFileName("deps.cfg");
    s.setExtraChosen("socks", true);
    useSession.getState().setFormat("setup.cfg");
    expect(useSession.getState()).toMatchObject({ fileName: "deps.cfg", format: "setup.cfg", extras: ["socks"] });
  });
});

describe("extras and groups", () => {
  it("tick and untick by name, once each", () => {
    const s = useSession.getState();
    s.setExtraChosen("socks", true);
    s.setExtraChosen("cli", true);
    s.setExtraChosen("socks", true);
    expect(useSession.getState().extras).toEqual(["cli", "socks"]);
    s.setExtraChosen("cli", false);
    s.setGroupChosen("dev", true);
    expect(useSession.getState()).toMatchObject({ extras: ["socks"], groups: ["dev"] });
  });
});

describe("choices belong to the file they were made for", () => {
  it("keeps only the extras and groups the text on screen defines, compared as PEP 685 names", () => {
    const s = useSession.getState();
    s.setExtraChosen("socks", true);
    s.setExtraChosen("Cli_Tools", true);
    s.setGroupChosen("test", true);
    useSession.getState().keepDefinedChoices(["cli-tools"], ["lint"]);
    expect(useSession.getState()).toMatchObject({ extras: ["Cli_Tools"], groups: [] });
  });

  it("leaves the session untouched when every choice is still defined", () => {
    useSession.getState().setGroupChosen("dev", true);
    const before = useSession.getState();
    before.keepDefinedChoices([], ["dev"]);
    expect(useSession.getState()).toBe(before);
  });
});

describe("mergePersistedSession", () => {
  const current: SessionData = initial;

  it("reads a session stored before formats, extras, groups and reproduction times existed", () => {
    const old = { requirementsText: "[tool.poetry]\n", fileName: "pyproject.toml", settings: { pythonVersion: "3.9" }, pins: {}, excluded: [] };
    expect(mergePersistedSession(old, current)).toEqual({
      ...current,
      requirementsText: "[tool.poetry]\n",
      fileName: "pyproject.toml",
      format: "pyproject.toml",
      extras: [],
      groups: [],
      reproduceAt: null,
      settings: { ...DEFAULT_SETTINGS, pythonVersion: "3.9" },
    });
  });

  it("keeps a stored format, choices and reproduction time, and drops values of the wrong kind", () => {
    const stored = { fileName: "deps.cfg", format: "setup.cfg", extras: ["socks"], groups: ["test"], reproduceAt: "2026-01-01T00:00:00Z" };
    expect(mergePersistedSession(stored, current)).toMatchObject(stored);
    const broken = { fileName: 7, format: "makefile", extras: [1], groups: "test", reproduceAt: 5 };
    expect(mergePersistedSession(broken, current)).toMatchObject({ fileName: "requirements.txt", format: "requirements.txt", extras: [], groups: [], reproduceAt: null });
    expect(mergePersistedSession(undefined, current).requirementsText).toBe(EXAMPLE_REQUIREMENTS);
  });

  it("replaces an untouched starting example of an earlier version (it failed on the offline snapshot), never the user's text", () => {
    const earlier = 'requests[socks]>=2.20,<3\ndjango~=4.2; python_version >= "3.8"\nnumpy (>=1.18)\n';
    const stored = `# Paste requirements.txt lines — each is parsed as you type\n${earlier}`;
    expect(mergePersistedSession({ requirementsText: stored }, current).requirementsText).toBe(EXAMPLE_REQUIREMENTS);
    expect(mergePersistedSession({ requirementsText: earlier }, current).requirementsText).toBe(earlier);
  });
});
