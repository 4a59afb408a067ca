// Vite: builds the React app (app/) and the resolver worker (workers/); dev and preview also serve the offline snapshot index under /index/.
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { fixtureIndexPlugin } from "./scripts/fixture-index/vite-plugin";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, devContentSecurityPolicy } from "./scripts/security-headers";

/** In development only, the page's policy lets Vite's inline React-refresh preamble and its websocket through. */
const devPolicy: Plugin = {
  name: "tangle-dev-csp",
  apply: "serve",
  transformIndexHtml: (html) => html.replace(CONTENT_SECURITY_POLICY, devContentSecurityPolicy(CONTENT_SECURITY_POLICY)),
};

export default defineConfig({
  plugins: [react(), tailwindcss(), fixtureIndexPlugin(), devPolicy],
  preview: { headers: SECURITY_HEADERS },
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
    // The entry chunk is about 700 KB raw, 220 KB gzipped: the budget that matters is the gzipped initial JavaScript
    // (300 KB), which scripts/bench-explorer.ts measures; the generic 500 KB raw warning only added noise to `npm start`.
    chunkSizeWarningLimit: 1024,
    // Rolldown's plugin-timing report is a profiling aid, not something `npm start` should print every time.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
