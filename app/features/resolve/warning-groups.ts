// Groups a resolution's warnings by the project they are about ("pyzmq: ..."), so several about one project fold into one line.

export interface WarningGroup {
  /** The project, or null for warnings that name none. */
  project: string | null;
  /** The warnings without the "project: " prefix. */
  items: string[];
}

/** Warnings arrive as "name: text"; keeps first-seen order of projects and of warnings within each. */
export function groupWarnings(warnings: readonly string[]): WarningGroup[] {
  const groups: WarningGroup[] = [];
  const byProject = new Map<string, WarningGroup>();
  for (const warning of warnings) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*): (.+)$/s.exec(warning);
    if (!m) {
      groups.push({ project: null, items: [warning] });
      continue;
    }
    let group = byProject.get(m[1]);
    if (!group) {
      group = { project: m[1], items: [] };
      byProject.set(m[1], group);
      groups.push(group);
    }
    group.items.push(m[2]);
  }
  return groups;
}
