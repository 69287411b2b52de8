import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export const inputClass =
  'block w-full rounded border border-line bg-white px-3 py-2 text-sm text-ink placeholder:text-muted focus:border-brand-600 aria-[invalid=true]:border-accent';

/** A labelled form field whose error is announced and tied to the control. */
export function Field({ id, label, error, hint, children }: { id: string; label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && !error ? <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-accent">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, error, id, ...props }: InputHTMLAttributes<HTMLInputElement> & { error?: string; id: string }) {
  return (
    <input
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      className={cn(inputClass, className)}
      {...props}
    />
  );
}
