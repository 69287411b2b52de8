'use client';

import { useState } from 'react';
import { OperatorPicker } from './pickers';

/** A list filter's operator: searched as you type, submitted by the form as `operator=<id>`. */
export function OperatorFilter({ id, label, initial, labelClassName, className }: { id: string; label: string; initial: { id: number; label: string } | null; labelClassName?: string; className?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName ?? 'mb-1 block text-sm font-medium text-ink'}>{label}</label>
      <OperatorPicker id={id} name="operator" value={value} onChange={setValue} />
    </div>
  );
}
