import { useTranslations } from 'next-intl';
import { OffenderLabelMark } from './offender-label-mark';

/**
 * The mark shown next to an operator or subject under a confirmed repeat-offender flag, wherever it
 * is listed. Feed it from lib/offenders/marks.ts (`operatorMarkedSql` / `subjectMarkedSql`).
 */
export function OffenderMark({ marked = true }: { marked?: boolean }) {
  // Unmarked rows (nearly all) call no hook: in a server-rendered list a hook suspends on its first
  // call in a render, and each such row would be sent as a chunk of its own (issue #18).
  return marked ? <Mark /> : null;
}

function Mark() {
  const t = useTranslations('offenders');
  return <OffenderLabelMark mark={t('mark')} title={t('markTitle')} />;
}
