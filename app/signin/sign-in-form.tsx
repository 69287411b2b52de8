'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { safeCallbackPath } from '@/lib/auth/callback';
import { parseThrottledError } from '@/lib/auth/throttle-message';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const missing = { email: email ? undefined : t('required'), password: password ? undefined : t('required') };
    setFieldErrors(missing);
    if (missing.email || missing.password) return;
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      const throttled = parseThrottledError(result?.error);
      setError(throttled ? t(throttled.scope === 'account' ? 'throttledAccount' : 'throttledAddress', { minutes: throttled.minutes }) : t('failed'));
      return;
    }
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? (
        <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">
          {error}
        </p>
      ) : null}
      <Field id="email" label={t('email')} error={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="username" required error={fieldErrors.email} />
      </Field>
      <Field id="password" label={t('password')} error={fieldErrors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
