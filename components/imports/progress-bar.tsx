import { useId } from 'react';

/** A real, labelled <progress> with its percentage in words next to it. `value` null = indeterminate. */
export function ProgressBar({ label, value, detail, testId }: { label: string; value: number | null; detail?: string; testId?: string }) {
  const id = useId();
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <label htmlFor={id} className="font-medium text-ink">{label}</label>
        <span className="tabular-nums text-muted" aria-hidden="true">{percent === null ? '' : `${percent}%`}{detail ? ` · ${detail}` : ''}</span>
      </div>
      <progress
        id={id}
        data-testid={testId}
        max={100}
        {...(percent === null ? {} : { value: percent })}
        aria-valuetext={percent === null ? detail : `${percent}%${detail ? `, ${detail}` : ''}`}
        className="h-2.5 w-full overflow-hidden rounded bg-canvas [&::-moz-progress-bar]:bg-brand [&::-webkit-progress-bar]:bg-canvas [&::-webkit-progress-value]:bg-brand"
      />
    </div>
  );
}
