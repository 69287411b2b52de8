import { getTranslations } from 'next-intl/server';
import { evidenceFileName, evidenceUrl, previewKind } from '@/lib/evidence/download';
import { formatBytes } from '@/lib/i18n/format';

export interface EvidenceMeta {
  sha256: string;
  byteSize: number;
  mediaType: string;
  originalName: string;
}

/**
 * One evidence file on the case page: its uploaded name (a download named by it), size, type and
 * SHA-256, and a preview in place — images inline, a PDF in a frame, a recording in a player.
 */
export async function EvidenceFile({ file, compact = false }: { file: EvidenceMeta; compact?: boolean }) {
  const t = await getTranslations('caseWork');
  const name = evidenceFileName(file);
  const kind = previewKind(file.mediaType);
  const inline = evidenceUrl(file.sha256, true);
  return (
    <figure className="space-y-1" data-testid="evidence-file">
      {kind === 'image' ? (
        <a href={inline} target="_blank" rel="noopener" className="block w-fit" aria-label={t('openFull')}>
          {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated API file, not a static asset */}
          <img src={inline} alt={t('previewOf', { name })} loading="lazy" className={`${compact ? 'max-h-24' : 'max-h-48'} max-w-full rounded border border-line bg-canvas object-contain`} />
        </a>
      ) : null}
      {kind === 'pdf' && !compact ? (
        <details className="rounded border border-line">
          <summary className="cursor-pointer px-2 py-1 text-brand-600">{t('preview')}</summary>
          <iframe src={inline} title={t('previewOf', { name })} loading="lazy" className="h-[28rem] w-full min-w-64 border-0 bg-canvas" />
        </details>
      ) : null}
      {kind === 'video' && !compact ? (
        <video src={inline} controls preload="metadata" className="max-h-60 max-w-full rounded border border-line" aria-label={t('previewOf', { name })} />
      ) : null}
      <figcaption className="space-y-0.5">
        <a href={evidenceUrl(file.sha256)} download={name} className="font-medium break-all text-brand-600 underline" data-testid="evidence-download">
          {name}
        </a>{' '}
        <span className="text-muted">{file.mediaType} · {formatBytes(file.byteSize)}</span>
        <div className="font-mono text-[11px] break-all text-ink" data-testid="evidence-sha256">SHA-256 {file.sha256}</div>
      </figcaption>
    </figure>
  );
}
