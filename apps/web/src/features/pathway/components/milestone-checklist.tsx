import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import type { NextStep, PathwayMilestone, TransparencyField } from '../api/pathway';

function fieldList(t: TFunction, fields: readonly TransparencyField[] | null | undefined): string {
  return (fields ?? []).map((field) => t(`pathway.field.${field}`)).join(', ');
}

const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
function isAttendanceStatus(detail: string | undefined): detail is (typeof ATTENDANCE_STATUSES)[number] {
  return (ATTENDANCE_STATUSES as readonly (string | undefined)[]).includes(detail);
}

/** The figure of one milestone in words, e.g. "5 of 6 meetings, 83 %". */
export function milestoneFigure(t: TFunction, milestone: PathwayMilestone): string {
  const figure = milestone.figure;
  const required = figure.required ?? 0;
  switch (milestone.key) {
    case 'attendanceRate':
      if (figure.rate === null || figure.rate === undefined || !figure.counted) {
        return t('pathway.figure.attendanceRateNone', { required });
      }
      return t('pathway.figure.attendanceRate', {
        attended: figure.attended ?? 0,
        counted: figure.counted ?? 0,
        rate: figure.rate,
        required,
      });
    case 'transparency':
      return figure.missing && figure.missing.length > 0
        ? t('pathway.figure.transparency', { missing: fieldList(t, figure.missing) })
        : t('pathway.figure.transparencyDone');
    default:
      return t(`pathway.figure.${milestone.key}`, { current: figure.current, required });
  }
}

/** One next step in words ("attend 1 more meeting"); the sentence is picked by the count, not by i18next plurals. */
export function nextStepText(t: TFunction, step: NextStep, locale: string): string {
  if (step.key === 'raiseAttendance' && step.count === null) return t('pathway.next.raiseAttendance.unreachable');
  const count = step.count ?? 1;
  const text = t(`pathway.next.${step.key}.${count === 1 ? 'one' : 'many'}`, { count, fields: fieldList(t, step.fields) });
  return step.until ? `${text} ${t('pathway.next.until', { date: formatDate(step.until, locale) })}` : text;
}

/** Every milestone as a checklist: a green tick when met, a grey mark when not, dashed when switched off. */
export function MilestoneChecklist({ milestones }: { milestones: PathwayMilestone[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="pathway-checklist" data-testid="milestones">
      {milestones.map((milestone) => {
        const state = !milestone.enabled ? 'off' : milestone.met ? 'met' : 'unmet';
        return (
          <li key={milestone.key} className="pathway-milestone" data-state={state} data-testid={`milestone-${milestone.key}`}>
            <span className="pathway-mark" aria-hidden="true">
              {state === 'met' ? '✓' : state === 'off' ? '–' : '○'}
            </span>
            <div className="pathway-milestone-body">
              <div className="pathway-milestone-title">{t(`pathway.milestone.${milestone.key}`)}</div>
              <div className="card-meta">
                <strong>{t(state === 'met' ? 'pathway.met' : state === 'off' ? 'pathway.notRequired' : 'pathway.unmet')}</strong>
                {milestone.enabled && <> · {milestoneFigure(t, milestone)}</>}
              </div>
              {milestone.enabled && milestone.evidence.length > 0 && (
                <details>
                  <summary>{t('pathway.evidence')}</summary>
                  <ul>
                    {milestone.evidence.map((item) => (
                      <li key={`${item.kind}-${item.id}`}>
                        {item.kind === 'meeting' ? (
                          <Link to={`/meetings/${item.id}`}>{item.title}</Link>
                        ) : item.kind === 'project' ? (
                          <Link to={`/projects/${item.id}`}>{item.title}</Link>
                        ) : (
                          // A sponsor the reader may not see comes with an empty title.
                          nameOrCommunity(t, item.title, { start: true })
                        )}
                        {item.date && <span className="card-meta"> · {formatDate(item.date, i18n.language)}</span>}
                        {item.kind === 'meeting' && isAttendanceStatus(item.detail) && (
                          <span className="card-meta"> · {t(`meetings.attendance.status.${item.detail}`)}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
