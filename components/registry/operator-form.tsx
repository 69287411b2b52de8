'use client';

import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { saveOperator } from '@/lib/registry/actions';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { RegionPicker, type RegionOption } from '@/components/regions/region-picker';

export function OperatorForm({ initial, regions }: {
  initial: { id?: number; name: string; uscc: string; regionUnmatched?: string | null; contact: string };
  /** The region picker's provinces and the operator's division with its ancestors. */
  regions: { provinces: RegionOption[]; lineage: RegionOption[] };
}) {
  const t = useTranslations('registry');
  const tr = useTranslations('regions');
  const f = useActionForm(saveOperator, null);
  const { errors: e, pending } = f;
  return (
    <form {...f.form} className="space-y-4">
      <FormAlert refused={f.refused} fieldCount={Object.keys(e).length} fixText={t('common.fixErrors')} message={f.formMessage} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <Field id="name" label={t('operators.name')} error={e.name}>
        <Input id="name" name="name" defaultValue={initial.name} error={e.name} required />
      </Field>
      <Field id="uscc" label={t('operators.uscc')} error={e.uscc} hint={t('operators.usccHint')}>
        <Input id="uscc" name="uscc" defaultValue={initial.uscc} error={e.uscc} className="font-mono uppercase" maxLength={30} required autoComplete="off" />
      </Field>
      <RegionPicker id="region" name="region" label={t('operators.region')} provinces={regions.provinces} lineage={regions.lineage} error={e.region} required />
      {initial.regionUnmatched ? <p className="text-xs text-accent">{tr('unmatchedHint')} ({initial.regionUnmatched})</p> : null}
      <Field id="contact" label={t('operators.contact')} error={e.contact}>
        <Input id="contact" name="contact" defaultValue={initial.contact} error={e.contact} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t('common.saving') : t('common.save')}</Button>
        <Link href={initial.id ? `/operators/${initial.id}` : '/operators'} className="inline-flex items-center px-3 text-sm text-muted underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
