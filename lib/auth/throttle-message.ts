/** How a throttled sign-in travels from next-auth to the sign-in page (no server imports: the form uses it). */
export interface ThrottleRefusal {
  scope: 'account' | 'address';
  /** Whole minutes until the window ends (at least 1). */
  minutes: number;
}

/** The error next-auth carries to the sign-in page for a throttled attempt: `throttled:<scope>:<minutes>`. */
export const throttledError = (r: ThrottleRefusal) => `throttled:${r.scope}:${r.minutes}`;

export function parseThrottledError(error: string | null | undefined): ThrottleRefusal | null {
  const m = /^throttled:(account|address):(\d+)$/.exec(error ?? '');
  return m ? { scope: m[1] as ThrottleRefusal['scope'], minutes: Number(m[2]) } : null;
}
