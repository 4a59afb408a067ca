// The layer rules of docs/architecture.md: ESLint rejects an import that crosses a layer the wrong way, or closes a cycle.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary-rule messages ESLint gives for `code` placed at `filePath` (which need not exist). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

/** The import-cycle messages ESLint gives for `code` placed at `filePath` (the rest of the tree read from disk). */
async function cycleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "import-x/no-cycle").map((m) => m.message);
}

describe("layer rules", () => {
  it("keeps the pure core free of the layers above it", async () => {
    expect(await layerErrors("workers/packaging/probe.ts", `import { resolveRequest } from "../resolve/resolve";\nexport const x = resolveRequest;\n`)).toHaveLength(1);
    expect(await layerErrors("workers/pubgrub/probe.ts", `import { parseVersion } from "../packaging/version";\nexport const x = parseVersion;\n`)).toHaveLength(1);
    expect(await layerErrors("workers/packaging/probe.ts", `import { parseVersion } from "./version";\nexport const x = parseVersion;\n`)).toEqual([]);
  });

  it("keeps the solver's internals to the solver", async () => {
    expect(await layerErrors("workers/resolve/probe.ts", `import { PartialSolution } from "../pubgrub/internal/partial-solution";\nexport const x = PartialSolution;\n`)).toHaveLength(1);
    expect(await layerErrors("workers/resolve/probe.ts", `import { solve } from "../pubgrub/solver";\nexport const x = solve;\n`)).toEqual([]);
  });

  it("lets the index use packaging and nothing else", async () => {
    expect(await layerErrors("workers/index/probe.ts", `import { parseVersion } from "../packaging/version";\nexport const x = parseVersion;\n`)).toEqual([]);
    expect(await layerErrors("workers/index/probe.ts", `import { parseInput } from "../formats/input/parse-input";\nexport const x = parseInput;\n`)).toHaveLength(1);
  });

  it("keeps the boundary types free of the layers that use them, even as types", async () => {
    expect(await layerErrors("workers/api-probe.ts", `import type { ParsedFile } from "./formats/input/parsed-file";\nexport type X = ParsedFile;\n`)).toHaveLength(1);
    expect(await layerErrors("workers/formats/input/probe.ts", `import type { RequirementSet } from "../../api-input";\nexport type X = RequirementSet;\n`)).toEqual([]);
  });

  it("keeps worker code away from the dev scripts", async () => {
    expect(await layerErrors("workers/cli-probe.ts", `import { startFixtureIndex } from "../scripts/fixture-index/server";\nexport const x = startFixtureIndex;\n`)).toHaveLength(1);
  });

  it("lets the page import the worker API as types only", async () => {
    expect(await layerErrors("app/stores/probe.ts", `import type { ResolveRequest } from "../../workers/api";\nexport type X = ResolveRequest;\n`)).toEqual([]);
    expect(await layerErrors("app/stores/probe.ts", `import { INPUT_FORMATS } from "../../workers/api-input-format";\nexport const x = INPUT_FORMATS;\n`)).toEqual([]);
    expect(await layerErrors("workers/api-input-format.ts", `import { parseVersion } from "./packaging/version";\nexport const x = parseVersion;\n`)).toHaveLength(1);
    expect(await layerErrors("app/stores/probe.ts", `import { EXIT } from "../../workers/cli";\nexport const x = EXIT;\n`)).toHaveLength(1);
    expect(await layerErrors("app/stores/probe.ts", `import { parseVersion } from "../../workers/packaging/version";\nexport const x = parseVersion;\n`)).toHaveLength(1);
  });

  it("keeps the worker calls out of the stores", async () => {
    expect(await layerErrors("app/stores/probe.ts", `import { resolver } from "../resolver-client";\nexport const x = resolver;\n`)).toHaveLength(1);
    expect(await layerErrors("app/probe-run.ts", `import { resolver } from "./resolver-client";\nexport const x = resolver;\n`)).toEqual([]);
    expect(await layerErrors("app/probe-run.ts", `import { useAudit } from "./stores/audit";\nexport const x = useAudit;\n`)).toEqual([]);
  });

  it("keeps features from importing one another", async () => {
    expect(await layerErrors("app/features/list/probe.ts", `import { findPackage } from "../graph/utils/find-package";\nexport const x = findPackage;\n`)).toHaveLength(1);
    expect(await layerErrors("app/features/graph/probe.ts", `import { findPackage } from "./utils/find-package";\nexport const x = findPackage;\n`)).toEqual([]);
  });

  it("rejects an import that closes a cycle, whatever the layers", async () => {
    // parse-input imports the format detector; the detector importing parse-input back closes the loop.
    expect(await cycleErrors("workers/api-input-format.ts", `import { parseInput } from "./formats/input/parse-input";\nexport const x = parseInput;\n`)).toHaveLength(1);
    expect(await cycleErrors("app/stores/probe.ts", `import { buildResolveRequest } from "./build-request";\nexport const x = buildResolveRequest;\n`)).toEqual([]);
  });
});
