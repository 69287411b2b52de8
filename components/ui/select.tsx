import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';
import { inputClass } from './field';

/** A native select (keyboard and screen-reader friendly), styled like the inputs. */
export function Select({ className, error, id, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { error?: string; id: string }) {
  return (
    <select
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      className={cn(inputClass, 'pr-8', className)}
      {...props}
    />
  );
}
