'use client';

import { useState } from 'react';
import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { saveSubject } from '@/lib/registry/actions';
import { IDENTIFIER_TYPES } from '@/lib/domain/identifiers';
import { KINDS, platformsFor, STORE_ROWS } from '@/lib/registry/schemas';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Select } from './form-controls';
import { OperatorPicker } from './pickers';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';

export interface SubjectFormValues {
  id?: number;
  kind: (typeof KINDS)[number];
  platform: string;
  name: string;
  sector: string;
  operator: { id: number; label: string } | null;
  identifiers: Partial<Record<(typeof IDENTIFIER_TYPES)[number], string>>;
  storeListings: { store: string; versionSeen: string }[];
}

export function SubjectForm({ initial, sectors }: { initial: SubjectFormValues; sectors: { code: string; label: string }[] }) {
  const t = useTranslations('registry');
  const tc = useTranslations();
  const f = useActionForm(saveSubject, null);
  const { errors: e, pending } = f;
  const [kind, setKind] = useState(initial.kind);
  const [operator, setOperator] = useState(initial.operator);
  const platforms = platformsFor(kind);

  return (
    <form {...f.form} className="space-y-5">
      <FormAlert refused={f.refused} fieldCount={Object.keys(e).length} fixText={t('common.fixErrors')} message={f.formMessage} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="name" label={t('subjects.name')} error={e.name} hint={initial.id ? t('subjectForm.renameHint') : undefined}>
          <Input id="name" name="name" defaultValue={initial.name} error={e.name} required />
        </Field>
        <Field id="operatorId" label={t('subjects.operator')} error={e.operatorId} hint={<>{t('subjectForm.operatorHint')} <Link href="/operators/new" className="underline">{t('subjectForm.newOperator')}</Link></>}>
          <OperatorPicker id="operatorId" name="operatorId" value={operator} onChange={setOperator} error={e.operatorId} describedBy="operatorId-hint" />
        </Field>
        <Field id="kind" label={t('subjects.kind')} error={e.kind}>
          <Select id="kind" name="kind" value={kind} onChange={(ev) => setKind(ev.target.value as typeof kind)} error={e.kind}>
            {KINDS.map((k) => <option key={k} value={k}>{tc(`subjectKind.${k}`)}</option>)}
          </Select>
        </Field>
        <Field id="platform" label={t('subjects.platform')} error={e.platform}>
          <Select key={kind} id="platform" name="platform" defaultValue={platforms.includes(initial.platform as never) ? initial.platform : platforms[0]} error={e.platform}>
            {platforms.map((p) => <option key={p} value={p}>{tc(`platform.${p}`)}</option>)}
          </Select>
        </Field>
        <Field id="sector" label={t('subjects.sector')} error={e.sector}>
          <Select id="sector" name="sector" defaultValue={initial.sector} error={e.sector} required>
            <option value="">{t('subjectForm.chooseSector')}</option>
            {sectors.map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
          </Select>
        </Field>
      </div>
      <fieldset className="rounded border border-line p-4">
        <legend className="px-1 text-sm font-semibold">{t('subject.identifiers')}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {IDENTIFIER_TYPES.map((type) => {
            const id = `identifier.${type}`;
            return (
              <Field key={type} id={id} label={t(`identifierType.${type}`)} error={e[id]}>
                <Input id={id} name={id} defaultValue={initial.identifiers[type] ?? ''} error={e[id]} className="font-mono" />
              </Field>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="rounded border border-line p-4">
        <legend className="px-1 text-sm font-semibold">{t('subjectForm.stores')}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {Array.from({ length: STORE_ROWS }, (_, n) => (
            <div key={n} className="contents">
              <Field id={`store.${n}`} label={t('subjectForm.storeN', { n: n + 1 })} error={e[`storeListings.${n}.store`]}>
                <Input id={`store.${n}`} name={`store.${n}`} defaultValue={initial.storeListings[n]?.store ?? ''} />
              </Field>
              <Field id={`version.${n}`} label={t('subjectForm.versionN', { n: n + 1 })} error={e[`storeListings.${n}.versionSeen`]}>
                <Input id={`version.${n}`} name={`version.${n}`} defaultValue={initial.storeListings[n]?.versionSeen ?? ''} />
              </Field>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t('common.saving') : t('common.save')}</Button>
        <Link href={initial.id ? `/subjects/${initial.id}` : '/subjects'} className="inline-flex items-center px-3 text-sm text-muted underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
