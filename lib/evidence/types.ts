import { fileTypeFromBuffer } from 'file-type';

/**
 * What may be stored as evidence, recognised by the bytes, never by the name or the declared type:
 * screenshots (PNG, JPEG, WebP, GIF), documents (PDF), screen recordings (MP4, WebM), traffic
 * captures (pcap, pcapng) and HTTP archives (HAR: JSON with log.entries).
 */
export const ALLOWED_EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  webm: 'video/webm',
  pcap: 'application/vnd.tcpdump.pcap',
  pcapng: 'application/x-pcapng',
  har: 'application/json',
};

export interface SniffedType {
  ext: string;
  mediaType: string;
}

function looksLikeHar(bytes: Uint8Array): boolean {
  if (bytes.length > 25 * 1024 * 1024) return false;
  const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8').trimStart();
  if (!head.startsWith('{')) return false;
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { log?: { entries?: unknown } };
    return Array.isArray(parsed?.log?.entries);
  } catch {
    return false;
  }
}

/** The evidence type of these bytes, or null when they are not on the allow-list. */
export async function sniffEvidenceType(bytes: Uint8Array): Promise<SniffedType | null> {
  // pcapng's section header block (file-type does not know it).
  if (bytes.length >= 12 && bytes[0] === 0x0a && bytes[1] === 0x0d && bytes[2] === 0x0d && bytes[3] === 0x0a) {
    return { ext: 'pcapng', mediaType: ALLOWED_EVIDENCE_TYPES.pcapng! };
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const mediaType = ALLOWED_EVIDENCE_TYPES[detected.ext];
    return mediaType ? { ext: detected.ext, mediaType } : null;
  }
  return looksLikeHar(bytes) ? { ext: 'har', mediaType: ALLOWED_EVIDENCE_TYPES.har! } : null;
}
