import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { ConfirmBox, ReasonConfirm } from '../../../components/reason-confirm';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import {
  CLAIM_STATUSES,
  useDecideClaim,
  useRegistrationClaims,
  type ClaimDecision,
  type ClaimStatus,
  type RegistrationClaimCase,
} from '../api/registration-claims';

const MIN_REASON = 10;

type Decide = (claim: RegistrationClaimCase, decision: ClaimDecision) => void;

/**
 * `/registration-claims`: officials of the region and administrators check each claimed entry
 * against the state register, then verify it or reject it with a reason (docs/domain.md, P7).
 */
export function RegistrationClaimsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ClaimStatus>('pending');
  const claims = useRegistrationClaims(status);
  // Held by the page: a decision removes its claim from the list, and the notice must outlive it.
  const decide = useDecideClaim();
  const [done, setDone] = useState<string | null>(null);

  const onDecide: Decide = (claim, decision) => {
    setDone(null);
    decide.mutate(
      { claimId: claim.id, ...decision },
      { onSuccess: () => setDone(t(`claims.done.${decision.outcome}`, { name: claim.registeredName })) },
    );
  };

  return (
    <section>
      <PageTitle>{t('claims.title')}</PageTitle>
      <p className="lead">{t('claims.intro')}</p>
      <FormField label={t('claims.filter')}>
        <select value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)} data-testid="claims-status">
          {CLAIM_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`claims.status.${value}`)}
            </option>
          ))}
        </select>
      </FormField>
      {done && (
        <p role="status" className="alert alert-success" data-testid="claim-decided">
          {done}
        </p>
      )}
      {decide.error && (
        <p role="alert" className="alert alert-error" data-testid="claim-error">
          {errorText(t, decide.error)}
        </p>
      )}
      <QueryState query={claims}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t(`claims.empty.${status}`)}</p>
          ) : (
            <ul className="card-list">
              {list.map((claim) => (
                <ClaimItem key={claim.id} claim={claim} onDecide={onDecide} pending={decide.isPending} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function ClaimItem({ claim, onDecide, pending }: { claim: RegistrationClaimCase; onDecide: Decide; pending: boolean }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const [step, setStep] = useState<'verify' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const headingId = `claim-${claim.id}`;
  // A claim filed on the community's behalf may give only the number: the verifier enters the rest from the register (P7).
  const lacksDetails = !claim.registrationDate || !claim.issuingBody;
  const [details, setDetails] = useState({ registrationDate: '', issuingBody: '' });
  const [detailErrors, setDetailErrors] = useState<Partial<Record<keyof typeof details, string>>>({});
  const setDetail = (field: keyof typeof details, value: string) => {
    setDetails((current) => ({ ...current, [field]: value }));
    setDetailErrors((current) => ({ ...current, [field]: undefined }));
  };

  const verify = () => {
    if (!lacksDetails) {
      onDecide(claim, { outcome: 'verified' });
      return;
    }
    const given = { registrationDate: claim.registrationDate ? undefined : details.registrationDate, issuingBody: claim.issuingBody ? undefined : details.issuingBody.trim() };
    const errors = {
      registrationDate: given.registrationDate === '' ? t('claims.required') : undefined,
      issuingBody: given.issuingBody !== undefined && given.issuingBody.length < 2 ? t('claims.required') : undefined,
    };
    setDetailErrors(errors);
    if (errors.registrationDate || errors.issuingBody) return;
    onDecide(claim, { outcome: 'verified', ...given });
  };

  const reject = () => {
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t('claims.tooShort'));
      return;
    }
    onDecide(claim, { outcome: 'rejected', reason: reason.trim() });
  };

  return (
    <li className="card" aria-labelledby={headingId} data-testid="registration-claim-item" data-status={claim.status}>
      <h2 id={headingId} className="card-title">
        {claim.registeredName}
      </h2>
      <p className="card-meta">
        {t(`tradition.${claim.tradition}`)}
        {claim.cityName && <> · {localized(claim.cityName)}</>} · {t('claims.claimedOn', { date: formatDateTime(claim.claimedAt, i18n.language) })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('claims.number')}</dt>
          <dd>{claim.registrationNumber}</dd>
        </div>
        <div>
          <dt>{t('claims.date')}</dt>
          <dd>{claim.registrationDate ? formatDate(claim.registrationDate, i18n.language) : t('claims.notGiven')}</dd>
        </div>
        <div>
          <dt>{t('claims.issuingBody')}</dt>
          <dd>{claim.issuingBody ?? t('claims.notGiven')}</dd>
        </div>
      </dl>
      {claim.status !== 'pending' && claim.decidedAt && (
        <p className="card-meta" data-testid="claim-decision">
          {t(`claims.decidedOn.${claim.status}`, { date: formatDateTime(claim.decidedAt, i18n.language) })}
          {claim.decidedByName && <> · {claim.decidedByName}</>}
        </p>
      )}
      {claim.rejectionReason && <p>{t('claims.reason', { reason: claim.rejectionReason })}</p>}
      {claim.status === 'pending' &&
        (step === 'verify' ? (
          <ConfirmBox
            question={t('claims.verifyQuestion')}
            confirmLabel={t('claims.confirmVerify')}
            backLabel={t('claims.back')}
            busy={pending}
            onConfirm={verify}
            onBack={() => setStep(null)}
            confirmTestId="claim-confirm-verify"
          >
            {lacksDetails && (
              <>
                <p className="field-hint">{t('claims.fromRegister')}</p>
                {!claim.registrationDate && (
                  <FormField label={t('claims.date')} error={detailErrors.registrationDate}>
                    <input type="date" value={details.registrationDate} onChange={(e) => setDetail('registrationDate', e.target.value)} data-testid="claim-registration-date" />
                  </FormField>
                )}
                {!claim.issuingBody && (
                  <FormField label={t('claims.issuingBody')} error={detailErrors.issuingBody}>
                    <input type="text" maxLength={300} value={details.issuingBody} onChange={(e) => setDetail('issuingBody', e.target.value)} data-testid="claim-issuing-body" />
                  </FormField>
                )}
              </>
            )}
          </ConfirmBox>
        ) : step === 'reject' ? (
          <ReasonConfirm
            question={t('claims.rejectQuestion')}
            reasonLabel={t('claims.rejectReason')}
            reason={reason}
            onReasonChange={(value) => {
              setReason(value);
              setReasonError(undefined);
            }}
            reasonError={reasonError}
            confirmLabel={t('claims.confirmReject')}
            backLabel={t('claims.back')}
            busy={pending}
            onConfirm={reject}
            onBack={() => setStep(null)}
            reasonTestId="claim-reject-reason"
            confirmTestId="claim-confirm-reject"
          />
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => setStep('verify')} disabled={pending} data-testid="claim-verify">
              {t('claims.verify')}
            </button>
            <button type="button" className="button button-danger-outline" onClick={() => setStep('reject')} disabled={pending} data-testid="claim-reject">
              {t('claims.reject')}
            </button>
          </div>
        ))}
    </li>
  );
}
