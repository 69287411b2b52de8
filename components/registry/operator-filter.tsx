'use client';

import { useState } from 'react';
import { filterLabelClass } from '@/components/ui/filter-form';
import { OperatorPicker } from './pickers';

/** A list filter's operator: searched as you type, submitted by the form as `operator=<id>`. */
export function OperatorFilter({ id, label, initial, className }: { id: string; label: string; initial: { id: number; label: string } | null; className?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <div className={className}>
      <label htmlFor={id} className={filterLabelClass}>{label}</label>
      <OperatorPicker id={id} name="operator" value={value} onChange={setValue} />
    </div>
  );
}
