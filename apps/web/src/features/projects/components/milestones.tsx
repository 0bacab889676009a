import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { formatDate } from '../../../lib/format';
import { useProjectMutations, type Milestone, type Project } from '../api/projects';
import { ProgressBar, ProjectError } from './project-parts';

/** Milestones with due dates and a progress bar; a coordinator adds them and ticks them off. */
export function Milestones({ project }: { project: Project }) {
  const { t } = useTranslation();
  const editable = project.viewerIsCoordinator && (project.status === 'proposed' || project.status === 'active');
  const { updateMilestone, deleteMilestone } = useProjectMutations(project.id);
  const ordered = [...project.milestones].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  if (!editable && project.milestones.length === 0) return null;

  return (
    <section className="card" aria-labelledby="milestones-title" data-testid="milestones">
      <h2 id="milestones-title">{t('projects.milestones.title')}</h2>
      <ProgressBar progress={project.progress} />
      <ProjectError error={updateMilestone.error ?? deleteMilestone.error} />
      {ordered.length === 0 ? (
        <p className="empty">{t('projects.milestones.empty')}</p>
      ) : (
        <ul className="plain-list">
          {ordered.map((milestone) => (
            <MilestoneRow
              key={milestone.id}
              milestone={milestone}
              // The tick shows at once; the project (and its progress) reloads before the mutation settles.
              checked={updateMilestone.isPending && updateMilestone.variables?.milestoneId === milestone.id ? !!updateMilestone.variables.done : milestone.done}
              editable={editable}
              busy={updateMilestone.isPending || deleteMilestone.isPending}
              onToggle={() => updateMilestone.mutate({ milestoneId: milestone.id, done: !milestone.done, version: milestone.version })}
              onRemove={() => deleteMilestone.mutate(milestone.id)}
            />
          ))}
        </ul>
      )}
      {editable && <AddMilestone project={project} />}
    </section>
  );
}

interface MilestoneRowProps {
  milestone: Milestone;
  checked: boolean;
  editable: boolean;
  busy: boolean;
  onToggle: () => void;
  onRemove: () => void;
}

function MilestoneRow({ milestone, checked, editable, busy, onToggle, onRemove }: MilestoneRowProps) {
  const { t, i18n } = useTranslation();
  const id = `milestone-${milestone.id}`;
  return (
    <li className={`milestone${milestone.done ? ' milestone-done' : ''}`} data-testid={`milestone-${milestone.title}`}>
      {editable ? (
        <>
          <input id={id} type="checkbox" checked={checked} onChange={onToggle} disabled={busy} />
          <label htmlFor={id} className="milestone-title">
            {milestone.title}
          </label>
        </>
      ) : (
        <>
          <span aria-hidden="true">{milestone.done ? '✓' : '○'}</span>
          <span className="milestone-title">{milestone.title}</span>
          <span className="project-sr-only">{t(milestone.done ? 'projects.milestones.done' : 'projects.milestones.notDone')}</span>
        </>
      )}
      {milestone.done && milestone.doneAt ? (
        <span className="card-meta">{t('projects.milestones.doneOn', { date: formatDate(milestone.doneAt, i18n.language) })}</span>
      ) : (
        milestone.dueOn && <span className="card-meta">{t('projects.milestones.due', { date: formatDate(milestone.dueOn, i18n.language) })}</span>
      )}
      {milestone.overdue && !milestone.done && <span className="milestone-overdue">{t('projects.milestones.overdue')}</span>}
      {editable && (
        <button type="button" className="button button-small button-secondary" onClick={onRemove} disabled={busy} aria-label={t('projects.milestones.remove', { title: milestone.title })}>
          ×
        </button>
      )}
    </li>
  );
}

function AddMilestone({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { addMilestone } = useProjectMutations(project.id);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('projects.validation.required'));
      return;
    }
    addMilestone.mutate(
      { title: title.trim(), ...(dueOn ? { dueOn } : {}) },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('projects.milestones.add')}>
      <ProjectError error={addMilestone.error} />
      <div className="field-row">
        <FormField label={t('projects.milestones.titleField')} error={error}>
          <input
            name="milestoneTitle"
            value={title}
            maxLength={200}
            onChange={(e) => {
              setTitle(e.target.value);
              setError(undefined);
            }}
          />
        </FormField>
        <FormField label={t('projects.milestones.dueOn')}>
          <input name="milestoneDueOn" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </FormField>
      </div>
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={addMilestone.isPending} data-testid="milestone-add">
          {t('projects.milestones.add')}
        </button>
      </div>
    </form>
  );
}
