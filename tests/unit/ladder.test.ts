import { describe, expect, it } from 'vitest';
import { CASE_STATES, checkTransition, directTargets, isOverdue, type CaseState, type Channel } from '@/lib/cases/ladder';
import { ROLES, type Role } from '@/lib/auth/permissions';

const today = '2026-06-15';
const complete = { reason: 'note', deadline: '2026-06-22', version: '2.0.1', takedownStores: ['huawei'] };

/** DESIGN §3, written out as the table the regulator reads: from → to → (roles, channel). */
const ALLOWED: Record<string, { roles: Role[]; channel: Channel }> = {
  'open→ordered': { roles: ['inspector', 'supervisor'], channel: 'direct' },
  'ordered→rectified': { roles: ['inspector', 'supervisor', 'operator_contact'], channel: 'direct' },
  'notified→rectified': { roles: ['inspector', 'supervisor', 'operator_contact'], channel: 'direct' },
  'rectified→verified': { roles: ['inspector', 'supervisor'], channel: 'direct' },
  'rectified→ordered': { roles: ['inspector', 'supervisor'], channel: 'direct' },
  'ordered→notified': { roles: ['supervisor'], channel: 'rectification_notice' },
  'notified→removed': { roles: ['supervisor'], channel: 'removal_notice' },
  'removed→reinstated': { roles: ['supervisor'], channel: 'direct' },
  ...Object.fromEntries(
    (['open', 'ordered', 'rectified', 'notified', 'removed'] as CaseState[]).map((s) => [`${s}→withdrawn`, { roles: ['supervisor'] as Role[], channel: 'direct' as Channel }]),
  ),
};

describe('the rectification ladder', () => {
  for (const from of CASE_STATES) {
    for (const to of CASE_STATES) {
      for (const role of ROLES) {
        const allowed = ALLOWED[`${from}→${to}`];
        const channel = allowed?.channel ?? 'direct';
        it(`${from} → ${to} by ${role}`, () => {
          const verdict = checkTransition({ from, to, role, channel, input: complete, currentDeadline: '2026-06-01', today });
          if (allowed && allowed.roles.includes(role)) {
            expect(verdict).toMatchObject({ ok: true });
          } else {
            expect(verdict.ok).toBe(false);
            if (!verdict.ok) {
              expect([403, 422]).toContain(verdict.status);
              expect(verdict.message.length).toBeGreaterThan(10);
              expect(verdict.status).toBe(allowed ? 403 : 422);
            }
          }
        });
      }
    }
  }

  it('refuses to notify a case directly: only a published notice can', () => {
    const v = checkTransition({ from: 'ordered', to: 'notified', role: 'supervisor', channel: 'direct', input: complete, currentDeadline: '2026-06-01', today });
    expect(v).toMatchObject({ ok: false, status: 422, code: 'channel' });
  });

  it('refuses to notify a case whose deadline has not passed', () => {
    const v = checkTransition({ from: 'ordered', to: 'notified', role: 'supervisor', channel: 'rectification_notice', input: {}, currentDeadline: today, today });
    expect(v).toMatchObject({ ok: false, status: 422, code: 'condition' });
  });

  it('asks for what each transition needs', () => {
    const base = { role: 'inspector' as Role, channel: 'direct' as Channel, currentDeadline: null, today };
    expect(checkTransition({ ...base, from: 'open', to: 'ordered', input: {} })).toMatchObject({ ok: false, field: 'deadline' });
    expect(checkTransition({ ...base, from: 'open', to: 'ordered', input: { deadline: today } })).toMatchObject({ ok: false, field: 'deadline' });
    // A day that does not exist sorts after today as text; it reached Postgres, whose `date` refused it (a 400 naming no field).
    expect(checkTransition({ ...base, from: 'open', to: 'ordered', input: { deadline: '2099-02-30' } })).toMatchObject({ ok: false, key: 'deadlineFormat', field: 'deadline' });
    expect(checkTransition({ ...base, from: 'ordered', to: 'rectified', input: { version: '1' } })).toMatchObject({ ok: false, field: 'reason' });
    expect(checkTransition({ ...base, from: 'ordered', to: 'rectified', input: { reason: 'fixed' } })).toMatchObject({ ok: false, field: 'version' });
    expect(checkTransition({ ...base, from: 'rectified', to: 'ordered', input: { version: '1' } })).toMatchObject({ ok: false, field: 'deadline' });
    const sup = { ...base, role: 'supervisor' as Role };
    expect(checkTransition({ ...sup, from: 'notified', to: 'removed', input: {} })).toMatchObject({ ok: false, field: 'takedownStores' });
    expect(checkTransition({ ...sup, from: 'open', to: 'withdrawn', input: { reason: ' ' } })).toMatchObject({ ok: false, field: 'reason' });
  });

  it('offers each role only the buttons it may press', () => {
    expect(directTargets('open', 'inspector')).toEqual(['ordered']);
    expect(directTargets('open', 'supervisor')).toEqual(['ordered', 'withdrawn']);
    expect(directTargets('open', 'admin')).toEqual([]);
    expect(directTargets('verified', 'supervisor')).toEqual([]);
    expect(directTargets('notified', 'supervisor')).toEqual(['rectified', 'removed', 'withdrawn']);
  });

  it('derives overdue from the deadline and the day', () => {
    expect(isOverdue('ordered', '2026-06-14', today)).toBe(true);
    expect(isOverdue('ordered', today, today)).toBe(false);
    expect(isOverdue('notified', '2026-06-01', today)).toBe(true);
    expect(isOverdue('rectified', '2026-06-01', today)).toBe(false);
  });
});
