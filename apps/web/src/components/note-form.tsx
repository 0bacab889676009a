import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-message';
import { FormField } from './form-field';

interface NoteFormProps {
  label: string;
  hint?: string;
  submitLabel: string;
  /** Fields shown above the text (the verdict choice). */
  children?: ReactNode;
  pending: boolean;
  error: unknown;
  /** The feature whose wording explains the API's error codes (see errorText). */
  feature: string;
  /** Said when the note is shorter than 10 characters, in the feature's words. */
  tooShortText: string;
  /** Resolves when stored; the text is then cleared. */
  onSubmit: (text: string) => Promise<unknown>;
  testIds: { text: string; submit: string };
  buttonClassName?: string;
}

/** A note of 10 to 2000 characters (as the API wants, trimmed), with its submit button and error. */
export function NoteForm({ label, hint, submitLabel, children, pending, error, feature, tooShortText, onSubmit, testIds, buttonClassName = 'button' }: NoteFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    setTooShort(trimmed.length < 10);
    if (trimmed.length < 10) return;
    onSubmit(trimmed).then(
      () => setText(''),
      () => undefined, // shown through `error`
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {error ? (
        <p role="alert" className="alert alert-error">
          {errorText(t, error, { feature })}
        </p>
      ) : null}
      {children}
      <FormField label={label} hint={hint} error={tooShort ? tooShortText : undefined}>
        <textarea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-testid={testIds.text} />
      </FormField>
      <div className="actions">
        <button type="submit" className={buttonClassName} disabled={pending} data-testid={testIds.submit}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
