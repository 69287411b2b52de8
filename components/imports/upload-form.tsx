'use client';

import { useCallback, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRefusalText } from '@/components/forms/use-refusal-text';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { JobLive } from './job-live';
import { ProgressBar } from './progress-bar';
import type { ImportJobDetail, ImportJob } from './types';
import { uploadImport } from './xhr-upload';

/**
 * Choose a .csv/.ndjson file, upload it (dry run by default) with a real upload progress bar, then
 * follow the job to its report. After a clean dry run, "run it for real" sends the same File again.
 */
export function UploadForm() {
  const t = useTranslations('imports');
  const refusal = useRefusalText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [sent, setSent] = useState<{ progress: number; file: File } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [current, setCurrent] = useState<ImportJobDetail | null>(null);
  const [settled, setSettled] = useState<ImportJob | null>(null);

  async function send(chosen: File, asDryRun: boolean) {
    setBusy(true);
    setError(undefined);
    setCurrent(null);
    setSettled(null);
    setSent({ progress: 0, file: chosen });
    const result = await uploadImport(chosen, asDryRun, (progress) => setSent({ progress, file: chosen }));
    setBusy(false);
    if (result.ok) {
      setCurrent({ job: result.data.job, rejections: [] });
      return;
    }
    setSent(null);
    setError(result.status === 0 ? t('networkError') : (refusal.fields(result).file ?? refusal.message(result)));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError(t('chooseFile'));
    void send(file, dryRun);
  }

  const onSettled = useCallback((job: ImportJob) => {
    setSettled(job);
    router.refresh();
  }, [router]);

  const canRunForReal = settled?.dryRun && settled.status === 'succeeded' && sent?.file;
  return (
    <div className="space-y-5">
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('upload.title')}>
        <Field id="import-file" label={t('upload.file')} error={error} hint={t('upload.fileHint')}>
          <Input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
            error={error}
            aria-describedby={error ? 'import-file-error' : 'import-file-hint'}
            className="file:mr-3 file:rounded file:border file:border-line file:bg-white file:px-3 file:py-1"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(undefined);
            }}
          />
        </Field>
        <div className="flex items-start gap-2">
          <input id="import-dry-run" type="checkbox" className="mt-1 h-4 w-4" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} aria-describedby="import-dry-run-hint" />
          <div>
            <label htmlFor="import-dry-run" className="text-sm font-medium text-ink">{t('upload.dryRun')}</label>
            <p id="import-dry-run-hint" className="text-xs text-muted">{t('upload.dryRunHint')}</p>
          </div>
        </div>
        <Button type="submit" disabled={busy}>{busy ? t('upload.uploading') : dryRun ? t('upload.submitDry') : t('upload.submit')}</Button>
      </form>
      {sent ? <ProgressBar testId="upload-progress" label={t(sent.progress < 1 ? 'upload.progress' : 'upload.uploaded', { name: sent.file.name })} value={sent.progress} /> : null}
      {current ? (
        <div className="space-y-3 border-t border-line pt-4">
          <JobLive key={current.job.id} id={current.job.id} initial={current} onSettled={onSettled} />
          <div className="flex flex-wrap items-center gap-3">
            {canRunForReal ? (
              <Button type="button" disabled={busy} onClick={() => { setDryRun(false); void send(sent.file, false); }}>
                {t('upload.runForReal', { name: sent.file.name })}
              </Button>
            ) : null}
            {settled ? <a href={`/imports/${settled.id}`} className="text-sm font-medium text-brand-600 underline">{t('upload.openReport')}</a> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
