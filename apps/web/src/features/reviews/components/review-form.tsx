import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_VERDICTS, useRecordReview, type ReviewVerdict } from '../api/reviews';
import { NoteForm } from '../../../components/note-form';

/** An official records "no objection" or a concern, with a note, on one candidacy. */
export function ReviewForm({ participationId }: { participationId: string }) {
  const { t } = useTranslation();
  const record = useRecordReview(participationId);
  const [verdict, setVerdict] = useState<ReviewVerdict>('no_objection');
  const [recorded, setRecorded] = useState(false);

  return (
    <div className="review-form">
      <h3>{t('reviews.form.title')}</h3>
      {recorded && (
        <p role="status" className="alert alert-success" data-testid="review-recorded">
          {t('reviews.form.recorded')}
        </p>
      )}
      <NoteForm
        label={t('reviews.form.text')}
        hint={t('reviews.form.textHint')}
        submitLabel={t('reviews.form.submit')}
        pending={record.isPending}
        error={record.error}
        feature="reviews"
        tooShortText={t('reviews.textTooShort')}
        onSubmit={async (text) => {
          setRecorded(false);
          await record.mutateAsync({ verdict, text });
          setRecorded(true);
        }}
        testIds={{ text: 'review-text', submit: 'review-submit' }}
      >
        <fieldset className="fieldset">
          <legend>{t('reviews.form.verdict')}</legend>
          <div role="radiogroup" aria-label={t('reviews.form.verdict')} className="segmented">
            {REVIEW_VERDICTS.map((option) => (
              <label key={option} className="segmented-option">
                <input
                  type="radio"
                  name={`verdict-${participationId}`}
                  value={option}
                  checked={verdict === option}
                  onChange={() => setVerdict(option)}
                  data-testid={`review-verdict-${option}`}
                />
                {t(`reviews.verdict.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </NoteForm>
    </div>
  );
}
