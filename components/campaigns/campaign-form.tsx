'use client';

import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { createCampaign, updateCampaign } from '@/lib/campaigns/actions';
import { CAMPAIGN_NEXT, type CampaignStatus } from '@/lib/campaigns/schemas';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, inputClass } from '@/components/ui/field';

export interface CampaignFormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  sectors: string[];
  status?: CampaignStatus;
}

/** Create (no `status`) or edit (`status` set: the code is fixed, the status moves forward only). */
export function CampaignForm({ initial, sectors }: { initial: CampaignFormValues; sectors: { value: string; label: string }[] }) {
  const t = useTranslations('campaigns');
  const editing = initial.status !== undefined;
  const { state, pending, form } = useActionForm(editing ? updateCampaign : createCampaign, null);
  const e = state && !state.ok ? state.fieldErrors : {};
  const sectorError = e.sectors ?? Object.entries(e).find(([k]) => k.startsWith('sectors.'))?.[1];
  return (
    <form {...form} className="space-y-4">
      {state && !state.ok ? <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">{Object.keys(e).length ? t('fixErrors') : state.message}</p> : null}
      {editing ? <input type="hidden" name="ref" value={initial.code} /> : null}
      <Field id="code" label={t('code')} error={e.code} hint={t('codeHint')}>
        <Input id="code" name="code" defaultValue={initial.code} error={e.code} className="font-mono" maxLength={64} required readOnly={editing} autoComplete="off" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="nameZh" label={t('nameZh')} error={e.nameZh}>
          <Input id="nameZh" name="nameZh" lang="zh-CN" defaultValue={initial.nameZh} error={e.nameZh} maxLength={200} required />
        </Field>
        <Field id="nameEn" label={t('nameEn')} error={e.nameEn}>
          <Input id="nameEn" name="nameEn" lang="en" defaultValue={initial.nameEn} error={e.nameEn} maxLength={200} required />
        </Field>
        <Field id="startsOn" label={t('startsOn')} error={e.startsOn}>
          <Input id="startsOn" name="startsOn" type="date" defaultValue={initial.startsOn} error={e.startsOn} required />
        </Field>
        <Field id="endsOn" label={t('endsOn')} error={e.endsOn}>
          <Input id="endsOn" name="endsOn" type="date" defaultValue={initial.endsOn} error={e.endsOn} required />
        </Field>
      </div>
      <fieldset className="space-y-2" aria-describedby={sectorError ? 'sectors-error' : 'sectors-hint'}>
        <legend className="text-sm font-medium text-ink">{t('sectors')}</legend>
        <p id="sectors-hint" className="text-xs text-muted">{t('sectorsHint')}</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {sectors.map((s) => (
            <label key={s.value} className="flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" name="sectors" value={s.value} defaultChecked={initial.sectors.includes(s.value)} className="h-4 w-4" />
              {s.label}
            </label>
          ))}
        </div>
        {sectorError ? <p id="sectors-error" role="alert" className="text-xs font-medium text-accent">{sectorError}</p> : null}
      </fieldset>
      {editing ? (
        <Field id="status" label={t('status')} error={e.status} hint={t('statusHint')}>
          <select id="status" name="status" defaultValue={initial.status} className={inputClass}>
            {[initial.status!, ...CAMPAIGN_NEXT[initial.status!]].map((s) => <option key={s} value={s}>{t(`statusValue.${s}`)}</option>)}
          </select>
        </Field>
      ) : (
        <Field id="status" label={t('status')} error={e.status}>
          <select id="status" name="status" defaultValue="" className={inputClass}>
            <option value="">{t('statusAuto')}</option>
            <option value="planned">{t('statusValue.planned')}</option>
            <option value="active">{t('statusValue.active')}</option>
          </select>
        </Field>
      )}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t('saving') : t('save')}</Button>
        <Link href={editing ? `/campaigns/${encodeURIComponent(initial.code)}` : '/campaigns'} className="inline-flex items-center px-3 text-sm text-muted underline">{t('cancel')}</Link>
      </div>
    </form>
  );
}
