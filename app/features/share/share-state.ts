// The share feature's own state: what went wrong with an opened link, and the question asked before using a link's index.
import { create } from "zustand";
import type { SessionData } from "../../stores/session";

export type IndexChoice = "use" | "pypi";

export interface LinkError {
  /** What is wrong with the link, from the codec. */
  message: string;
  /** Whether the link's requirements text could be recovered (and now fills the editor). */
  recoveredText: boolean;
  /** The requirements the user had before the recovered text replaced them, to put back (null: nothing replaced). */
  replacedText: string | null;
}

export interface ShareState {
  linkError: LinkError | null;
  /** Fields of an opened link that were unreadable and left as they were. */
  problems: string[];
  /** The session this browser held before an opened link replaced it, to bring back (null: nothing worth keeping was replaced). */
  replaced: SessionData | null;
  /** An opened link is being resolved: when its result arrives, the page shows it (scrolls to it on narrow screens). */
  landing: boolean;
  setLanding: (landing: boolean) => void;
  /** A link names an index nobody vetted: nothing is sent to it until the user answers. */
  indexQuestion: { url: string; answer: (choice: IndexChoice) => void } | null;
  showLinkError: (error: LinkError | null) => void;
  setProblems: (problems: string[]) => void;
  setReplaced: (replaced: SessionData | null) => void;
  /** Asks whether to use a link's index; a newer question (another link opened) answers the older one with "pypi". */
  askAboutIndex: (url: string) => Promise<IndexChoice>;
}

export const useShare = create<ShareState>()((set, get) => ({
  linkError: null,
  problems: [],
  replaced: null,
  indexQuestion: null,
  landing: false,
  setLanding: (landing) => set({ landing }),
  showLinkError: (linkError) => set({ linkError }),
  setProblems: (problems) => set({ problems }),
  setReplaced: (replaced) => set({ replaced }),
  askAboutIndex: (url) => {
    get().indexQuestion?.answer("pypi");
    return new Promise<IndexChoice>((resolve) => {
      const answer = (choice: IndexChoice) => {
        if (get().indexQuestion?.answer === answer) set({ indexQuestion: null });
        resolve(choice);
      };
      set({ indexQuestion: { url, answer } });
    });
  },
}));
