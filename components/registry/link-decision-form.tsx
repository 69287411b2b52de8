'use client';

import { useTranslations } from 'next-intl';
import { decideSubjectLink } from '@/lib/registry/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';

/** Link a probable match as the same subject, or dismiss it; a refusal is said beside the buttons. */
export function LinkDecisionForm({ subjectId, otherSubjectId }: { subjectId: number; otherSubjectId: number }) {
  const t = useTranslations('registry');
  const f = useActionForm(decideSubjectLink, null);
  const refusal = f.formMessage || Object.values(f.errors)[0];
  return (
    <form {...f.form} className="flex flex-wrap gap-2">
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="otherSubjectId" value={otherSubjectId} />
      <Button type="submit" name="verdict" value="same" variant="secondary" className="px-2 py-1 text-xs" disabled={f.pending}>{t('subject.linkSame')}</Button>
      <Button type="submit" name="verdict" value="dismissed" variant="ghost" className="px-2 py-1 text-xs" disabled={f.pending}>{t('subject.dismiss')}</Button>
      {refusal ? <p role="alert" className="w-full text-xs text-accent">{refusal}</p> : null}
    </form>
  );
}
