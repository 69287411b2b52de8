import type { CaseState } from './ladder';

/** Which action a transition is, as people name it (button labels, form titles). */
export type ActionKey = 'order' | 'rectify' | 'retestPassed' | 'retestFailed' | 'remove' | 'reinstate' | 'withdraw';

export interface FormField {
  name: 'reason' | 'deadline' | 'version' | 'takedownStores';
  required: boolean;
  /** The message key (caseAction.*) of the label. */
  label: 'reason' | 'note' | 'retestNotes' | 'deadline' | 'versionClaimed' | 'versionTested' | 'stores';
}

export interface TransitionForm {
  action: ActionKey;
  fields: FormField[];
  tone: 'primary' | 'secondary' | 'danger';
}

const reason = (required: boolean, label: FormField['label'] = 'reason'): FormField => ({ name: 'reason', required, label });

/**
 * Exactly what each direct transition asks (DESIGN §3). The ladder (checkTransition) stays the
 * judge on submit; this only decides which fields a form shows.
 */
export function transitionForm(from: CaseState, to: CaseState): TransitionForm {
  switch (to) {
    case 'ordered':
      return from === 'rectified'
        ? { action: 'retestFailed', tone: 'secondary', fields: [{ name: 'version', required: true, label: 'versionTested' }, { name: 'deadline', required: true, label: 'deadline' }, reason(false, 'retestNotes')] }
        : { action: 'order', tone: 'primary', fields: [{ name: 'deadline', required: true, label: 'deadline' }, reason(false)] };
    case 'rectified':
      return { action: 'rectify', tone: 'primary', fields: [reason(true, 'note'), { name: 'version', required: true, label: 'versionClaimed' }] };
    case 'verified':
      return { action: 'retestPassed', tone: 'primary', fields: [{ name: 'version', required: true, label: 'versionTested' }, reason(false, 'retestNotes')] };
    case 'removed':
      return { action: 'remove', tone: 'danger', fields: [{ name: 'takedownStores', required: true, label: 'stores' }, reason(false)] };
    case 'reinstated':
      return { action: 'reinstate', tone: 'primary', fields: [{ name: 'version', required: true, label: 'versionTested' }, reason(false, 'retestNotes')] };
    case 'withdrawn':
      return { action: 'withdraw', tone: 'danger', fields: [reason(true)] };
    default:
      return { action: 'order', tone: 'secondary', fields: [reason(false)] };
  }
}

/** "huawei, xiaomi\napple" → ["huawei", "xiaomi", "apple"]. */
export function parseStores(raw: string): string[] {
  return [...new Set(raw.split(/[\s,，、;]+/).map((s) => s.trim()).filter(Boolean))];
}
