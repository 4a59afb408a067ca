// The layers of docs/architecture.md as eslint-plugin-boundaries elements and policies: which folder may import which.

/** Each layer is a folder (or a file) of the tree; tests sit in their layer and obey its rules. */
export const layerElements = [
  { type: "packaging", pattern: "workers/packaging" },
  { type: "pubgrub-internal", pattern: "workers/pubgrub/internal" },
  { type: "pubgrub", pattern: "workers/pubgrub" },
  { type: "index", pattern: "workers/index" },
  { type: "formats", pattern: "workers/formats" },
  { type: "resolve", pattern: "workers/resolve" },
  { type: "audit", pattern: "workers/audit" },
  { type: "api-format", pattern: "workers/api-input-format.ts", mode: "file" },
  { type: "api", pattern: "workers/api*.ts", mode: "file" },
  { type: "scripts", pattern: "scripts" },
  { type: "feature", pattern: "app/features/*", capture: ["feature"] },
  { type: "store", pattern: "app/stores" },
  { type: "worker-client", pattern: "app/resolver-client.ts", mode: "file" },
  { type: "app", pattern: "app" },
  { type: "service", pattern: "workers" },
];

const to = (...types) => ({ to: { element: { type: types } } });
const typesOnly = (...types) => ({ to: { element: { type: types } }, dependency: { kind: "type" } });

/** Read top to bottom: a later policy overrides an earlier one for the same import. */
export const layerPolicies = [
  // The pure core imports nothing of ours but itself.
  { from: { element: { type: "packaging" } }, disallow: to("pubgrub", "pubgrub-internal", "index", "formats", "resolve", "api", "api-format", "service", "scripts", "feature", "app") },
  { from: { element: { type: ["pubgrub", "pubgrub-internal"] } }, disallow: to("packaging", "index", "formats", "resolve", "api", "api-format", "service", "scripts", "feature", "app") },
  // The solver's machinery (partial solution, incompatibility store, priority heap) is for the solver alone.
  { from: { element: { type: "!{pubgrub,pubgrub-internal}" } }, disallow: to("pubgrub-internal") },
  // The boundary types: plain data, nothing above packaging.
  { from: { element: { type: "api" } }, disallow: to("pubgrub", "index", "formats", "resolve", "service", "scripts", "feature", "app") },
  // The one pure function of the boundary (which format a file is), shared by page and worker: it imports nothing.
  { from: { element: { type: "api-format" } }, disallow: to("packaging", "pubgrub", "pubgrub-internal", "index", "formats", "resolve", "audit", "api", "service", "scripts", "feature", "app") },
  // The index speaks PEP 503/691/658 through packaging and nothing else.
  { from: { element: { type: "index" } }, disallow: to("pubgrub", "formats", "resolve", "api", "api-format", "service", "scripts", "feature", "app") },
  // Inputs and exports: packaging and the boundary types.
  { from: { element: { type: "formats" } }, disallow: to("pubgrub", "index", "resolve", "service", "scripts", "feature", "app") },
  // The Python provider sits on the core, the index and the formats.
  { from: { element: { type: "resolve" } }, disallow: to("service", "scripts", "feature", "app") },
  // The audit (advisories, licences, freshness, fixes) sits on the index and the Python provider.
  { from: { element: { type: "audit" } }, disallow: to("service", "scripts", "feature", "app") },
  // Worker code never imports the dev tools.
  { from: { element: { type: "service" } }, disallow: to("scripts", "feature", "app") },
  // The page reaches the worker only through the API's types (the worker itself is started by URL).
  { from: { element: { type: ["app", "feature", "store", "worker-client"] } }, disallow: to("packaging", "pubgrub", "index", "formats", "resolve", "service", "api", "scripts") },
  { from: { element: { type: ["app", "feature", "store", "worker-client"] } }, allow: typesOnly("api") },
  // ...and the format detector, so the page and the worker never disagree on what a file is.
  { from: { element: { type: ["app", "feature", "store", "worker-client"] } }, allow: to("api-format") },
  // A store holds state; the calls to the worker that fill it live beside the stores (app/resolution-run.ts, app/audit-run.ts).
  { from: { element: { type: "store" } }, disallow: to("worker-client") },
  // No feature imports another; shared pieces live in app/components, app/stores or app/hooks.
  { from: { element: { type: "feature" } }, disallow: { to: { element: { type: "feature", captured: { feature: "!{{ from.element.captured.feature }}" } } } } },
];
