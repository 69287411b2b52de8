import { describe, expect, it } from 'vitest';
import { CASE_STATES, checkTransition, directTargets, type TransitionInput } from '@/lib/cases/ladder';
import { transitionForm } from '@/lib/cases/forms';

const today = '2026-06-15';
const filled: Required<TransitionInput> = { reason: 'note', deadline: '2026-06-22', version: '2.0.1', takedownStores: ['huawei'] };

/** Every direct transition a staff member can be offered a form for (the supervisor sees them all). */
const DIRECT = CASE_STATES.flatMap((from) => directTargets(from, 'supervisor').map((to) => [from, to] as const));

describe('a transition form asks what the ladder requires, no more and no less', () => {
  it('covers every direct transition', () => expect(DIRECT.length).toBeGreaterThanOrEqual(10));

  for (const [from, to] of DIRECT) {
    const form = transitionForm(from, to);
    const required = form.fields.filter((f) => f.required).map((f) => f.name);
    const base = { from, to, role: 'supervisor' as const, channel: 'direct' as const, currentDeadline: '2026-06-01', today };

    it(`${from} → ${to}: filling only the required fields (${required.join(', ') || 'none'}) is accepted`, () => {
      const input = Object.fromEntries(required.map((name) => [name, filled[name]]));
      expect(checkTransition({ ...base, input })).toMatchObject({ ok: true });
    });

    for (const name of required) {
      it(`${from} → ${to}: leaving "${name}" empty is refused, naming it`, () => {
        const input = Object.fromEntries(required.filter((n) => n !== name).map((n) => [n, filled[n]]));
        expect(checkTransition({ ...base, input })).toMatchObject({ ok: false, field: name });
      });
    }
  }
});
