// The theme switch in the header: system, light or dark, as a three-way radio group (one tab stop; arrow keys move the choice).
import { useTheme, type ThemePreference } from "../stores/theme";
import { MonitorIcon, MoonIcon, SunIcon } from "./icons";

const OPTIONS: { value: ThemePreference; label: string; icon: typeof SunIcon }[] = [
  { value: "system", label: "System theme", icon: MonitorIcon },
  { value: "light", label: "Light theme", icon: SunIcon },
  { value: "dark", label: "Dark theme", icon: MoonIcon },
];

export function ThemeToggle() {
  const preference = useTheme((s) => s.preference);
  const setPreference = useTheme((s) => s.setPreference);
  const move = (from: ThemePreference, step: number, group: HTMLElement | null) => {
    const index = (OPTIONS.findIndex((o) => o.value === from) + step + OPTIONS.length) % OPTIONS.length;
    setPreference(OPTIONS[index].value);
    group?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[index]?.focus();
  };
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      className="flex rounded-lg border border-slate-200 p-0.5 dark:border-slate-700"
      onKeyDown={(e) => {
        const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
        if (step === 0) return;
        e.preventDefault();
        move(preference, step, e.currentTarget);
      }}
    >
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={preference === value}
          tabIndex={preference === value ? 0 : -1}
          aria-label={label}
          title={label}
          onClick={() => setPreference(value)}
          className={`rounded-md p-1.5 transition-colors focus-visible:outline-2 focus-visible:outline-teal-600 ${
            preference === value ? "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-white" : "text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
          }`}
        >
          <Icon className="h-4 w-4" />
        </button>
      ))}
    </div>
  );
}
