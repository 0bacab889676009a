import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { ReasonConfirm } from '../../../components/reason-confirm';

/** A consequential step with a reason: a button, then the question and the reason, then confirm. */
export function ReasonAction({
  label,
  question,
  testId,
  busy,
  error,
  onConfirm,
}: {
  label: string;
  question: string;
  testId: string;
  busy: boolean;
  error: unknown;
  onConfirm: (reason: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button-small button-secondary" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <>
      <ReasonConfirm
        question={question}
        confirmLabel={label}
        backLabel={t('common.cancel')}
        busy={busy}
        reasonLabel={t('administration.people.reason')}
        reason={reason}
        onReasonChange={setReason}
        reasonError={missing ? t('fieldErrors.required') : undefined}
        reasonTestId={`${testId}-reason`}
        confirmTestId={`${testId}-confirm`}
        onBack={() => setOpen(false)}
        onConfirm={() => {
          setMissing(!reason.trim());
          if (reason.trim()) onConfirm(reason.trim(), () => setOpen(false));
        }}
      />
      <AdminError error={error} />
    </>
  );
}

/** An error in this feature's words (administration.errors), else the app's. */
export function AdminError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="alert alert-error">
      {errorText(t, error, { feature: 'administration' })}
    </p>
  );
}
