'use client';

import { startTransition, useActionState, useCallback, useEffect, useRef, type FormEvent } from 'react';
import type { FieldErrors } from '@/lib/http/errors';

/** Any action state that may carry field errors: `ActionResult`, or a form's own `{ fieldErrors?, message? }`. */
type WithErrors = { ok?: boolean; fieldErrors?: FieldErrors; message?: string } | null | undefined;

/**
 * The one way a form submits to a server action. React resets a `<form action={fn}>` after the action
 * runs, wiping what the user typed when the server refuses it; this hook submits from `onSubmit`
 * instead (`startTransition(() => dispatch(formData))`), so nothing typed, chosen or ticked is lost on
 * a refusal and each field's error (`errors.name`) sits beside the value that caused it. Pass
 * `resetOnSuccess` for forms that should empty themselves once saved (a new comment, a new user).
 *
 * Usage: `const f = useActionForm(saveX, null);` (an action from lib/<area>/actions.ts); <form {...f.form}> … f.errors.name … f.pending`.
 */
export function useActionForm<R extends WithErrors>(
  action: (data: FormData) => Promise<R>,
  initial: R | null = null,
  options: { resetOnSuccess?: boolean; onSuccess?: (state: R) => void; onRefused?: (errors: FieldErrors) => void } = {},
) {
  type S = R | null;
  // Every server action takes its input alone (lib/actions/define.ts); the previous state is the form's.
  const [state, dispatch, pending] = useActionState<S, FormData>((_prev: S, data: FormData) => action(data), initial as Awaited<S>) as unknown as [S, (data: FormData) => void, boolean];
  const ref = useRef<HTMLFormElement>(null);
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
      startTransition(() => dispatch(data));
    },
    [dispatch],
  );
  const errors: FieldErrors = (state && state.ok !== true ? state.fieldErrors : undefined) ?? {};
  useEffect(() => {
    if (state === initial || !state) return;
    if (state.ok === true) {
      if (options.resetOnSuccess) ref.current?.reset();
      options.onSuccess?.(state);
    } else options.onRefused?.(errors);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const refused = !!state && state.ok === false;
  return {
    state,
    pending,
    errors,
    /** The refusal's own message when no field carries it (a conflict, a permission). */
    formMessage: refused && !Object.keys(errors).length ? (state?.message ?? '') : '',
    refused,
    form: { ref, onSubmit, noValidate: true } as const,
  };
}
