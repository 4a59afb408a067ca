// The details panel's "Vulnerabilities" section: each advisory with aliases and fixed versions, and "Fix" that re-solves to prove it.
import { useState } from "react";
import type { ResolvedPackageDto, ResolveRequest } from "../../../workers/api";
import type { FixOutcomeDto, VulnerabilityDto } from "../../../workers/api-audit";
import { resolver } from "../../resolver-client";
import { useAudit } from "../../stores/audit";
import { runResolution } from "../../resolution-run";
import { useSession } from "../../stores/session";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { FixOutcome } from "./fix-outcome";

/** Adds the fix to the session as the worker proved it (a requirements line, or a pin for other formats), then re-resolves. */
function applyFix(outcome: Extract<FixOutcomeDto, { kind: "fixed" }>): void {
  const session = useSession.getState();
  const { requirement, name } = outcome;
  if (outcome.via === "requirement-line") {
    const text = session.requirementsText;
    session.setRequirementsText(`${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${requirement}\n`);
  } else {
    session.setPin(name, requirement.slice(name.length));
  }
  runResolution();
}

function Advisory({ vuln, onFix, busy }: { vuln: VulnerabilityDto; onFix: () => void; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const text = vuln.summary ?? vuln.details;
  return (
    <li className="rounded-md border border-red-200 bg-red-50/60 p-2 dark:border-red-900 dark:bg-red-950/30">
      <div className="flex flex-wrap items-center gap-1.5">
        {vuln.link ? (
          <a href={vuln.link} target="_blank" rel="noreferrer" className="font-mono text-xs font-semibold text-red-800 hover:underline dark:text-red-300">
            {vuln.id}
          </a>
        ) : (
          <span className="font-mono text-xs font-semibold text-red-800 dark:text-red-300">{vuln.id}</span>
        )}
        {vuln.aliases.map((a) => (
          <Badge key={a} tone="slate">
            {a}
          </Badge>
        ))}
      </div>
      <p className={`mt-1 text-xs text-slate-700 dark:text-slate-200 ${open ? "" : "line-clamp-2"}`}>{text}</p>
      {text.length > 140 && (
        <button type="button" className="text-[11px] text-teal-700 hover:underline dark:text-teal-300" onClick={() => setOpen(!open)}>
          {open ? "Less" : "More"}
        </button>
      )}
      <div className="mt-1.5 flex items-center justify-between gap-2">
        <span className="text-[11px] text-slate-600 dark:text-slate-300">
          Fixed in: <span className="font-mono">{vuln.fixedIn.length ? vuln.fixedIn.join(", ") : "no fixed version yet"}</span>
        </span>
        <Button size="sm" onClick={onFix} disabled={busy || vuln.fixedIn.length === 0} aria-label={`Fix ${vuln.id}`}>
          Fix
        </Button>
      </div>
    </li>
  );
}

export function PackageAdvisories({ pkg, packages, request }: { pkg: ResolvedPackageDto; packages: ResolvedPackageDto[]; request: ResolveRequest }) {
  const status = useAudit((s) => s.status);
  const facts = useAudit((s) => s.report?.packages.find((p) => p.name === pkg.name && p.version === pkg.version));
  const [fix, setFix] = useState<{ key: string; outcome: FixOutcomeDto | null } | null>(null);

  const runFix = (key: string, vulns: VulnerabilityDto[]) => {
    setFix({ key, outcome: null });
    resolver()
      .fixVulnerability(request, packages, { name: pkg.name, version: pkg.version }, vulns)
      .then(
        (outcome) => setFix((f) => (f?.key === key ? { key, outcome } : f)),
        (error: unknown) => setFix((f) => (f?.key === key ? { key, outcome: { kind: "error", name: pkg.name, message: String(error) } } : f)),
      );
  };

  let body;
  if (status === "loading" || status === "idle") body = <p className="text-xs text-slate-500 dark:text-slate-400">Checking advisories…</p>;
  else if (!facts || status === "failed") body = <p className="text-xs text-slate-500 dark:text-slate-400">The audit could not run.</p>;
  else if (facts.vulnerabilities === null) body = <p className="text-xs text-amber-800 dark:text-amber-300">Vulnerability data not available from this index{facts.error ? ` (${facts.error})` : ""}.</p>;
  else if (facts.vulnerabilities.length === 0) body = <p className="text-xs text-slate-600 dark:text-slate-300">No known vulnerabilities in {pkg.version}.</p>;
  else {
    const vulns = facts.vulnerabilities;
    body = (
      <>
        <p className="mb-1.5 text-xs text-slate-600 dark:text-slate-300">The paths that bring it in are listed under “Why is this here?” and highlighted in the graph.</p>
        <ul aria-label="Advisories" className="flex flex-col gap-1.5">
          {vulns.map((v) => (
            <Advisory key={v.id} vuln={v} busy={fix !== null && fix.outcome === null} onFix={() => runFix(v.id, [v])} />
          ))}
        </ul>
        {vulns.length > 1 && (
          <Button size="sm" className="mt-2" disabled={fix !== null && fix.outcome === null} onClick={() => runFix("*", vulns)}>
            Fix all {vulns.length}
          </Button>
        )}
        {fix && (fix.outcome === null ? <p className="mt-2 text-xs text-slate-500">Resolving again with the fixed version…</p> : <FixOutcome outcome={fix.outcome} onApply={applyFix} />)}
      </>
    );
  }
  const count = facts?.vulnerabilities?.length ?? 0;
  return (
    <section aria-label="Vulnerabilities" className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Vulnerabilities{count > 0 && <span className="ml-1.5 font-normal text-red-700 normal-case dark:text-red-300">({count})</span>}
      </h3>
      {body}
    </section>
  );
}
