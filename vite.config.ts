// Vite: builds the React app (app/) and the resolver worker (workers/); dev and preview also serve the offline snapshot index under /index/.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { fixtureIndexPlugin } from "./scripts/fixture-index/vite-plugin";

export default defineConfig({
  plugins: [react(), tailwindcss(), fixtureIndexPlugin()],
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: true },
});
