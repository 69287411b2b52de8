'use client';

import { useTranslations } from 'next-intl';

export interface UploadedFile { key: string; name: string; status: 'uploading' | 'stored' | 'failed'; sha256?: string; error?: string }

const MAX_BYTES = 25 * 1024 * 1024;

/** Uploads each chosen file to POST /api/v1/evidence at once and shows its SHA-256 or why it was refused. */
export function EvidenceInput({ id, files, onChange, error }: { id: string; files: UploadedFile[]; onChange: (update: (files: UploadedFile[]) => UploadedFile[]) => void; error?: string }) {
  const t = useTranslations('registry.inspection');

  async function upload(file: File) {
    const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
    const set = (patch: Partial<UploadedFile>) => onChange((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)));
    onChange((all) => [...all, { key, name: file.name, status: 'uploading' }]);
    if (file.size > MAX_BYTES) return set({ status: 'failed', error: t('tooLarge', { name: file.name }) });
    const body = new FormData();
    body.set('file', file);
    try {
      const res = await fetch('/api/v1/evidence', { method: 'POST', body });
      if (res.ok) return set({ status: 'stored', sha256: (await res.json()).sha256 });
      const message = res.status === 413 ? t('tooLarge', { name: file.name }) : res.status === 415 ? t('badType', { name: file.name }) : t('uploadFailed', { name: file.name });
      set({ status: 'failed', error: message });
    } catch {
      set({ status: 'failed', error: t('uploadFailed', { name: file.name }) });
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">{t('evidence')}</label>
      <input
        id={id}
        type="file"
        multiple
        aria-describedby={`${id}-hint`}
        className="block text-sm file:mr-3 file:rounded file:border file:border-line file:bg-white file:px-3 file:py-1.5"
        onChange={(e) => {
          for (const file of Array.from(e.target.files ?? [])) void upload(file);
          e.target.value = '';
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-muted">{t('evidenceHint')}</p>
      {error ? <p role="alert" className="text-xs font-medium text-accent">{error}</p> : null}
      {files.length ? (
        <ul className="space-y-1 text-xs">
          {files.map((f) => (
            <li key={f.key} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{f.name}</span>
              {f.status === 'uploading' ? <span className="text-muted">{t('uploading')}</span> : null}
              {f.status === 'stored' ? <span className="font-mono text-ok" data-testid="uploaded-sha256">{t('uploaded')} · {f.sha256}</span> : null}
              {f.status === 'failed' ? <span role="alert" className="text-accent">{f.error}</span> : null}
              <button type="button" className="text-muted underline" onClick={() => onChange((all) => all.filter((x) => x.key !== f.key))}>{t('removeFile', { name: f.name })}</button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
