'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { acknowledgeAction, extensionRequestAction, objectionAction, reportAction } from '@/app/portal/actions';
import { Button } from '@/components/ui/button';
import { Field, Input, inputClass } from '@/components/ui/field';

type Errors = Record<string, string>;
type Result = { ok: true } | { ok: false; message: string; fieldErrors: Errors };

/** Uploads the chosen files one by one (the same checks as staff uploads), answering their SHA-256s. */
async function uploadAll(files: File[], failed: (name: string, message: string) => string): Promise<{ shas: string[]; error?: string }> {
  const shas: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.set('file', file, file.name);
    const res = await fetch('/api/portal/v1/evidence', { method: 'POST', body: form });
    const body = (await res.json().catch(() => null)) as { sha256?: string; error?: { message?: string } } | null;
    if (!res.ok || !body?.sha256) return { shas, error: failed(file.name, body?.error?.message ?? String(res.status)) };
    shas.push(body.sha256);
  }
  return { shas };
}

function useSubmit() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const run = (fn: () => Promise<Result | { ok: false; error: string }>) =>
    start(async () => {
      const result = await fn();
      if (result.ok) {
        setErrors({});
        setDone(true);
        router.refresh();
      } else if ('error' in result) {
        setErrors({ _: result.error });
      } else {
        setErrors(Object.keys(result.fieldErrors).length ? result.fieldErrors : { _: result.message });
      }
    });
  return { pending, errors, done, run };
}

function FormError({ errors }: { errors: Errors }) {
  const rest = Object.entries(errors).filter(([k]) => !['version', 'description', 'until', 'reason', 'findingId', 'evidence'].includes(k));
  return rest.length ? <p role="alert" className="text-sm font-medium text-accent">{rest.map(([, v]) => v).join(' ')}</p> : null;
}

export function AcknowledgeButton({ caseId }: { caseId: number }) {
  const t = useTranslations('portal.case');
  const { pending, errors, run } = useSubmit();
  return (
    <div className="space-y-2">
      <Button type="button" disabled={pending} onClick={() => run(() => acknowledgeAction(caseId))}>{t('acknowledge')}</Button>
      <FormError errors={errors} />
    </div>
  );
}

function FilesField({ id, error }: { id: string; error?: string }) {
  const t = useTranslations('portal.case');
  return (
    <Field id={id} label={t('files')} error={error} hint={t('filesHint')}>
      <input id={id} name="files" type="file" multiple accept="image/*,application/pdf,video/*,.pcap,.har,.zip" className={inputClass} aria-describedby={error ? `${id}-error` : `${id}-hint`} />
    </Field>
  );
}

const filesOf = (form: HTMLFormElement) => (form.elements.namedItem('files') as HTMLInputElement | null)?.files;

export function ReportForm({ caseId }: { caseId: number }) {
  const t = useTranslations('portal.case');
  const { pending, errors, run } = useSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const files = [...(filesOf(form) ?? [])];
    run(async () => {
      const uploaded = await uploadAll(files, (name, message) => t('uploadFailed', { name, message }));
      if (uploaded.error) return { ok: false, error: uploaded.error };
      return reportAction(caseId, { version: data.get('version'), description: data.get('description'), evidence: uploaded.shas });
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('reportTitle')}>
      <Field id="report-version" label={t('version')} error={errors.version}>
        <Input id="report-version" name="version" autoComplete="off" error={errors.version} />
      </Field>
      <Field id="report-description" label={t('description')} error={errors.description}>
        <textarea id="report-description" name="description" rows={4} className={inputClass} aria-invalid={errors.description ? true : undefined} aria-describedby={errors.description ? 'report-description-error' : undefined} />
      </Field>
      <FilesField id="report-files" error={errors.evidence} />
      <FormError errors={errors} />
      <Button type="submit" disabled={pending}>{t('reportSubmit')}</Button>
    </form>
  );
}

export function ExtensionForm({ caseId, min }: { caseId: number; min: string }) {
  const t = useTranslations('portal.case');
  const { pending, errors, run } = useSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(() => extensionRequestAction(caseId, { until: data.get('until'), reason: data.get('reason') }));
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('extensionTitle')}>
      <Field id="extension-until" label={t('until')} error={errors.until}>
        <Input id="extension-until" name="until" type="date" min={min} error={errors.until} />
      </Field>
      <Field id="extension-reason" label={t('reason')} error={errors.reason}>
        <textarea id="extension-reason" name="reason" rows={3} className={inputClass} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? 'extension-reason-error' : undefined} />
      </Field>
      <FormError errors={errors} />
      <Button type="submit" variant="secondary" disabled={pending}>{t('extensionSubmit')}</Button>
    </form>
  );
}

export function ObjectionForm({ caseId, findings }: { caseId: number; findings: { id: number; label: string }[] }) {
  const t = useTranslations('portal.case');
  const { pending, errors, run } = useSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const files = [...(filesOf(form) ?? [])];
    run(async () => {
      const uploaded = await uploadAll(files, (name, message) => t('uploadFailed', { name, message }));
      if (uploaded.error) return { ok: false, error: uploaded.error };
      return objectionAction(caseId, { findingId: Number(data.get('findingId')), reason: data.get('reason'), evidence: uploaded.shas });
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('objectionTitle')}>
      <Field id="objection-finding" label={t('finding')} error={errors.findingId}>
        <select id="objection-finding" name="findingId" className={inputClass} aria-invalid={errors.findingId ? true : undefined}>
          {findings.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
      </Field>
      <Field id="objection-reason" label={t('reason')} error={errors.reason}>
        <textarea id="objection-reason" name="reason" rows={3} className={inputClass} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? 'objection-reason-error' : undefined} />
      </Field>
      <FilesField id="objection-files" error={errors.evidence} />
      <FormError errors={errors} />
      <Button type="submit" variant="secondary" disabled={pending}>{t('objectionSubmit')}</Button>
    </form>
  );
}
