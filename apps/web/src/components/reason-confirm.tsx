import type { ReactNode } from 'react';
import { FormField } from './form-field';

interface ReasonConfirmProps {
  /** What the step will do, as a question ("Suspend this participation? …"). */
  question: string;
  reasonLabel: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonError?: string;
  confirmLabel: string;
  backLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
  /** Stable hooks for browser journeys. */
  reasonTestId: string;
  confirmTestId: string;
  /** Extra choices shown under the reason (e.g. erasing contact details on withdrawal). */
  children?: ReactNode;
}

/** The second click of a consequential step: the question, a reason field, confirm or go back. */
export function ReasonConfirm(props: ReasonConfirmProps) {
  return (
    <div className="decline-box">
      <p>{props.question}</p>
      <FormField label={props.reasonLabel} error={props.reasonError}>
        <textarea
          name="reason"
          rows={3}
          maxLength={2000}
          value={props.reason}
          onChange={(e) => props.onReasonChange(e.target.value)}
          autoFocus
          data-testid={props.reasonTestId}
        />
      </FormField>
      {props.children}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={props.onConfirm} disabled={props.busy} data-testid={props.confirmTestId}>
          {props.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onBack}>
          {props.backLabel}
        </button>
      </div>
    </div>
  );
}
