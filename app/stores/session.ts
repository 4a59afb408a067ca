// The session store: what the user typed and chose; persisted so a reload never loses it.
import { create } from "zustand";
import { persist } from "zustand/middleware";

export const EXAMPLE_REQUIREMENTS = `# Paste requirements.txt lines — each is parsed as you type
requests[socks]>=2.20,<3
django~=4.2; python_version >= "3.8"
numpy (>=1.18)
`;

interface SessionState {
  requirementsText: string;
  setRequirementsText: (text: string) => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      requirementsText: EXAMPLE_REQUIREMENTS,
      setRequirementsText: (requirementsText) => set({ requirementsText }),
    }),
    { name: "tangle.session", version: 1 },
  ),
);
