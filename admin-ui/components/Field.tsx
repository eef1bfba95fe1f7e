// A labelled form field that shows the API's 400 next to it when the error names this field (INVALID_FIELD's
// `field`, or a phone code naming it), tied to the input with aria-describedby and aria-invalid.
import { Children, cloneElement, isValidElement } from 'react';
import { ApiError } from '@/lib/api';

/** Returns the API error's message when it is about this field, else null. */
export function fieldMessage(error: unknown, field: string): string | null {
  return error instanceof ApiError && error.field === field ? error.message : null;
}

export default function Field({ id, label, hint, error, field, children }: {
  id: string; label: string; hint?: string; error?: unknown; field?: string; children: React.ReactElement<Record<string, unknown>>;
}) {
  const message = fieldMessage(error, field ?? id);
  const input = Children.only(children);
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={id}>{label}{hint ? <span className="hint" id={`${id}-hint`}> ({hint})</span> : null}</label>
      {isValidElement(input) ? cloneElement(input, { id, 'aria-invalid': message ? true : undefined, 'aria-describedby': described }) : input}
      {message ? <p className="field-error" id={`${id}-error`}>{message}</p> : null}
    </>
  );
}
