'use client';

import type { LucideIcon } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { SecretReveal } from './secret-reveal';

// A one-field "create" form whose result is a secret (an API key), shown once above the form.

export interface CreatedSecret {
  name: string;
  secret: string;
}

/** The new secret exists only in this component's state: shown once, gone on the next page load. */
export function CreateSecretForm<T extends CreatedSecret>({
  action,
  fields = {},
  label,
  errorLabel = label,
  maxLength,
  placeholder,
  hint,
  submitLabel,
  icon,
  revealTitle,
  secretLabel,
}: {
  action: FormAction<T>;
  /** Hidden fields sent along (the team's name). */
  fields?: Record<string, string>;
  /** The name input's label. */
  label: string;
  /** How the name input's errors start ("Name must be…"); the label by default. */
  errorLabel?: string;
  maxLength: number;
  placeholder: string;
  hint: string;
  submitLabel: string;
  icon: LucideIcon;
  /** The heading of the shown-once box, given the created thing's name. */
  revealTitle: (name: string) => string;
  /** The accessible name of the secret itself. */
  secretLabel: string;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(action);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);

  return (
    <div className="space-y-4">
      {state.status === 'ok' && state.data ? (
        <SecretReveal
          icon={icon}
          title={revealTitle(state.data.name)}
          secretLabel={secretLabel}
          secret={state.data.secret}
        />
      ) : (
        <FormMessage state={state} shownFields={['name', 'input']} />
      )}
      <form
        ref={formRef}
        action={dispatch}
        onSubmit={onSubmit}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
        noValidate
      >
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="flex-1">
          <InputField
            label={label}
            name="name"
            required
            maxLength={maxLength}
            placeholder={placeholder}
            error={errorFor(errorLabel, 'name', 'input')}
            hint={hint}
          />
        </div>
        <Button type="submit" pending={pending} className="sm:mt-7">
          {submitLabel}
        </Button>
      </form>
    </div>
  );
}
