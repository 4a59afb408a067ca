// ESLint flat config: typescript-eslint for all code, react-hooks rules for the app, no import cycles, and the layer rules of docs/architecture.md.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import boundaries from "eslint-plugin-boundaries";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import globals from "globals";
import { layerElements, layerPolicies } from "./eslint.layers.js";

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No module of the app or the worker imports itself through others (type-only imports, erased at build time, do not
    // count). Tests and scripts are leaves nothing imports back, so the rule skips them and lint stays fast.
    files: ["app/**/*.{ts,tsx}", "workers/**/*.ts"],
    ignores: ["**/*.test.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "workers/**/*.ts"],
    // Tests may reach across layers (an integration test starts the fixture index from scripts/); the code they test may not.
    ignores: ["**/*.test.{ts,tsx}", "**/test-support/**"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": layerElements,
      // api.ts is a one-file layer; `mode: "file"` still says so in v7 but warns as legacy on every run.
      "boundaries/legacy-warnings": false,
      "import/resolver": { typescript: { project: "tsconfig.json" }, node: { extensions: [".ts", ".tsx", ".js"] } },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "allow", policies: layerPolicies }],
    },
  },
);
