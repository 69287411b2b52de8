import { requiredFields, type CaseState, type TransitionField } from './ladder';

/** Which action a transition is, as people name it (button labels, form titles). */
export type ActionKey = 'order' | 'rectify' | 'retestPassed' | 'retestFailed' | 'remove' | 'reinstate' | 'withdraw';

export interface FormField {
  name: TransitionField;
  /** From the ladder: the rule's conditions need it filled (`requiredFields`). */
  required: boolean;
  /** The message key (caseAction.*) of the label. */
  label: 'reason' | 'note' | 'retestNotes' | 'deadline' | 'versionClaimed' | 'versionTested' | 'stores';
}

export interface TransitionForm {
  action: ActionKey;
  fields: FormField[];
  tone: 'primary' | 'secondary' | 'danger';
}

type Shown = Omit<FormField, 'required'>;
const VERSION_TESTED: Shown = { name: 'version', label: 'versionTested' };
const DEADLINE: Shown = { name: 'deadline', label: 'deadline' };
const RETEST_NOTES: Shown = { name: 'reason', label: 'retestNotes' };
const REASON: Shown = { name: 'reason', label: 'reason' };

/** What each direct transition is called and which fields its form shows, by target (and source where it differs). */
function shown(from: CaseState, to: CaseState): Omit<TransitionForm, 'fields'> & { fields: Shown[] } {
  switch (to) {
    case 'ordered':
      return from === 'rectified'
        ? { action: 'retestFailed', tone: 'secondary', fields: [VERSION_TESTED, DEADLINE, RETEST_NOTES] }
        : { action: 'order', tone: 'primary', fields: [DEADLINE, REASON] };
    case 'rectified':
      return { action: 'rectify', tone: 'primary', fields: [{ name: 'reason', label: 'note' }, { name: 'version', label: 'versionClaimed' }] };
    case 'verified':
      return { action: 'retestPassed', tone: 'primary', fields: [VERSION_TESTED, RETEST_NOTES] };
    case 'removed':
      return { action: 'remove', tone: 'danger', fields: [{ name: 'takedownStores', label: 'stores' }, REASON] };
    case 'reinstated':
      return { action: 'reinstate', tone: 'primary', fields: [VERSION_TESTED, RETEST_NOTES] };
    case 'withdrawn':
      return { action: 'withdraw', tone: 'danger', fields: [REASON] };
    default:
      return { action: 'order', tone: 'secondary', fields: [REASON] };
  }
}

/**
 * Exactly what each direct transition asks (DESIGN §3): the fields shown here, which of them are
 * required from the ladder's own conditions (`requiredFields`), so a form and the judge on submit
 * (`checkTransition`) cannot disagree.
 */
export function transitionForm(from: CaseState, to: CaseState): TransitionForm {
  const form = shown(from, to);
  const required = requiredFields(from, to);
  return { ...form, fields: form.fields.map((f) => ({ ...f, required: required.has(f.name) })) };
}

/** "huawei, xiaomi\napple" → ["huawei", "xiaomi", "apple"]. */
export function parseStores(raw: string): string[] {
  return [...new Set(raw.split(/[\s,，、;]+/).map((s) => s.trim()).filter(Boolean))];
}
