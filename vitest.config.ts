// Vitest: unit and golden-vector tests that sit beside the code (workers/, app/, scripts/).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["workers/**/*.test.ts", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
