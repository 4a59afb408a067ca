// Focus modes: what a user sees when they ask for a package's neighbourhood, or for the requirements and the paths to a package.
import { describe, expect, it } from "vitest";
import { buildDependencyGraph } from "./graph-elements";
import { focusedNodes, focusVisibility } from "./graph-focus";
import { resolutionOf } from "../../../test-support/resolution-of";

const ROOT = "<root>";

// flask and celery are required; both reach markupsafe by different routes; kombu hangs off celery only.
const graph = buildDependencyGraph(
  resolutionOf({
    [ROOT]: ["flask", "celery"],
    flask: ["jinja2", "werkzeug", "click"],
    jinja2: ["markupsafe"],
    werkzeug: ["markupsafe"],
    celery: ["kombu", "click"],
    kombu: ["amqp"],
    markupsafe: ["helper"],
  }),
);

const sorted = (set: Set<string> | null) => (set ? [...set].sort() : null);

describe("focusedNodes", () => {
  it("shows everything for 'all', and for 'neighbourhood' until a package is selected", () => {
    expect(focusedNodes(graph, "all", "jinja2")).toBeNull();
    expect(focusedNodes(graph, "neighbourhood", null)).toBeNull();
  });

  it("neighbourhood: the selection, what it requires and what requires it (and the root, where paths start)", () => {
    expect(sorted(focusedNodes(graph, "neighbourhood", "markupsafe"))).toEqual([ROOT, "helper", "jinja2", "markupsafe", "werkzeug"]);
    expect(sorted(focusedNodes(graph, "neighbourhood", "click"))).toEqual([ROOT, "celery", "click", "flask"]);
  });

  it("requirements: only the direct requirements without a selection", () => {
    expect(sorted(focusedNodes(graph, "requirements", null))).toEqual([ROOT, "celery", "flask"]);
  });

  it("requirements: plus every path from them to the selection, and nothing off those paths", () => {
    expect(sorted(focusedNodes(graph, "requirements", "markupsafe"))).toEqual([ROOT, "celery", "flask", "jinja2", "markupsafe", "werkzeug"]);
    expect(sorted(focusedNodes(graph, "requirements", "amqp"))).toEqual([ROOT, "amqp", "celery", "flask", "kombu"]);
  });

  it("ignores a selection that is not in the graph (a stale one from an earlier result)", () => {
    expect(sorted(focusedNodes(graph, "requirements", "django"))).toEqual([ROOT, "celery", "flask"]);
    expect(focusedNodes(graph, "neighbourhood", "django")).toBeNull();
  });
});

describe("focusVisibility", () => {
  it("counts, for each shown package, the dependencies the focus leaves out", () => {
    const v = focusVisibility(graph, new Set([ROOT, "flask", "celery"]));
    expect(v.hiddenChildren.get("flask")).toBe(3);
    expect(v.hiddenChildren.get("celery")).toBe(2);
    expect(v.hiddenChildren.has(ROOT)).toBe(false);
  });
});
