import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useParticipationReviews, useResolveConcern, useRespondToReview, type ParticipationReviews, type Review } from '../api/reviews';
import { NoteForm } from '../../../components/note-form';
import './reviews.css';

/**
 * Officials' reviews of a participation, with the answers of the club and the community. The API
 * decides who sees it (404 for anyone else: the section stays away) and who may answer or resolve.
 */
export function ReviewsSection({ participationId }: { participationId: string }) {
  const reviews = useParticipationReviews(participationId);
  if (!reviews.data) return null;
  const { status, mayReview } = reviews.data;
  // Before a candidacy there is nothing to review: say nothing unless a review exists.
  if (reviews.data.reviews.length === 0 && status !== 'candidate' && !mayReview) return null;
  return <ReviewList data={reviews.data} />;
}

function ReviewList({ data }: { data: ParticipationReviews }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={`reviews-${data.participationId}`} data-testid="reviews-section">
      <h2 id={`reviews-${data.participationId}`}>{t('reviews.section.title')}</h2>
      {data.reviews.length === 0 ? (
        <p className="empty">{t('reviews.section.empty')}</p>
      ) : (
        <ul className="review-list">
          {data.reviews.map((review) => (
            <ReviewItem key={review.id} review={review} mayRespond={data.mayRespond} mayResolve={data.mayResolve} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({ review, mayRespond, mayResolve }: { review: Review; mayRespond: boolean; mayResolve: boolean }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const concern = review.verdict === 'concern';
  return (
    <li className="review-item" data-testid="review-item" data-verdict={review.verdict} data-open={review.open ? 'true' : 'false'}>
      <p className="review-head">
        <strong className="review-verdict">{t(`reviews.verdict.${review.verdict}`)}</strong>
        {concern && <span className="review-state">{review.open ? t('reviews.section.openConcern') : t('reviews.section.resolvedConcern')}</span>}
        <span className="card-meta">
          {review.officialName} · {when(review.createdAt)}
        </span>
      </p>
      <blockquote className="statement">{review.text}</blockquote>
      {review.resolvedAt && (
        <div className="review-resolution" data-testid="review-resolution">
          <p className="card-meta">{t('reviews.section.resolved', { name: review.resolvedByName, date: when(review.resolvedAt) })}</p>
          <blockquote className="statement">{review.resolution}</blockquote>
        </div>
      )}
      {review.responses.length > 0 && (
        <div>
          <h3 className="review-responses-title">{t('reviews.section.responses')}</h3>
          <ul className="review-responses">
            {review.responses.map((response) => (
              <li key={response.id} data-testid="review-response" data-role={response.authorRole}>
                <p className="card-meta">
                  {t(`reviews.section.authorRole.${response.authorRole}`)} · {nameOrCommunity(t, response.authorName)} ·{' '}
                  {when(response.createdAt)}
                </p>
                <p>{response.text}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {mayRespond && <RespondForm reviewId={review.id} />}
      {mayResolve && review.open && <ResolveForm reviewId={review.id} />}
    </li>
  );
}

function RespondForm({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const respond = useRespondToReview(reviewId);
  const [done, setDone] = useState(false);
  return (
    <>
      {done && (
        <p role="status" className="alert alert-success">
          {t('reviews.section.responded')}
        </p>
      )}
      <NoteForm
        label={t('reviews.section.respond')}
        hint={t('reviews.section.respondHint')}
        submitLabel={t('reviews.section.respondSubmit')}
        pending={respond.isPending}
        error={respond.error}
        feature="reviews"
        tooShortText={t('reviews.textTooShort')}
        onSubmit={async (text) => {
          setDone(false);
          await respond.mutateAsync(text);
          setDone(true);
        }}
        testIds={{ text: 'review-response-text', submit: 'review-response-submit' }}
      />
    </>
  );
}

function ResolveForm({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const resolve = useResolveConcern(reviewId);
  return (
    <NoteForm
      label={t('reviews.section.resolution')}
      hint={t('reviews.form.textHint')}
      submitLabel={t('reviews.section.resolveSubmit')}
      pending={resolve.isPending}
      error={resolve.error}
      feature="reviews"
      tooShortText={t('reviews.textTooShort')}
      onSubmit={(text) => resolve.mutateAsync(text)}
      testIds={{ text: 'review-resolution-text', submit: 'review-resolve-submit' }}
    />
  );
}
