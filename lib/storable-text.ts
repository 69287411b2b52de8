/**
 * Text Postgres cannot store: the NUL character, and lone UTF-16 surrogates (not Unicode; `jsonb`,
 * where the audit trail keeps before/after, refuses them). The API refuses them with a 400 naming
 * the field (lib/http/route.ts), the import with a rejection naming the column, instead of a
 * database error.
 */
export function unstorableFields(value: unknown, path: string[] = [], out: Record<string, string> = {}): Record<string, string> {
  const key = path.length ? path.join('.') : '_';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out[key] ??= 'Contains a NUL character (U+0000), which is not allowed.';
    else if (!value.isWellFormed()) out[key] ??= 'Not valid Unicode (a lone surrogate).';
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000') || !k.isWellFormed()) out[key] ??= 'A key contains a NUL character or invalid Unicode.';
      unstorableFields(v, [...path, k], out);
    }
  }
  return out;
}


/** `text` with what Postgres cannot store replaced by U+FFFD: for echoing bad input back (an import's rejected line). */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD').toWellFormed();
}
