/**
 * Content-Disposition with a file name a browser saves safely (RFC 6266 / RFC 5987): control
 * characters, path separators and quotes never reach the header; `filename` carries an ASCII
 * fallback and `filename*` the UTF-8 name, percent-encoded, so 检测截图.png arrives as itself.
 */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned || fallback;
}

function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).replace(/[^\w.]/g, '') : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name).replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  return `${stem || 'file'}${ext}`;
}

/** `attachment` (download) or `inline` (shown in the page), naming the file `name`. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}
