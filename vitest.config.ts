// Vitest: unit and golden-vector tests that sit beside the code (workers/, app/, scripts/).
import { defineConfig } from "vitest/config";

// Some Vitest reporters call Map.groupBy (Node 21+); Node 20 lacks it, so failures would crash the report.
const mapWithGroupBy = Map as unknown as { groupBy?: <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]> };
mapWithGroupBy.groupBy ??= <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

/**
 * Integration tests start the fixture index, spawn pip, Python or the CLI, or run ESLint: each gets a fresh module
 * graph (isolated). Everything else is a unit test over pure code and shares one module graph per worker (no
 * isolation), which is what keeps the edit loop (`npm run test:unit`) fast.
 */
const integration = ["**/*.integration.test.ts"];

const shared = {
  environment: "node" as const,
  testTimeout: 30_000,
  setupFiles: ["test-support/fast-check-seed.ts"],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: ["workers/**/*.test.ts", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          exclude: [...integration, "**/node_modules/**"],
          isolate: false,
        },
      },
      {
        test: { ...shared, name: "integration", include: integration },
      },
    ],
  },
});
