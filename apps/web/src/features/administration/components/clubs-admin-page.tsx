import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '@dastarkhan/api-client';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { MoreButton } from '../../../components/more-button';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { emptyText, LocalizedFields, trimText, validateText } from '../../admin/components/localized-fields';
import type { LocalizedText } from '../../admin/api/admin';
import { useAllCities, useArchiveClub, useCreateCity, useCreateClub, useRestoreClub, useUpdateClub } from '../api/administration';
import { useClubPages } from '../../clubs/api/club';
import { AdministrationNav } from './administration-nav';
import { AdminError, ReasonAction } from './reason-action';

type Club = Schemas['ClubSummaryDto'];

/** `/admin/clubs`: the secretariat adds cities and opens, edits, archives and restores clubs. */
export function ClubsAdminPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const cities = useAllCities();
  const [search, setSearch] = useState('');
  const clubs = useClubPages({ search });
  return (
    <section>
      <AdministrationNav />
      <PageTitle>{t('administration.clubs.title')}</PageTitle>
      <QueryState query={cities}>
        {(cityList) => (
          <>
            <h2>{t('administration.clubs.clubs')}</h2>
            <ClubForm cities={cityList} />
            <FormField label={t('search.club.find')}>
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('search.club.placeholder')} data-testid="admin-clubs-search" />
            </FormField>
            <QueryState query={clubs}>
              {(pages) => (
                <>
                  <ul className="plain-list admin-list" data-testid="admin-clubs">
                    {pages.pages
                      .flatMap((page) => page.items)
                      .map((club) => (
                        <ClubRow key={`${club.id}:${club.version}`} club={club} cities={cityList} />
                      ))}
                  </ul>
                  <MoreButton query={clubs} label={t('search.club.more')} data-testid="more-clubs" />
                </>
              )}
            </QueryState>
            <h2>{t('administration.clubs.cities')}</h2>
            <ul className="plain-list">
              {cityList.map((city) => (
                <li key={city.id}>
                  {localized(city.name)} · {localized(city.region)} <code>{city.regionCode}</code>
                </li>
              ))}
            </ul>
            <CityForm />
          </>
        )}
      </QueryState>
    </section>
  );
}

function CityForm() {
  const { t } = useTranslation();
  const create = useCreateCity();
  const [slug, setSlug] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [name, setName] = useState<LocalizedText>(emptyText);
  const [region, setRegion] = useState<LocalizedText>(emptyText);
  const [errors, setErrors] = useState<{ name?: Partial<Record<keyof LocalizedText, string>>; region?: Partial<Record<keyof LocalizedText, string>> }>({});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { name: validateText(name, t('fieldErrors.required')), region: validateText(region, t('fieldErrors.required')) };
    setErrors(found);
    if (Object.keys(found.name).length || Object.keys(found.region).length) return;
    create.mutate(
      { slug: slug.trim(), regionCode: regionCode.trim(), name: trimText(name), region: trimText(region) },
      {
        onSuccess: () => {
          setSlug('');
          setRegionCode('');
          setName(emptyText);
          setRegion(emptyText);
        },
      },
    );
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="new-city" data-testid="city-form">
      <h3 id="new-city">{t('administration.clubs.addCity')}</h3>
      <FormField label={t('administration.clubs.slug')} hint={t('administration.clubs.slugHint')}>
        <input value={slug} onChange={(e) => setSlug(e.target.value)} data-testid="city-slug" />
      </FormField>
      <p>{t('administration.clubs.cityName')}</p>
      <LocalizedFields value={name} onChange={setName} errors={errors.name} />
      <FormField label={t('administration.clubs.regionCode')} hint={t('administration.clubs.regionCodeHint')}>
        <input value={regionCode} onChange={(e) => setRegionCode(e.target.value)} data-testid="city-region-code" />
      </FormField>
      <p>{t('administration.clubs.regionName')}</p>
      <div data-testid="city-region">
        <LocalizedFields value={region} onChange={setRegion} errors={errors.region} />
      </div>
      <AdminError error={create.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending} data-testid="city-create">
          {t('administration.clubs.addCity')}
        </button>
      </div>
    </form>
  );
}

interface ClubFields {
  cityId: string;
  names: LocalizedText;
  descriptions: LocalizedText;
  meetingPlace: string;
}

/** Opens a club, or edits one (`club` given). */
function ClubForm({ cities, club, onDone }: { cities: Schemas['CityDto'][]; club?: Club; onDone?: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const create = useCreateClub();
  const update = useUpdateClub();
  const initial: ClubFields = club
    ? { cityId: club.cityId, names: club.names, descriptions: club.descriptions, meetingPlace: club.meetingPlace }
    : { cityId: '', names: emptyText, descriptions: emptyText, meetingPlace: '' };
  const [fields, setFields] = useState<ClubFields>(initial);
  const [errors, setErrors] = useState<{ cityId?: string; names?: Partial<Record<keyof LocalizedText, string>> }>({});
  const mutation = club ? update : create;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { cityId: fields.cityId ? undefined : t('fieldErrors.required'), names: validateText(fields.names, t('fieldErrors.required')) };
    setErrors(found);
    if (found.cityId || Object.keys(found.names).length) return;
    const body = { cityId: fields.cityId, names: trimText(fields.names), descriptions: trimText(fields.descriptions), meetingPlace: fields.meetingPlace.trim() };
    const reset = () => {
      if (!club) setFields(initial);
      onDone?.();
    };
    if (club) update.mutate({ clubId: club.id, version: club.version, ...body }, { onSuccess: reset });
    else create.mutate(body, { onSuccess: reset });
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid={club ? 'club-edit-form' : 'club-form'}>
      {!club && <h3>{t('administration.clubs.addClub')}</h3>}
      <FormField label={t('administration.clubs.city')} error={errors.cityId}>
        <select value={fields.cityId} onChange={(e) => setFields({ ...fields, cityId: e.target.value })} data-testid="club-city">
          <option value="">{t('common.choose')}</option>
          {cities.map((city) => (
            <option key={city.id} value={city.id}>
              {localized(city.name)}
            </option>
          ))}
        </select>
      </FormField>
      <p>{t('administration.clubs.clubName')}</p>
      <LocalizedFields value={fields.names} onChange={(names) => setFields({ ...fields, names })} errors={errors.names} />
      <p>{t('administration.clubs.description')}</p>
      <div className="field-row field-row-3">
        {(['kk', 'ru', 'en'] as const).map((locale) => (
          <FormField key={locale} label={t('admin.nameIn', { language: t(`language.${locale}`) })}>
            <textarea
              lang={locale}
              rows={3}
              maxLength={2000}
              value={fields.descriptions[locale]}
              onChange={(e) => setFields({ ...fields, descriptions: { ...fields.descriptions, [locale]: e.target.value } })}
              data-testid={`club-description-${locale}`}
            />
          </FormField>
        ))}
      </div>
      <FormField label={t('administration.clubs.meetingPlace')}>
        <input value={fields.meetingPlace} maxLength={300} onChange={(e) => setFields({ ...fields, meetingPlace: e.target.value })} data-testid="club-meeting-place" />
      </FormField>
      <AdminError error={mutation.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={mutation.isPending} data-testid={club ? 'club-save' : 'club-create'}>
          {club ? t('common.save') : t('administration.clubs.addClub')}
        </button>
        {club && (
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function ClubRow({ club, cities }: { club: Club; cities: Schemas['CityDto'][] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const archive = useArchiveClub();
  const restore = useRestoreClub();
  const [editing, setEditing] = useState(false);
  return (
    <li className={`card admin-row${club.archived ? ' archived' : ''}`} data-testid={`admin-club-${club.names.en}`}>
      <div className="admin-row-head">
        <Link to={`/clubs/${club.id}`} className="participant-name">
          {localized(club.names)}
        </Link>
        <span className="card-meta">{localized(club.city.name)}</span>
        {club.archived && <span className="badge badge-status-withdrawn">{t('administration.clubs.archived')}</span>}
      </div>
      {editing ? (
        <ClubForm cities={cities} club={club} onDone={() => setEditing(false)} />
      ) : (
        <div className="actions">
          <Link className="button button-small button-secondary" to={`/clubs/${club.id}/people`}>
            {t('administration.clubs.people')}
          </Link>
          {club.archived ? (
            <button type="button" className="button button-small button-secondary" onClick={() => restore.mutate({ clubId: club.id, version: club.version })} disabled={restore.isPending}>
              {t('administration.clubs.restore')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)} data-testid="club-edit">
                {t('admin.edit')}
              </button>
              <ReasonAction
                label={t('administration.clubs.archive')}
                question={t('administration.clubs.archiveQuestion')}
                testId="club-archive"
                busy={archive.isPending}
                error={archive.error}
                onConfirm={(reason, done) => archive.mutate({ clubId: club.id, reason, version: club.version }, { onSuccess: done })}
              />
            </>
          )}
          <AdminError error={restore.error} />
        </div>
      )}
    </li>
  );
}
