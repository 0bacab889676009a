import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { isApiError } from '../../../lib/api-error';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { useMyCommunities } from '../../../lib/my-communities';
import {
  PROJECT_CATEGORIES,
  useClub,
  useProposeProject,
  type Club,
  type ProjectCategory,
  type ProjectVisibility,
  type ProposeProjectInput,
} from '../api/projects';
import { eligibleCommunityIds } from './club-projects-page';
import { ProjectError } from './project-parts';
import { useClubText } from '../../clubs/club-text';

interface ProposeValues {
  communityId: string;
  title: string;
  description: string;
  category: ProjectCategory | '';
  startsOn: string;
  endsOn: string;
  visibility: ProjectVisibility;
}
type ProposeErrors = Partial<Record<keyof ProposeValues, string>>;

export function ProposeProjectPage() {
  const { clubId = '' } = useParams();
  const { t } = useTranslation();
  const club = useClub(clubId);
  const clubText = useClubText();
  return (
    <section className="narrow">
      <p className="breadcrumb">
        <Link to={`/clubs/${clubId}/projects`}>{t('projects.title')}</Link>
      </p>
      <PageTitle subtitle={club.data && clubText.name(club.data)}>{t('projects.propose.title')}</PageTitle>
      <QueryState query={club}>{(found) => <ProposeForm club={found} />}</QueryState>
    </section>
  );
}

function ProposeForm({ club }: { club: Club }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const myCommunities = useMyCommunities();
  const propose = useProposeProject(club.id);
  const eligible = eligibleCommunityIds(club, representedCommunityIds(me.data));
  const [values, setValues] = useState<ProposeValues>({
    communityId: eligible[0] ?? '',
    title: '',
    description: '',
    category: '',
    startsOn: '',
    endsOn: '',
    visibility: 'public',
  });
  const [errors, setErrors] = useState<ProposeErrors>({});

  if (eligible.length === 0) {
    return (
      <p role="alert" className="alert alert-info">
        {t('projects.propose.notEligible')}
      </p>
    );
  }

  const set = <K extends keyof ProposeValues>(field: K, value: ProposeValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const communityName = (id: string) =>
    club.viewerParticipations.find((p) => p.community.id === id)?.community.name ?? myCommunities.data?.find((c) => c.id === id)?.name ?? id;

  const validate = (): ProposeErrors => {
    const found: ProposeErrors = {};
    const title = values.title.trim();
    const description = values.description.trim();
    if (title.length < 3 || title.length > 200) found.title = t('projects.validation.titleLength');
    if (description.length < 10 || description.length > 5000) found.description = t('projects.validation.descriptionLength');
    if (!values.category) found.category = t('projects.validation.required');
    if (!values.startsOn) found.startsOn = t('projects.validation.required');
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) found.endsOn = t('projects.validation.endsBeforeStart');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const body: ProposeProjectInput = {
      communityId: values.communityId,
      title: values.title.trim(),
      description: values.description.trim(),
      category: values.category as ProjectCategory,
      startsOn: values.startsOn,
      visibility: values.visibility,
      ...(values.endsOn ? { endsOn: values.endsOn } : {}),
    };
    propose.mutate(body, {
      onSuccess: (project) => void navigate(`/projects/${project.id}`, { state: { proposed: true } }),
      onError: (error) => {
        if (isApiError(error, 400)) setErrors((current) => ({ ...current, ...apiFieldErrors(error.fields, (value) => fieldErrorText(t, value)) }));
      },
    });
  };

  return (
    <form className="form card" onSubmit={submit} noValidate>
      <ProjectError error={propose.error} />
      {eligible.length > 1 && (
        <FormField label={t('projects.propose.community')}>
          <select name="communityId" value={values.communityId} onChange={(e) => set('communityId', e.target.value)}>
            {eligible.map((id) => (
              <option key={id} value={id}>
                {communityName(id)}
              </option>
            ))}
          </select>
        </FormField>
      )}
      {eligible.length === 1 && (
        <p className="card-meta">
          {t('projects.propose.community')}: <strong>{communityName(eligible[0])}</strong>
        </p>
      )}
      <FormField label={t('projects.propose.titleField')} hint={t('projects.propose.titleHint')} error={errors.title}>
        <input name="title" value={values.title} onChange={(e) => set('title', e.target.value)} maxLength={200} required />
      </FormField>
      <FormField label={t('projects.propose.description')} hint={t('projects.propose.descriptionHint')} error={errors.description}>
        <textarea name="description" rows={5} value={values.description} onChange={(e) => set('description', e.target.value)} maxLength={5000} required />
      </FormField>
      <FormField label={t('projects.propose.category')} error={errors.category}>
        <select name="category" value={values.category} onChange={(e) => set('category', e.target.value as ProjectCategory)} required>
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {PROJECT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`projects.category.${category}`)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="field-row">
        <FormField label={t('projects.propose.startsOn')} error={errors.startsOn}>
          <input name="startsOn" type="date" value={values.startsOn} onChange={(e) => set('startsOn', e.target.value)} required />
        </FormField>
        <FormField label={t('projects.propose.endsOn')} error={errors.endsOn}>
          <input name="endsOn" type="date" value={values.endsOn} min={values.startsOn || undefined} onChange={(e) => set('endsOn', e.target.value)} />
        </FormField>
      </div>
      <FormField label={t('projects.propose.visibility')} hint={t('projects.visibilityHint')}>
        <select name="visibility" value={values.visibility} onChange={(e) => set('visibility', e.target.value as ProjectVisibility)}>
          <option value="public">{t('projects.visibility.public')}</option>
          <option value="club">{t('projects.visibility.club')}</option>
        </select>
      </FormField>
      <p className="field-hint">{t('projects.propose.sentNote')}</p>
      <button type="submit" className="button" disabled={propose.isPending} data-testid="propose-submit">
        {propose.isPending ? t('common.saving') : t('projects.propose.submit')}
      </button>
    </form>
  );
}

/** The API names invalid fields in English; show our own short message under each one it names. */
function apiFieldErrors(fields: Record<string, string>, translate: (value: string) => string | undefined): ProposeErrors {
  const known: string[] = ['title', 'description', 'category', 'startsOn', 'endsOn', 'visibility', 'communityId'];
  return Object.fromEntries(Object.entries(fields).filter(([field]) => known.includes(field)).map(([field, value]) => [field, translate(value)]));
}
