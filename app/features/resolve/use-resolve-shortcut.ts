// Ctrl/Cmd+Enter anywhere on the page starts a resolution (the editor handles its own and marks the event handled).
import { useEffect } from "react";

export function useResolveShortcut(run: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      run();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);
}
