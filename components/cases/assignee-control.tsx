'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRefusalText } from '@/components/forms/use-refusal-text';
import type { Refusal } from '@/lib/forms/refusal-text';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';

interface Props {
  caseId: number;
  assignee: { id: number; name: string } | null;
  users: { id: number; name: string }[];
  /** The signed-in user's id, for "assign to me" (absent for an API token). */
  meId: number | null;
}

async function putAssignee(caseId: number, userId: number | null): Promise<Refusal | null> {
  const res = await fetch(`/api/v1/cases/${caseId}/assignee`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (res.ok) return null;
  const body = (await res.json().catch(() => null)) as { error?: Omit<Refusal, 'message'> & { message?: string } } | null;
  return { ...body?.error, message: body?.error?.message ?? String(res.status) };
}

/** Who has the case, and (for those who may) a picker to give it to someone, take it, or release it. */
export function AssigneeControl({ caseId, assignee, users, meId }: Props) {
  const t = useTranslations('caseWork');
  const router = useRouter();
  const [choice, setChoice] = useState(assignee ? String(assignee.id) : '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const refusal = useRefusalText();

  async function assign(userId: number | null) {
    setBusy(true);
    setStatus(null);
    const error = await putAssignee(caseId, userId);
    setBusy(false);
    if (error) return setStatus({ ok: false, text: t('assignFailed', { message: refusal.fields(error).userId ?? refusal.message(error) }) });
    const name = users.find((u) => u.id === userId)?.name ?? '';
    setChoice(userId ? String(userId) : '');
    setStatus({ ok: true, text: userId ? t('assigned', { name }) : t('unassignedDone') });
    router.refresh();
  }

  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) void assign(Number(choice));
      }}
    >
      <div className="min-w-48 max-w-sm flex-1 space-y-1">
        <label htmlFor="assignee-select" className="block text-xs text-muted">{t('assignTo')}</label>
        <Select id="assignee-select" value={choice} onChange={(e) => setChoice(e.target.value)} className="py-1.5">
          <option value="">{t('chooseUser')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>{u.name}</option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="primary" className="py-1.5" disabled={busy || !choice || choice === String(assignee?.id ?? '')}>{t('assign')}</Button>
      {meId !== null && assignee?.id !== meId ? (
        <Button type="button" variant="secondary" className="py-1.5" disabled={busy} onClick={() => void assign(meId)}>{t('assignToMe')}</Button>
      ) : null}
      {assignee ? (
        <Button type="button" variant="ghost" className="py-1.5 underline" disabled={busy} onClick={() => void assign(null)}>{t('unassign')}</Button>
      ) : null}
      <p role="status" aria-live="polite" className={`w-full text-xs empty:hidden ${status?.ok ? 'text-ok' : 'text-accent'}`}>{status?.text ?? ''}</p>
    </form>
  );
}
