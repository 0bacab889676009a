import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { RegistrationClaim } from '../api/communities';

/** Where the community's latest claim to be registered stands: waiting for an official, verified, or rejected with the reason. */
export function RegistrationClaimStatus({ claim }: { claim: RegistrationClaim }) {
  const { t, i18n } = useTranslation();
  const entry = { number: claim.registrationNumber, date: claim.registrationDate && formatDate(claim.registrationDate, i18n.language), issuingBody: claim.issuingBody };
  const alert = { pending: 'alert-info', verified: 'alert-success', rejected: 'alert-error' }[claim.status];
  return (
    <div className={`alert ${alert}`} data-testid="registration-claim" data-status={claim.status}>
      {claim.status === 'pending' && (
        <>
          {/* Filed on its behalf with the number only: the verifier adds the date and issuing body. */}
          <p>{t(entry.date && entry.issuingBody ? 'claims.own.pending' : 'claims.own.pendingNumberOnly', entry)}</p>
          <p className="field-hint">{t('claims.own.pendingHint')}</p>
        </>
      )}
      {claim.status === 'verified' && <p>{t('claims.own.verified', entry)}</p>}
      {claim.status === 'rejected' && (
        <>
          <p>{t('claims.own.rejected', { reason: claim.rejectionReason ?? '—' })}</p>
          <p className="field-hint">{t('claims.own.rejectedHint')}</p>
        </>
      )}
    </div>
  );
}
