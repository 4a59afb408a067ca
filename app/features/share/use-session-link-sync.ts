// Mounts the permalink sync for the page's lifetime (the address bar follows the session; links open on load and on navigation).
import { useEffect } from "react";
import { startSessionLinkSync } from "./session-link-sync";

export function useSessionLinkSync(): void {
  useEffect(() => startSessionLinkSync(), []);
}
