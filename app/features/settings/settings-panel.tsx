// The settings feature: target environment (Python, platform, architecture), the index to ask, and how to choose versions.
import { useId, type ReactNode } from "react";
import {
  ARCHITECTURES,
  PLATFORMS,
  PRERELEASE_MODES, POLICIES, UNKNOWN_DEPENDENCIES_MODES,
  PYPI_SIMPLE_URL,
  PYTHON_VERSIONS,
  STRATEGIES,
  snapshotIndexUrl,
  useSession,
  type SessionSettings,
} from "../../stores/session";

const PLATFORM_LABELS: Record<SessionSettings["os"], string> = { linux: "Linux", macos: "macOS", windows: "Windows" };
const STRATEGY_LABELS: Record<SessionSettings["resolution"], string> = {
  highest: "Highest versions",
  lowest: "Lowest versions",
  "lowest-direct": "Lowest for direct requirements",
};
const PRERELEASE_LABELS: Record<SessionSettings["prerelease"], string> = {
  "if-necessary-or-explicit": "If necessary or explicit",
  allow: "Allow",
  disallow: "Disallow",
};

const POLICY_LABELS: Record<SessionSettings["policy"], string> = {
  pip: "pip's (default)",
  uv: "uv's",
};

const UNKNOWN_LABELS: Record<SessionSettings["unknownDependencies"], string> = {
  "assume-none": "Assume none (and warn)",
  exclude: "Never choose such releases",
};

const FIELD =
  "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

function Field({ label, children, id, hint }: { label: string; children: (id: string) => ReactNode; id?: string; hint?: string }) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={fieldId} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children(fieldId)}
      {hint && <p className="text-[11px] text-slate-500 dark:text-slate-400">{hint}</p>}
    </div>
  );
}

/** A select over a fixed set of values, each shown by its label; the choice arrives as the value's own type. */
function ChoiceSelect<T extends string>({ id, value, choices, labels, onChange }: { id: string; value: T; choices: readonly T[]; labels?: Record<T, string>; onChange: (value: T) => void }) {
  return (
    <select
      id={id}
      className={FIELD}
      value={value}
      onChange={(e) => {
        const picked = choices.find((c) => c === e.target.value);
        if (picked !== undefined) onChange(picked);
      }}
    >
      {choices.map((c) => (
        <option key={c} value={c}>
          {labels ? labels[c] : c}
        </option>
      ))}
    </select>
  );
}

function Choice({ pressed, onClick, children, title }: { pressed: boolean; onClick: () => void; children: ReactNode; title: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      title={title}
      onClick={onClick}
      className={`h-6 rounded-full px-2.5 text-[11px] font-medium ring-1 transition-colors ring-inset focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-600 ${
        pressed
          ? "bg-teal-700 text-white ring-teal-700 dark:bg-teal-500 dark:text-slate-950 dark:ring-teal-500"
          : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-700"
      }`}
    >
      {children}
    </button>
  );
}

/** `offlineExamples`: what to offer while the offline snapshot is the index (inputs known to resolve there). */
export function SettingsPanel({ offlineExamples }: { offlineExamples?: ReactNode }) {
  const settings = useSession((s) => s.settings);
  const update = useSession((s) => s.updateSettings);
  const snapshot = snapshotIndexUrl();

  return (
    <section aria-labelledby="settings-heading" className="flex flex-col gap-3">
      <h2 id="settings-heading" className="text-[13px] font-semibold tracking-wide text-slate-700 dark:text-slate-200">
        Target and index
      </h2>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Resolve for">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Resolve for</span>
        <Choice pressed={!settings.universal} onClick={() => update({ universal: false })} title="One Python on one platform and CPU, as pip does">
          One target
        </Choice>
        <Choice
          pressed={settings.universal}
          onClick={() => update({ universal: true })}
          title="One answer for Linux, macOS and Windows (x86_64 and ARM) and every Python in the range, as uv lock does"
        >
          All platforms
        </Choice>
      </div>
      {settings.universal ? (
        <Field label="Python versions" hint="Linux, macOS and Windows on x86_64 and ARM; packages needed only somewhere carry a marker. Blank: the project's requires-python, else this Python on.">
          {(id) => (
            <input
              id={id}
              type="text"
              spellCheck={false}
              className={`${FIELD} font-mono text-[12px]`}
              value={settings.universalPython}
              placeholder={`>=${settings.pythonVersion}`}
              onChange={(e) => update({ universalPython: e.target.value })}
            />
          )}
        </Field>
      ) : (
      <div className="grid grid-cols-3 gap-2">
        <Field label="Python version">
          {(id) => (
            <select id={id} className={FIELD} value={settings.pythonVersion} onChange={(e) => update({ pythonVersion: e.target.value })}>
              {(PYTHON_VERSIONS.includes(settings.pythonVersion as (typeof PYTHON_VERSIONS)[number]) ? PYTHON_VERSIONS : [settings.pythonVersion, ...PYTHON_VERSIONS]).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Platform">
          {(id) => (
            <ChoiceSelect id={id} value={settings.os} choices={PLATFORMS} labels={PLATFORM_LABELS} onChange={(os) => update({ os })} />
          )}
        </Field>
        <Field label="Architecture">
          {(id) => (
            <ChoiceSelect id={id} value={settings.arch} choices={ARCHITECTURES} onChange={(arch) => update({ arch })} />
          )}
        </Field>
      </div>
      )}
      <Field label="Index URL">
        {(id) => (
          <div className="flex flex-col gap-1.5">
            <input
              id={id}
              type="url"
              inputMode="url"
              spellCheck={false}
              className={`${FIELD} font-mono text-[12px]`}
              value={settings.indexUrl}
              placeholder="https://pypi.org/simple"
              onChange={(e) => update({ indexUrl: e.target.value })}
            />
            <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Index presets">
              <Choice pressed={settings.indexUrl === PYPI_SIMPLE_URL} onClick={() => update({ indexUrl: PYPI_SIMPLE_URL })} title={PYPI_SIMPLE_URL}>
                pypi.org
              </Choice>
              <Choice pressed={settings.indexUrl === snapshot} onClick={() => update({ indexUrl: snapshot })} title={`${snapshot} — offline, recorded in 2020`}>
                PyPI snapshot (2020)
              </Choice>
            </div>
            {settings.indexUrl === snapshot && offlineExamples && (
              <div role="group" aria-label="Offline examples" className="rounded-lg border border-teal-200 bg-teal-50/60 p-2 dark:border-teal-900 dark:bg-teal-950/30">
                <p className="mb-1.5 text-[11px] text-slate-600 dark:text-slate-300">
                  Offline: PyPI as recorded in late 2020, about 1,000 projects. Newer releases and other projects are not in it. These resolve here:
                </p>
                {offlineExamples}
              </div>
            )}
          </div>
        )}
      </Field>
      <details className="group">
        <summary className="cursor-pointer text-xs font-medium text-slate-600 select-none hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Version choice
          <span className="ml-1.5 font-normal text-slate-500 dark:text-slate-400">
            {STRATEGY_LABELS[settings.resolution].toLowerCase()}, pre-releases {PRERELEASE_LABELS[settings.prerelease].toLowerCase()}
            {settings.policy === "uv" ? ", uv's rules" : ""}
            {settings.excludeNewer ? `, up to ${settings.excludeNewer}` : ""}
          </span>
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-2">
          <Field label="Resolution strategy">
            {(id) => (
              <ChoiceSelect id={id} value={settings.resolution} choices={STRATEGIES} labels={STRATEGY_LABELS} onChange={(resolution) => update({ resolution })} />
            )}
          </Field>
          <Field label="Pre-releases">
            {(id) => (
              <ChoiceSelect id={id} value={settings.prerelease} choices={PRERELEASE_MODES} labels={PRERELEASE_LABELS} onChange={(prerelease) => update({ prerelease })} />
            )}
          </Field>
          <Field
            label="Rules"
            hint="uv's: pre-releases only when your requirement names one or there is nothing else, yanked releases only when you pin them, Requires-Python upper bounds ignored."
          >
            {(id) => (
              <ChoiceSelect id={id} value={settings.policy} choices={POLICIES} labels={POLICY_LABELS} onChange={(policy) => update({ policy })} />
            )}
          </Field>
          <Field label="Unknown dependencies" hint="For releases the index cannot tell the dependencies of (old sdists).">
            {(id) => (
              <ChoiceSelect id={id} value={settings.unknownDependencies} choices={UNKNOWN_DEPENDENCIES_MODES} labels={UNKNOWN_LABELS} onChange={(unknownDependencies) => update({ unknownDependencies })} />
            )}
          </Field>
          <Field label="Exclude newer than" hint="Files uploaded after this day are ignored.">
            {(id) => (
              <div className="flex gap-1">
                <input id={id} type="date" className={FIELD} value={settings.excludeNewer} onChange={(e) => update({ excludeNewer: e.target.value })} />
                {settings.excludeNewer && (
                  <button
                    type="button"
                    className="rounded-md px-1.5 text-xs text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
                    onClick={() => update({ excludeNewer: "" })}
                    aria-label="Clear the exclude-newer date"
                  >
                    ×
                  </button>
                )}
              </div>
            )}
          </Field>
        </div>
      </details>
    </section>
  );
}
