import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { ApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import type { Project, ProjectStatus } from '../api/projects';
import './projects.css';

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge project-status project-status-${status}`} data-testid="project-status" data-status={status}>
      {t(`projects.status.${status}`)}
    </span>
  );
}

/** The milestones done, as a bar and as words (screen readers get both through the progressbar role). */
export function ProgressBar({ progress }: { progress: { done: number; total: number; percent: number } }) {
  const { t } = useTranslation();
  const percent = Math.max(0, Math.min(100, Math.round(progress.percent)));
  const text = t('projects.milestones.progress', { done: progress.done, total: progress.total, percent });
  return (
    <div className="project-progress">
      <div
        className="project-progress-track"
        role="progressbar"
        aria-label={t('projects.milestones.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="project-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="project-progress-text" data-testid="progress-text">
        {text}
      </span>
    </div>
  );
}

export function DateRange({ from, to }: { from: string; to: string | null }) {
  const { i18n } = useTranslation();
  const start = formatDate(from, i18n.language);
  if (!to || to === from) return <>{start}</>;
  return <>{`${start} – ${formatDate(to, i18n.language)}`}</>;
}

/** A number in the UI language's notation (hours may have decimals). */
export function useFormatNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (value) => format.format(value);
}

/** The feature's own error codes (PROJECT.*, CONTRIBUTION.*) first, then the app's. */
export function projectErrorText(t: TFunction, error: unknown): string {
  // A 409 without a code of ours: someone else changed the project; the mutation refetches it.
  if (error instanceof ApiError && error.status === 409 && !/^(PROJECT|CONTRIBUTION)\./.test(error.code)) return t('projects.actions.conflict');
  return errorText(t, error, { feature: 'projects' });
}

export function ProjectError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="alert alert-error">
      {projectErrorText(t, error)}
    </p>
  );
}

/** Confirmed partners left out of the partner list for privacy: anything but an exact zero. */
export const hasUndisclosedPartners = (project: Project) => project.undisclosed.partners.value !== 0;

/** Only https links become clickable: a report never renders `javascript:` or plain-http URLs as links. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
