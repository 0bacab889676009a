import type { ParticipationStatus, RegistrationStatus } from '@dastarkhan/domain';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: ParticipationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status-${status}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function RegistrationBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-registration-${status}`} data-registration={status}>
      {t(`registration.${status}`)}
    </span>
  );
}
