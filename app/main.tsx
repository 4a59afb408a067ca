// The browser entry point: applies the theme, then mounts the app with its providers.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Providers } from "./providers";
import { App } from "./app";
import { startTheme } from "./stores/theme";
import "./styles.css";

startTheme();
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
