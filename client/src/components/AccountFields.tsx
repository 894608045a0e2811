// Name, email and a new password: the fields of every account we create (set-up, invites).
import type { ChangeEvent } from 'react';
import { LIMITS } from '../../../shared/limits.ts';
import { Field } from './Field.tsx';

type Bind = (key: 'name' | 'email' | 'password') => {
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
};

export function AccountFields({ bind }: { bind: Bind }) {
  return (
    <>
      <Field label="Your name">
        <input required autoComplete="name" {...bind('name')} />
      </Field>
      <Field label="Email">
        <input required type="email" autoComplete="email" {...bind('email')} />
      </Field>
      <Field label="Password" hint={`At least ${LIMITS.passwordMinLength} characters.`}>
        <input required type="password" minLength={LIMITS.passwordMinLength} autoComplete="new-password" {...bind('password')} />
      </Field>
    </>
  );
}
