import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { formatDate } from '../../../lib/format';
import type { OutcomeReport, Project, ProjectMutations } from '../api/projects';
import { isHttpsUrl, useFormatNumber } from './project-parts';

/** What the project achieved: the summary, its figures and links to photos. */
export function OutcomeReportView({ outcome }: { outcome: OutcomeReport }) {
  const { t, i18n } = useTranslation();
  const number = useFormatNumber();
  const photos = outcome.photoLinks.filter(isHttpsUrl);
  return (
    <section className="card" aria-labelledby="outcome-title" data-testid="outcome-report">
      <h2 id="outcome-title">{t('projects.outcome.title')}</h2>
      <p className="card-meta">{t('projects.outcome.completedOn', { date: formatDate(outcome.completedAt, i18n.language) })}</p>
      <p className="statement">{outcome.summary}</p>
      {outcome.figures.length > 0 && (
        <dl className="figures" aria-label={t('projects.outcome.figures')}>
          {outcome.figures.map((figure, index) => (
            <div key={`${index}-${figure.label}`}>
              <dt>{figure.label}</dt>
              <dd>{number(figure.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {photos.length > 0 && (
        <>
          <h3>{t('projects.outcome.photos')}</h3>
          <ul className="photo-links">
            {photos.map((link, index) => (
              <li key={link}>
                <a href={link} target="_blank" rel="noopener noreferrer nofollow">
                  {t('projects.outcome.photo', { n: index + 1 })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface FigureRow {
  label: string;
  value: string;
}

interface CompleteFormProps {
  project: Project;
  mutation: ProjectMutations['complete'];
  onCompleted: () => void;
  onBack: () => void;
}

/** Closing a project: the outcome report (summary, figures such as bags of litter, photo links). */
export function CompleteForm({ project, mutation, onCompleted, onBack }: CompleteFormProps) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const [figures, setFigures] = useState<FigureRow[]>([{ label: '', value: '' }]);
  const [photos, setPhotos] = useState<string[]>(['']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pendingContributions = project.ledger.some((line) => line.latest?.status === 'pending');

  const setFigure = (index: number, field: keyof FigureRow, value: string) =>
    setFigures((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const text = summary.trim();
    if (text.length < 10 || text.length > 5000) found.summary = t('projects.validation.summaryLength');
    // A row left entirely empty is ignored; a half-filled one is an error.
    const filledFigures = figures.map((row, index) => ({ ...row, index })).filter((row) => row.label.trim() || row.value.trim());
    for (const row of filledFigures) {
      if (!row.label.trim() || row.label.trim().length > 100) found[`figure-label-${row.index}`] = t('projects.validation.figureLabel');
      const value = Number(row.value.trim().replace(',', '.'));
      if (!row.value.trim() || !Number.isFinite(value) || value < 0) found[`figure-value-${row.index}`] = t('projects.validation.figureValue');
    }
    const filledPhotos = photos.map((link, index) => ({ link: link.trim(), index })).filter((row) => row.link);
    for (const row of filledPhotos) {
      if (!isHttpsUrl(row.link)) found[`photo-${row.index}`] = t('projects.validation.httpsUrl');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(
      {
        version: project.version,
        summary: text,
        figures: filledFigures.map((row) => ({ label: row.label.trim(), value: Number(row.value.trim().replace(',', '.')) })),
        photoLinks: filledPhotos.map((row) => row.link),
      },
      { onSuccess: onCompleted },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('projects.outcome.formTitle')} data-testid="complete-form">
      <h3>{t('projects.outcome.formTitle')}</h3>
      {pendingContributions && (
        <p className="alert alert-warning" data-testid="pending-contributions">
          {t('projects.outcome.pendingFirst')}
        </p>
      )}
      <FormField label={t('projects.outcome.summary')} hint={t('projects.outcome.summaryHint')} error={errors.summary}>
        <textarea name="summary" rows={4} value={summary} maxLength={5000} onChange={(e) => setSummary(e.target.value)} data-testid="outcome-summary" />
      </FormField>
      <fieldset className="fieldset">
        <legend>{t('projects.outcome.figures')}</legend>
        {figures.map((row, index) => (
          <div key={index} className="repeat-row">
            <FormField label={t('projects.outcome.figureLabel', { n: index + 1 })} hint={index === 0 ? t('projects.outcome.figureLabelHint') : undefined} error={errors[`figure-label-${index}`]}>
              <input name={`figureLabel${index}`} value={row.label} maxLength={100} onChange={(e) => setFigure(index, 'label', e.target.value)} data-testid={`figure-label-${index}`} />
            </FormField>
            <FormField label={t('projects.outcome.figureValue', { n: index + 1 })} error={errors[`figure-value-${index}`]}>
              <input name={`figureValue${index}`} inputMode="decimal" value={row.value} onChange={(e) => setFigure(index, 'value', e.target.value)} data-testid={`figure-value-${index}`} />
            </FormField>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setFigures((rows) => rows.filter((_, i) => i !== index))}
              aria-label={t('projects.outcome.removeFigure', { n: index + 1 })}
            >
              ×
            </button>
          </div>
        ))}
        {figures.length < 30 && (
          <button type="button" className="button button-small button-secondary" onClick={() => setFigures((rows) => [...rows, { label: '', value: '' }])} data-testid="add-figure">
            {t('projects.outcome.addFigure')}
          </button>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('projects.outcome.photos')}</legend>
        <p className="field-hint">{t('projects.outcome.photosHint')}</p>
        {photos.map((link, index) => (
          <div key={index} className="repeat-row repeat-row-single">
            <FormField label={t('projects.outcome.photoLink', { n: index + 1 })} error={errors[`photo-${index}`]}>
              <input
                name={`photoLink${index}`}
                type="url"
                inputMode="url"
                placeholder="https://"
                value={link}
                onChange={(e) => setPhotos((rows) => rows.map((row, i) => (i === index ? e.target.value : row)))}
                data-testid={`photo-link-${index}`}
              />
            </FormField>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setPhotos((rows) => rows.filter((_, i) => i !== index))}
              aria-label={t('projects.outcome.removePhoto', { n: index + 1 })}
            >
              ×
            </button>
          </div>
        ))}
        {photos.length < 30 && (
          <button type="button" className="button button-small button-secondary" onClick={() => setPhotos((rows) => [...rows, ''])} data-testid="add-photo">
            {t('projects.outcome.addPhoto')}
          </button>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={mutation.isPending} data-testid="outcome-submit">
          {t('projects.outcome.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('projects.actions.back')}
        </button>
      </div>
    </form>
  );
}
