import { z } from 'zod';
import { contentDisposition, safeFileName } from '@/lib/http/content-disposition';
import type { EvidenceRow } from './store';
import { ALLOWED_EVIDENCE_TYPES } from './types';

/** `disposition=inline` shows an image, PDF or recording in the page; anything else is always a download. */
export const evidenceQuerySchema = z.object({
  disposition: z.enum(['attachment', 'inline'], { error: 'disposition is attachment or inline.' }).optional(),
});

/** Types the case page shows in place: images inline, PDFs in a frame, recordings in a player. */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'video/mp4', 'video/webm']);

export type PreviewKind = 'image' | 'pdf' | 'video' | null;

export function previewKind(mediaType: string): PreviewKind {
  if (!PREVIEWABLE.has(mediaType)) return null;
  return mediaType.startsWith('image/') ? 'image' : mediaType.startsWith('video/') ? 'video' : 'pdf';
}

/** The extension the bytes were recognised as (jpg, pdf, pcapng, har …). */
function extensionOf(mediaType: string): string {
  return Object.entries(ALLOWED_EVIDENCE_TYPES).find(([, type]) => type === mediaType)?.[0] ?? 'bin';
}

/**
 * The name a download gets: the uploaded file's name, made safe, with the extension of what the bytes
 * are (a PNG uploaded as "shot.html" downloads as "shot.html.png"); `<sha256>.<ext>` when no name was given.
 */
export function evidenceFileName(row: Pick<EvidenceRow, 'sha256' | 'mediaType' | 'originalName'>): string {
  const ext = extensionOf(row.mediaType);
  const name = safeFileName(row.originalName, `${row.sha256}.${ext}`);
  const exts = ext === 'jpg' ? ['jpg', 'jpeg'] : [ext];
  return exts.some((e) => name.toLowerCase().endsWith(`.${e}`)) ? name : `${name}.${ext}`;
}

/** The evidence download's URL; `inline` asks for the in-page preview of a previewable type. */
export function evidenceUrl(sha256: string, inline = false): string {
  return `/api/v1/evidence/${sha256}${inline ? '?disposition=inline' : ''}`;
}

/**
 * Headers of an evidence response. Only a previewable type is ever served inline (and then only to
 * this site's own pages: the proxy lets the same origin frame it); everything else is an attachment.
 */
export function evidenceHeaders(row: EvidenceRow, byteLength: number, wantInline: boolean): HeadersInit {
  const inline = wantInline && previewKind(row.mediaType) !== null;
  return {
    'content-type': row.mediaType,
    'content-length': String(byteLength),
    'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', evidenceFileName(row)),
    'x-content-type-options': 'nosniff',
    // Cache-Control: no-store, as on every API answer (lib/http/route.ts)
  };
}
