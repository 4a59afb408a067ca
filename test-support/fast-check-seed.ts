// Vitest setup: every fast-check property runs from one seed, fixed in CI (FC_SEED overrides), printed when a property fails.
import fc from "fast-check";

const fromEnv = process.env.FC_SEED;
const seed = fromEnv !== undefined && fromEnv !== "" ? Number(fromEnv) : process.env.CI ? 20261204 : Date.now() % 2 ** 31;

// fast-check names the seed and the shrunk path in every failure message ("seed: N, path: ..."); reproduce with FC_SEED=N.
fc.configureGlobal({ seed });
