// Ready-made inputs for the empty page; each runs against the bundled 2020 PyPI snapshot, so they work offline.

export interface Example {
  id: string;
  /** The button's text after "Try:". */
  title: string;
  description: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "data-science",
    title: "a data-science stack",
    description: "pandas, matplotlib and SciPy: about a dozen packages, several levels deep.",
    text: `# A data-science stack (resolved against the 2020 PyPI snapshot)
pandas>=1.0
matplotlib>=3.2
scipy
requests[socks]
`,
  },
  {
    id: "conflict",
    title: "a conflicting set",
    description: "Two pins that clash: requests 2.20.0 needs urllib3 older than 1.25.",
    text: `# Two pins that cannot both hold
requests==2.20.0
urllib3==1.26.2
`,
  },
  {
    id: "web",
    title: "a small web app",
    description: "Flask and its helpers, with a marker that only applies on Windows.",
    text: `flask>=1.1
requests>=2.22
colorama; sys_platform == "win32"
`,
  },
];
