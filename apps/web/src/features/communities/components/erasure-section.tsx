import { isLive } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ConfirmBox } from '../../../components/reason-confirm';
import { useEndSession } from '../../../lib/auth';
import { formatDate } from '../../../lib/format';
import { useEraseCommunity, type Community, type ParticipationSummary } from '../api/communities';

interface ErasureSectionProps {
  community: Community;
  participations: ParticipationSummary[];
}

/**
 * "Erase our data" (docs/domain.md, P11), offered once none of the community's participations is
 * live: its coordinators no longer need the contacts. The representatives' accounts are erased
 * too, so the session ends and the login page says what happened.
 */
export function ErasureSection({ community, participations }: ErasureSectionProps) {
  const { t, i18n } = useTranslation();
  const erase = useEraseCommunity(community.id);
  const endSession = useEndSession();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  if (community.erasedAt) {
    return (
      <p className="card note" data-testid="erased-on">
        {t('myCommunity.erasure.erasedOn', { date: formatDate(community.erasedAt, i18n.language) })}
      </p>
    );
  }
  if (participations.some((participation) => isLive(participation.status))) return null;

  const confirm = () =>
    erase.mutate(undefined, {
      onSuccess: () => {
        void navigate('/login', { replace: true, state: { erased: true } });
        endSession();
      },
    });

  return (
    <section className="card" aria-labelledby="erasure-title" data-testid="erasure">
      <h2 id="erasure-title">{t('myCommunity.erasure.title')}</h2>
      <p>{t('myCommunity.erasure.intro')}</p>
      <ErrorMessage error={erase.error} />
      {confirming ? (
        <ConfirmBox
          question={t('myCommunity.erasure.question')}
          confirmLabel={t('myCommunity.erasure.confirm')}
          backLabel={t('common.cancel')}
          busy={erase.isPending}
          onConfirm={confirm}
          onBack={() => setConfirming(false)}
          confirmTestId="confirm-erasure"
        >
          <ul>
            <li>{t('myCommunity.erasure.erased')}</li>
            <li>{t('myCommunity.erasure.kept')}</li>
            <li>
              <strong>{t('myCommunity.erasure.signOut')}</strong>
            </li>
          </ul>
        </ConfirmBox>
      ) : (
        <button
          type="button"
          className="button button-danger-outline"
          onClick={() => {
            erase.reset();
            setConfirming(true);
          }}
          data-testid="erase-community"
        >
          {t('myCommunity.erasure.open')}
        </button>
      )}
    </section>
  );
}
