// The conflicts feature: why no solution exists (numbered text and a picture) and the ways out, each applied with one click.
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { StylesheetJson } from "cytoscape";
import type { ExplanationGraphDto, SuggestionDto } from "../../../workers/api";
import { useSession } from "../../stores/session";
import { runResolution } from "../../resolution-run";
import { useTheme } from "../../stores/theme";
import { useCytoscape } from "../../hooks/use-cytoscape";
import { layeredLayout, type LayeredOptions } from "../../lib/layout/layered-layout";
import { layoutInputOf, withPositions } from "../../lib/layout/cytoscape-layout";
import { nodeBoxStyle, paletteFor, type GraphPalette } from "../../lib/graph-palette";
import { Button } from "../../components/button";
import { AlertIcon, SparkIcon } from "../../components/icons";
import { applySuggestion, isApplicable } from "./apply-suggestion";
import { conflictElements } from "./conflict-elements";

/** Renders `code` spans of the explanation in monospace. */
function withCode(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[12px] text-slate-900 dark:bg-slate-800 dark:text-slate-100">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

function conflictStyle(p: GraphPalette): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        ...nodeBoxStyle(p, 11),
      },
    },
    { selector: "node.kind-root", style: { "background-color": p.directFill, "border-color": p.directBorder, "border-width": 2 } },
    { selector: "node.kind-derived", style: { "border-style": "dashed", color: p.edgeLabel } },
    { selector: "node.clash-range", style: { "border-color": p.conflict, "border-width": 2.5, color: p.conflict, "font-weight": "bold" } },
    { selector: "node.clash", style: { "background-color": p.conflictFill, "border-color": p.conflict, "border-width": 2.5, color: p.conflict } },
    { selector: "node.conclusion", style: { "background-color": p.conflict, "border-width": 0, color: "#ffffff", "font-weight": "bold", "border-style": "solid" } },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": p.edge,
        "target-arrow-color": p.edge,
        "target-arrow-shape": "triangle",
        "curve-style": "bezier",
      },
    },
  ];
}

/** The derivation drawn top to bottom, causes above what follows from them: the graph's own layered layout (small: laid out here, not in a worker). */
const CONFLICT_LAYOUT: LayeredOptions = { direction: "TB", rankSep: 56, nodeSep: 24, edgeSep: 8 };

function ConflictGraph({ graph }: { graph: ExplanationGraphDto }) {
  const container = useRef<HTMLDivElement>(null);
  const { cy, failure } = useCytoscape(container);
  const palette = paletteFor(useTheme((s) => s.resolved));
  const elements = useMemo(() => conflictElements(graph), [graph]);
  useEffect(() => {
    cy?.style(conflictStyle(palette));
  }, [cy, palette]);
  useEffect(() => {
    if (!cy) return;
    const positioned = withPositions(elements, layeredLayout(layoutInputOf(elements), CONFLICT_LAYOUT));
    cy.batch(() => {
      cy.elements().remove();
      cy.add(positioned);
    });
    cy.fit(undefined, 24);
  }, [cy, elements]);
  // The whole picture stays in view when its box changes size (a narrow window, a rotated phone).
  useEffect(() => {
    const box = container.current;
    if (!cy || !box) return;
    const observer = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 24);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [cy]);
  if (graph.nodes.length === 0) return null;
  return (
    <div className="relative h-80 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800" style={{ background: palette.background }}>
      <div className="absolute inset-0">
        <div ref={container} data-testid="conflict-graph" role="img" aria-label="The conflict as a graph: each fact points to what follows from it, down to the failure; clashing requirements are red" className="h-full w-full" />
      </div>
      {failure && <p className="absolute inset-0 flex items-center justify-center text-sm text-red-700">{failure}</p>}
    </div>
  );
}

function Suggestions({ suggestions }: { suggestions: SuggestionDto[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (s: SuggestionDto) => {
    const session = useSession.getState();
    const result = applySuggestion(
      { text: session.requirementsText, pythonVersion: session.settings.pythonVersion, pins: session.pins, excluded: session.excluded },
      s.edit,
    );
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    const next = result.session;
    if (next.text !== session.requirementsText) session.setRequirementsText(next.text);
    if (next.pythonVersion !== session.settings.pythonVersion) session.updateSettings({ pythonVersion: next.pythonVersion });
    for (const name of Object.keys(session.pins)) if (!(name in next.pins)) session.removePin(name);
    for (const name of session.excluded) if (!next.excluded.includes(name)) session.include(name);
    runResolution();
  };
  if (suggestions.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No single edit of your requirements makes this resolvable; the explanation above shows what clashes.</p>;
  }
  return (
    <>
      <ol className="flex flex-col gap-2">
        {suggestions.map((s, i) => (
          <li key={i} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-800/60">
            <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-teal-50 text-xs font-semibold text-teal-800 dark:bg-teal-950 dark:text-teal-300">{i + 1}</span>
            <span className="min-w-0 flex-1 text-sm break-words text-slate-800 dark:text-slate-100">{withCode(s.title)}</span>
            {isApplicable(s.edit) ? (
              <Button size="sm" variant="primary" onClick={() => apply(s)} aria-label={`Apply: ${s.title.replace(/`/g, "")}`}>
                Apply
              </Button>
            ) : (
              <span className="w-full pl-9 text-xs text-slate-500 dark:text-slate-400">{s.edit.kind === "by-hand" ? `By hand: ${s.edit.reason}.` : null}</span>
            )}
          </li>
        ))}
      </ol>
      {problem && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </>
  );
}

function Derivation({ lines }: { lines: string[] }) {
  return (
    <div className="font-sans text-[13.5px] leading-6 text-slate-800 dark:text-slate-100">
      {lines.map((line, i) => (
        <p key={i} className={`${line.trim() === "" ? "h-3" : ""} ${/^\s/.test(line) ? "pl-6" : ""}`}>
          {withCode(line)}
        </p>
      ))}
    </div>
  );
}

export function ConflictPanel({ summary = [], explanation, graph, suggestions }: { summary?: string[]; explanation: string; graph: ExplanationGraphDto; suggestions: SuggestionDto[] }) {
  const lines = explanation.split("\n");
  const steps = lines.filter((l) => l.trim() !== "").length;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto p-4">
      <section aria-label="Conflict explanation" className="rounded-xl border border-red-200 bg-red-50/50 p-4 dark:border-red-900/70 dark:bg-red-950/20">
        <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-red-800 dark:text-red-300">
          <AlertIcon className="h-4 w-4" />
          Why these requirements cannot be satisfied
        </h2>
        {summary.length > 0 ? (
          <>
            <ul aria-label="Root cause" className="flex flex-col gap-2 text-[14px] leading-6 break-words text-slate-900 dark:text-slate-50">
              {summary.map((sentence, i) => (
                <li key={i} className={summary.length > 1 ? "ml-4 list-disc" : ""}>
                  {withCode(sentence)}
                </li>
              ))}
            </ul>
            <details className="group mt-3 rounded-lg border border-red-200/70 bg-white/60 dark:border-red-900/50 dark:bg-slate-900/40">
              <summary className="cursor-pointer px-3 py-2 text-xs font-semibold text-red-800 select-none dark:text-red-300">
                The full derivation ({steps} step{steps === 1 ? "" : "s"})
              </summary>
              <div className="border-t border-red-200/70 px-3 py-2 dark:border-red-900/50">
                <Derivation lines={lines} />
              </div>
            </details>
          </>
        ) : (
          <Derivation lines={lines} />
        )}
      </section>
      <section aria-label="Conflict graph" className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-200">The conflict as a picture</h2>
        <ConflictGraph graph={graph} />
      </section>
      <section aria-label="Ways out" className="flex flex-col gap-2">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
          <SparkIcon className="h-4 w-4 text-teal-600" />
          Ways out
        </h2>
        <p className="-mt-1 text-xs text-slate-500 dark:text-slate-400">Each was checked by resolving again with that one change, and is applied in your file's own syntax.</p>
        <Suggestions suggestions={suggestions} />
      </section>
    </div>
  );
}
