import type { ParticipationStatus } from '@dastarkhan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { formatDate } from '../../../lib/format';
import { useClubSummary, useLiveSponsorshipsOf, useSponsor, useWithdrawSponsorship } from '../api/pathway';

interface SponsorshipSectionProps {
  participationId: string;
  clubId: string;
  communityId: string;
  status: ParticipationStatus;
}

/**
 * A representative of a member community of the same club sponsors an observer with a sentence, and
 * can withdraw it. A community that already sponsors it reads "You sponsor since … · Withdraw"
 * instead of the form. (The live sponsors are listed as the evidence of the "sponsors" milestone.)
 */
export function SponsorshipSection({ participationId, clubId, communityId, status }: SponsorshipSectionProps) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const club = useClubSummary(clubId);
  const withdraw = useWithdrawSponsorship();
  const [notice, setNotice] = useState<string | null>(null);

  const represented = new Set(representedCommunityIds(me.data));
  const sponsors = (club.data?.viewerParticipations ?? [])
    .filter((p) => p.status === 'member' && p.community.id !== communityId && represented.has(p.community.id))
    .map((p) => p.community);
  const given = useLiveSponsorshipsOf(
    participationId,
    sponsors.map((community) => community.id),
  );
  if (status !== 'observer' || sponsors.length === 0 || !given) return null;
  const sponsoring = new Set(given.map((sponsorship) => sponsorship.sponsorCommunityId));
  const free = sponsors.filter((community) => !sponsoring.has(community.id));
  const sponsorName = (id: string) => sponsors.find((community) => community.id === id)?.name ?? '';

  return (
    <section className="card" aria-labelledby="sponsorship-title" data-testid="sponsorships">
      <h2 id="sponsorship-title">{t('pathway.sponsorship.title')}</h2>
      {notice && (
        <p role="status" className="alert alert-success">
          {notice}
        </p>
      )}
      {withdraw.error && (
        <p role="alert" className="alert alert-error">
          {errorText(t, withdraw.error, { feature: 'pathway' })}
        </p>
      )}
      {given.map((sponsorship) => {
        const date = formatDate(sponsorship.createdAt, i18n.language);
        return (
          <div key={sponsorship.id} data-testid="sponsorship">
            <p>
              {/* With one community the viewer is its sponsor; with several, say which one sponsors. */}
              {sponsors.length > 1
                ? t('clubMonth.sponsorship.sinceAs', { name: sponsorName(sponsorship.sponsorCommunityId), date })
                : t('clubMonth.sponsorship.since', { date })}{' '}
              ·{' '}
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(sponsorship.id, { onSuccess: () => setNotice(t('pathway.sponsorship.withdrawn')) })}
              >
                {t('pathway.sponsorship.withdraw')}
              </button>
            </p>
            <blockquote className="statement">{sponsorship.statement}</blockquote>
          </div>
        );
      })}
      {free.length > 0 && (
        <SponsorForm
          key={free.map((community) => community.id).join()}
          participationId={participationId}
          candidates={free}
          onDone={() => setNotice(t('pathway.sponsorship.done'))}
        />
      )}
    </section>
  );
}

function SponsorForm({
  participationId,
  candidates,
  onDone,
}: {
  participationId: string;
  candidates: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const sponsor = useSponsor(participationId);
  const [communityId, setCommunityId] = useState(candidates[0]?.id ?? '');
  const [statement, setStatement] = useState('');
  const [statementError, setStatementError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The API wants 10 to 1000 characters: a sentence, not a tick.
    if (statement.trim().length < 10) {
      setStatementError(t('pathway.sponsorship.sentenceRequired'));
      return;
    }
    setStatementError(undefined);
    // Not `mutate`'s callback: the new sponsorship replaces this form before such a callback would run.
    sponsor.mutateAsync({ communityId, statement: statement.trim() }).then(onDone, () => undefined);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('pathway.sponsorship.submit')}>
      {sponsor.error && (
        <p role="alert" className="alert alert-error">
          {errorText(t, sponsor.error, { feature: 'pathway' })}
        </p>
      )}
      {candidates.length > 1 && (
        <FormField label={t('pathway.sponsorship.sponsorAs')}>
          <select name="communityId" value={communityId} onChange={(e) => setCommunityId(e.target.value)}>
            {candidates.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField label={t('pathway.sponsorship.sentence')} error={statementError}>
        <textarea name="statement" rows={3} maxLength={1000} value={statement} onChange={(e) => setStatement(e.target.value)} data-testid="sponsor-statement" />
      </FormField>
      <div className="actions">
        <button type="submit" className="button" disabled={sponsor.isPending} data-testid="sponsor-submit">
          {t('pathway.sponsorship.submit')}
        </button>
      </div>
    </form>
  );
}
