import type { ParticipationStatus } from '@dastarkhan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { useClubSummary, useSponsor, useWithdrawSponsorship, type Sponsorship } from '../api/pathway';


interface SponsorshipSectionProps {
  participationId: string;
  clubId: string;
  communityId: string;
  status: ParticipationStatus;
}

/**
 * A representative of a member community of the same club sponsors an observer with a sentence, and
 * can withdraw it. (The live sponsors are listed as the evidence of the "sponsors" milestone.)
 */
export function SponsorshipSection({ participationId, clubId, communityId, status }: SponsorshipSectionProps) {
  const { t } = useTranslation();
  const me = useMe();
  const club = useClubSummary(clubId);
  const withdraw = useWithdrawSponsorship();
  const [mine, setMine] = useState<Sponsorship | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const represented = new Set(representedCommunityIds(me.data));
  const candidates = (club.data?.viewerParticipations ?? [])
    .filter((p) => p.status === 'member' && p.community.id !== communityId && represented.has(p.community.id))
    .map((p) => p.community);
  if (status !== 'observer' || (candidates.length === 0 && !mine)) return null;

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
      {mine ? (
        <div data-testid="sponsorship">
          <strong>{mine.sponsorCommunity.name}</strong>
          <blockquote className="statement">{mine.statement}</blockquote>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(mine.id, {
                onSuccess: () => {
                  setMine(null);
                  setNotice(t('pathway.sponsorship.withdrawn'));
                },
              })
            }
          >
            {t('pathway.sponsorship.withdraw')}
          </button>
        </div>
      ) : (
        <SponsorForm
          participationId={participationId}
          candidates={candidates}
          onDone={(sponsorship) => {
            setMine(sponsorship);
            setNotice(t('pathway.sponsorship.done'));
          }}
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
  onDone: (sponsorship: Sponsorship) => void;
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
    sponsor.mutate({ communityId, statement: statement.trim() }, { onSuccess: onDone });
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
