'use client';

import { useTranslations } from 'next-intl';
import { createCategory, createTaxonomyEntry, updateCategory, updateTaxonomyEntry } from '@/lib/taxonomy/actions';
import type { TaxonomyEntry, TaxonomyKind } from '@/lib/taxonomy/schemas';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, inputClass } from '@/components/ui/field';

/** Adds an entry (no `entry`) or relabels one; categories carry their legal basis in both languages. */
/** The action for this kind of entry: categories carry their legal basis (their own schemas). */
function entryAction(kind: TaxonomyKind, editing: boolean) {
  if (kind === 'categories') return editing ? updateCategory : createCategory;
  return editing ? updateTaxonomyEntry : createTaxonomyEntry;
}

export function TaxonomyEntryForm({ kind, entry }: { kind: TaxonomyKind; entry?: TaxonomyEntry }) {
  const t = useTranslations('taxonomies');
  const { state, pending, form } = useActionForm(entryAction(kind, !!entry), null);
  const e = state && !state.ok ? state.fieldErrors : {};
  const id = (name: string) => `${kind}-${entry?.code ?? 'new'}-${name}`;
  return (
    <form {...form} className="grid gap-3 sm:grid-cols-2" aria-label={entry ? t('editEntry', { code: entry.code }) : t(`add.${kind}`)}>
      <input type="hidden" name="kind" value={kind} />
      {entry ? <input type="hidden" name="original" value={entry.code} /> : (
        <Field id={id('code')} label={t('code')} error={e.code} hint={t('codeHint')}>
          <Input id={id('code')} name="code" error={e.code} className="font-mono" maxLength={64} autoComplete="off" />
        </Field>
      )}
      <Field id={id('labelZh')} label={t('labelZh')} error={e.labelZh}>
        <Input id={id('labelZh')} name="labelZh" lang="zh-CN" defaultValue={entry?.labelZh} error={e.labelZh} maxLength={200} />
      </Field>
      <Field id={id('labelEn')} label={t('labelEn')} error={e.labelEn}>
        <Input id={id('labelEn')} name="labelEn" lang="en" defaultValue={entry?.labelEn} error={e.labelEn} maxLength={200} />
      </Field>
      {kind === 'categories' ? (
        <>
          <Field id={id('legalBasisZh')} label={t('legalBasisZh')} error={e.legalBasisZh}>
            <textarea id={id('legalBasisZh')} name="legalBasisZh" lang="zh-CN" rows={2} defaultValue={entry?.legalBasisZh} aria-invalid={e.legalBasisZh ? true : undefined} className={inputClass} />
          </Field>
          <Field id={id('legalBasisEn')} label={t('legalBasisEn')} error={e.legalBasisEn}>
            <textarea id={id('legalBasisEn')} name="legalBasisEn" lang="en" rows={2} defaultValue={entry?.legalBasisEn} aria-invalid={e.legalBasisEn ? true : undefined} className={inputClass} />
          </Field>
        </>
      ) : null}
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? t('saving') : entry ? t('save') : t(`add.${kind}`)}</Button>
        {state?.ok ? <span role="status" className="text-sm text-ok">{t('saved')}</span> : null}
        {state && !state.ok && !Object.keys(e).length ? <span role="alert" className="text-sm text-accent">{state.message}</span> : null}
      </div>
    </form>
  );
}

/** Retires (hidden from new input, kept on every record) or brings back an entry. */
export function RetireButton({ kind, entry }: { kind: TaxonomyKind; entry: TaxonomyEntry }) {
  const t = useTranslations('taxonomies');
  const { state, pending, form } = useActionForm(entryAction(kind, true), null);
  return (
    <form {...form} className="inline">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="original" value={entry.code} />
      <input type="hidden" name="retired" value={entry.retired ? 'false' : 'true'} />
      <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={pending} aria-label={`${entry.retired ? t('restore') : t('retire')} ${entry.code}`}>
        {entry.retired ? t('restore') : t('retire')}
      </Button>
      {state && !state.ok ? <span role="alert" className="ml-2 text-xs text-accent">{state.message}</span> : null}
    </form>
  );
}
