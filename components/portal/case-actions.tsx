'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { acknowledgeOrder, objectToFinding, reportFix, requestExtension } from '@/lib/portal/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, inputClass } from '@/components/ui/field';

type Errors = Record<string, string>;
type Result = { ok: true } | { ok: false; message: string; fieldErrors: Errors };

/**
 * The one way a portal form sends files: uploads the form's chosen files one by one (the same checks
 * as staff uploads), then submits with their SHA-256s. A failed upload is the `evidence` field's
 * error, and nothing is submitted.
 */
async function withEvidence(data: FormData, failed: (name: string, message: string) => string, submit: (evidence: string[]) => Promise<Result>): Promise<Result> {
  const shas: string[] = [];
  for (const file of data.getAll('files')) {
    if (!(file instanceof File) || (!file.size && !file.name)) continue; // an empty file input
    const form = new FormData();
    form.set('file', file, file.name);
    const res = await fetch('/api/portal/v1/evidence', { method: 'POST', body: form });
    const body = (await res.json().catch(() => null)) as { sha256?: string; error?: { message?: string } } | null;
    if (!res.ok || !body?.sha256) {
      const message = failed(file.name, body?.error?.message ?? String(res.status));
      return { ok: false, message, fieldErrors: { evidence: message } };
    }
    shas.push(body.sha256);
  }
  return submit(shas);
}

/** A portal form on the shared form hook: nothing typed is lost on a refusal; the page refreshes once it is done. */
function usePortalForm(send: (data: FormData) => Promise<Result>) {
  const router = useRouter();
  return useActionForm<Result>((data) => send(data), null, { resetOnSuccess: true, onSuccess: () => router.refresh() });
}

/** The refusal no field shows: a conflict, a state that moved on, a field this form has no control for. */
function FormError({ errors, shown, message }: { errors: Errors; shown: string[]; message: string }) {
  const rest = Object.entries(errors).filter(([k]) => !shown.includes(k)).map(([, v]) => v);
  const text = [message, ...rest].filter(Boolean).join(' ');
  return text ? <p role="alert" className="text-sm font-medium text-accent">{text}</p> : null;
}

export function AcknowledgeButton({ caseId }: { caseId: number }) {
  const t = useTranslations('portal.case');
  const f = usePortalForm(() => acknowledgeOrder({ caseId }));
  return (
    <form {...f.form} className="space-y-2" aria-label={t('acknowledge')}>
      <Button type="submit" disabled={f.pending}>{t('acknowledge')}</Button>
      <FormError errors={f.errors} shown={[]} message={f.formMessage} />
    </form>
  );
}

function FilesField({ id, error }: { id: string; error?: string }) {
  const t = useTranslations('portal.case');
  return (
    <Field id={id} label={t('files')} error={error} hint={t('filesHint')}>
      <input id={id} name="files" type="file" multiple accept="image/*,application/pdf,video/*,.pcap,.har,.zip" className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-hint`} />
    </Field>
  );
}

function TextArea({ id, name, rows, error }: { id: string; name: string; rows: number; error?: string }) {
  return <textarea id={id} name={name} rows={rows} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />;
}

export function ReportForm({ caseId }: { caseId: number }) {
  const t = useTranslations('portal.case');
  const f = usePortalForm((data) =>
    withEvidence(data, (name, message) => t('uploadFailed', { name, message }), (evidence) =>
      reportFix({ caseId, version: data.get('version'), description: data.get('description'), evidence })),
  );
  return (
    <form {...f.form} className="space-y-3" aria-label={t('reportTitle')}>
      <Field id="report-version" label={t('version')} error={f.errors.version}>
        <Input id="report-version" name="version" autoComplete="off" error={f.errors.version} />
      </Field>
      <Field id="report-description" label={t('description')} error={f.errors.description}>
        <TextArea id="report-description" name="description" rows={4} error={f.errors.description} />
      </Field>
      <FilesField id="report-files" error={f.errors.evidence} />
      <FormError errors={f.errors} shown={['version', 'description', 'evidence']} message={f.formMessage} />
      <Button type="submit" disabled={f.pending}>{t('reportSubmit')}</Button>
    </form>
  );
}

export function ExtensionForm({ caseId, min }: { caseId: number; min: string }) {
  const t = useTranslations('portal.case');
  const f = usePortalForm((data) => requestExtension({ caseId, until: data.get('until'), reason: data.get('reason') }));
  return (
    <form {...f.form} className="space-y-3" aria-label={t('extensionTitle')}>
      <Field id="extension-until" label={t('until')} error={f.errors.until}>
        <Input id="extension-until" name="until" type="date" min={min} error={f.errors.until} />
      </Field>
      <Field id="extension-reason" label={t('reason')} error={f.errors.reason}>
        <TextArea id="extension-reason" name="reason" rows={3} error={f.errors.reason} />
      </Field>
      <FormError errors={f.errors} shown={['until', 'reason']} message={f.formMessage} />
      <Button type="submit" variant="secondary" disabled={f.pending}>{t('extensionSubmit')}</Button>
    </form>
  );
}

export function ObjectionForm({ caseId, findings }: { caseId: number; findings: { id: number; label: string }[] }) {
  const t = useTranslations('portal.case');
  const f = usePortalForm((data) =>
    withEvidence(data, (name, message) => t('uploadFailed', { name, message }), (evidence) =>
      objectToFinding({ caseId, findingId: Number(data.get('findingId')), reason: data.get('reason'), evidence })),
  );
  return (
    <form {...f.form} className="space-y-3" aria-label={t('objectionTitle')}>
      <Field id="objection-finding" label={t('finding')} error={f.errors.findingId}>
        <select id="objection-finding" name="findingId" className={inputClass} aria-invalid={f.errors.findingId ? true : undefined} aria-describedby={f.errors.findingId ? 'objection-finding-error' : undefined}>
          {findings.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
        </select>
      </Field>
      <Field id="objection-reason" label={t('reason')} error={f.errors.reason}>
        <TextArea id="objection-reason" name="reason" rows={3} error={f.errors.reason} />
      </Field>
      <FilesField id="objection-files" error={f.errors.evidence} />
      <FormError errors={f.errors} shown={['findingId', 'reason', 'evidence']} message={f.formMessage} />
      <Button type="submit" variant="secondary" disabled={f.pending}>{t('objectionSubmit')}</Button>
    </form>
  );
}
