'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { inspectionMethodEnum, severityEnum } from '@/db/schema/enums';
import { createInspection } from '@/lib/inspections/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { EvidenceInput, type UploadedFile } from './evidence-input';
import { Select, TextArea } from './form-controls';
import { SubjectPicker } from './pickers';

interface Category { code: string; label: string; legalBasis: string }
interface FindingState { key: number; category: string; severity: string; description: string; legalBasis: string; files: UploadedFile[] }

type Refusal = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

let nextKey = 1;
const blankFinding = (): FindingState => ({ key: nextKey++, category: '', severity: 'medium', description: '', legalBasis: '', files: [] });

export function InspectionForm({ categories, campaigns, initialSubject, today }: { categories: Category[]; campaigns: { id: number; label: string }[]; initialSubject: { id: number; label: string } | null; today: string }) {
  const t = useTranslations('registry.inspection');
  const tr = useTranslations('registry');
  const tc = useTranslations();
  const [subject, setSubject] = useState(initialSubject);
  const [findings, setFindings] = useState<FindingState[]>(() => [blankFinding()]);
  // The findings live in React state; the hook sends the rest of the form, and nothing is lost on a refusal.
  const { pending, errors: fieldErrors, formMessage, form } = useActionForm<Refusal>(async (data) => {
    const waiting = findings.findIndex((f) => f.files.some((x) => x.status === 'uploading'));
    if (waiting >= 0) return { ok: false, message: '', fieldErrors: { [`findings.${waiting}.evidence`]: t('uploading') } };
    return createInspection({
      subjectId: subject?.id ?? '',
      version: String(data.get('version') ?? ''),
      inspectedOn: String(data.get('inspectedOn') ?? ''),
      method: String(data.get('method') ?? ''),
      campaignId: data.get('campaignId') ? Number(data.get('campaignId')) : null,
      notes: String(data.get('notes') ?? ''),
      findings: findings.map((f) => ({
        category: f.category, severity: f.severity, description: f.description, legalBasis: f.legalBasis,
        evidence: f.files.filter((x) => x.status === 'stored').map((x) => x.sha256!),
      })),
    });
  }, null);
  // A refusal without fields (403, a conflict) shows its message in the alert.
  const errors: Record<string, string> = formMessage ? { ...fieldErrors, _: formMessage } : fieldErrors;
  const update = (key: number, patch: Partial<FindingState> | ((f: FindingState) => Partial<FindingState>)) =>
    setFindings((all) => all.map((f) => (f.key === key ? { ...f, ...(typeof patch === 'function' ? patch(f) : patch) } : f)));

  return (
    <form {...form} className="space-y-5">
      {Object.keys(errors).length ? <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">{errors._ ?? tr('common.fixErrors')}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <Field id="subjectId" label={t('subject')} error={errors.subjectId}>
            <SubjectPicker id="subjectId" value={subject} onChange={setSubject} error={errors.subjectId} />
          </Field>
        </div>
        <Field id="version" label={t('version')} error={errors.version}><Input id="version" name="version" error={errors.version} required /></Field>
        <Field id="inspectedOn" label={t('inspectedOn')} error={errors.inspectedOn}><Input id="inspectedOn" name="inspectedOn" type="date" defaultValue={today} max={today} error={errors.inspectedOn} required /></Field>
        <Field id="method" label={t('method')} error={errors.method}>
          <Select id="method" name="method" defaultValue="technical_test" error={errors.method}>
            {inspectionMethodEnum.enumValues.map((m) => <option key={m} value={m}>{tc(`method.${m}`)}</option>)}
          </Select>
        </Field>
        <Field id="campaignId" label={t('campaign')} error={errors.campaignId}>
          <Select id="campaignId" name="campaignId" defaultValue="" error={errors.campaignId}>
            <option value="">{t('noCampaign')}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </Select>
        </Field>
        <div className="md:col-span-2"><Field id="notes" label={t('notes')} error={errors.notes}><TextArea id="notes" name="notes" rows={2} error={errors.notes} /></Field></div>
      </div>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">{t('findings')}</legend>
        {errors.findings ? <p role="alert" className="text-xs font-medium text-accent">{errors.findings}</p> : null}
        {findings.map((f, i) => {
          const err = (name: string) => errors[`findings.${i}.${name}`] ?? (name === 'evidence' ? Object.entries(errors).find(([k]) => k.startsWith(`findings.${i}.evidence.`))?.[1] : undefined);
          const id = (name: string) => `finding-${f.key}-${name}`;
          return (
            <section key={f.key} aria-label={t('findingN', { n: i + 1 })} className="rounded border border-line bg-canvas/50 p-4" data-testid="finding">
              <div className="mb-3 flex items-center justify-between">
                <h3 className="text-sm font-semibold">{t('findingN', { n: i + 1 })}</h3>
                {findings.length > 1 ? <button type="button" className="text-xs text-accent underline" onClick={() => setFindings((all) => all.filter((x) => x.key !== f.key))}>{t('removeFinding', { n: i + 1 })}</button> : null}
              </div>
              <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
                <Field id={id('category')} label={t('category')} error={err('category')}>
                  <Select
                    id={id('category')}
                    value={f.category}
                    error={err('category')}
                    onChange={(e) => {
                      const category = e.target.value;
                      const basis = categories.find((c) => c.code === category)?.legalBasis ?? '';
                      update(f.key, (old) => ({ category, legalBasis: !old.legalBasis || categories.some((c) => c.legalBasis === old.legalBasis) ? basis : old.legalBasis }));
                    }}
                  >
                    <option value="">{t('chooseCategory')}</option>
                    {categories.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
                  </Select>
                </Field>
                <Field id={id('severity')} label={t('severity')} error={err('severity')}>
                  <Select id={id('severity')} value={f.severity} error={err('severity')} onChange={(e) => update(f.key, { severity: e.target.value })}>
                    {severityEnum.enumValues.map((s) => <option key={s} value={s}>{tc(`severity.${s}`)}</option>)}
                  </Select>
                </Field>
                <div className="md:col-span-2">
                  <Field id={id('description')} label={t('description')} error={err('description')}>
                    <TextArea id={id('description')} rows={2} value={f.description} error={err('description')} onChange={(e) => update(f.key, { description: e.target.value })} />
                  </Field>
                </div>
                <div className="md:col-span-2">
                  <Field id={id('legalBasis')} label={t('legalBasis')} error={err('legalBasis')}>
                    <TextArea id={id('legalBasis')} rows={2} value={f.legalBasis} error={err('legalBasis')} onChange={(e) => update(f.key, { legalBasis: e.target.value })} />
                  </Field>
                </div>
                <div className="md:col-span-2">
                  <EvidenceInput id={id('evidence')} files={f.files} error={err('evidence')} onChange={(fn) => update(f.key, (old) => ({ files: fn(old.files) }))} />
                </div>
              </div>
            </section>
          );
        })}
        <Button type="button" variant="secondary" onClick={() => setFindings((all) => [...all, blankFinding()])}>+ {t('addFinding')}</Button>
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? tr('common.saving') : t('submit')}</Button>
    </form>
  );
}
