import type { ReactNode } from 'react';
import { FormField } from './form-field';

interface ConfirmBoxProps {
  /** What the step will do, as a question ("Suspend this participation? …"). */
  question: string;
  confirmLabel: string;
  backLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
  /** Stable hook for browser journeys. */
  confirmTestId: string;
  /** What goes with the step: an explanation, a reason, extra choices. */
  children?: ReactNode;
}

/** The second click of a consequential step: the question, confirm or go back. */
export function ConfirmBox({ question, confirmLabel, backLabel, busy, onConfirm, onBack, confirmTestId, children }: ConfirmBoxProps) {
  return (
    <div className="decline-box">
      <p>{question}</p>
      {children}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy} data-testid={confirmTestId}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </div>
  );
}

interface ReasonConfirmProps extends ConfirmBoxProps {
  reasonLabel: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonError?: string;
  reasonTestId: string;
  /** Extra choices shown under the reason (e.g. erasing contact details on withdrawal). */
  children?: ReactNode;
}

/** A confirm box with a reason field (the community or the club reads the reason). */
export function ReasonConfirm({ reasonLabel, reason, onReasonChange, reasonError, reasonTestId, children, ...confirm }: ReasonConfirmProps) {
  return (
    <ConfirmBox {...confirm}>
      <FormField label={reasonLabel} error={reasonError}>
        <textarea
          name="reason"
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => onReasonChange(e.target.value)}
          autoFocus
          data-testid={reasonTestId}
        />
      </FormField>
      {children}
    </ConfirmBox>
  );
}
