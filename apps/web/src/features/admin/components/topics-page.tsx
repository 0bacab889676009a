import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { isApiError } from '../../../lib/api-error';
import { useLocalized } from '../../../lib/localized';
import { useAllTopics, useCreateTopic, useUpdateTopic, type LocalizedText, type Topic } from '../api/admin';
import { AdminNav } from './admin-nav';
import { emptyText, LocalizedFields, trimText, validateText } from './localized-fields';

export function TopicsPage() {
  const { t } = useTranslation();
  const topics = useAllTopics();
  return (
    <section>
      <AdminNav />
      <PageTitle>{t('admin.topics.title')}</PageTitle>
      <p className="lead">{t('admin.topics.intro')}</p>
      <NewTopic />
      <QueryState query={topics}>
        {(list) => (
          <ul className="plain-list admin-list">
            {[...list]
              .sort((a, b) => Number(a.archived) - Number(b.archived) || a.code.localeCompare(b.code))
              .map((topic) => (
                <TopicRow key={`${topic.id}:${JSON.stringify(topic.name)}:${topic.archived}`} topic={topic} />
              ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function NewTopic() {
  const { t } = useTranslation();
  const create = useCreateTopic();
  const [code, setCode] = useState('');
  const [name, setName] = useState<LocalizedText>(emptyText);
  const [errors, setErrors] = useState<{ code?: string; name?: Partial<Record<keyof LocalizedText, string>> }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nameErrors = validateText(name, t('fieldErrors.required'));
    const codeError = /^[a-z][a-z0-9_]*$/.test(code.trim()) ? undefined : t('fieldErrors.snake_case');
    setErrors({ code: codeError, name: nameErrors });
    if (codeError || Object.keys(nameErrors).length) return;
    create.mutate(
      { code: code.trim(), name: trimText(name) },
      {
        onSuccess: () => {
          setCode('');
          setName(emptyText);
        },
        onError: (error) => {
          if (isApiError(error, 400) && error.fields.code) setErrors({ code: fieldErrorText(t, error.fields.code) });
        },
      },
    );
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="new-topic">
      <h2 id="new-topic">{t('admin.topics.add')}</h2>
      <FormField label={t('admin.topics.code')} hint={t('admin.topics.codeHint')} error={errors.code}>
        <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="topic-code" />
      </FormField>
      <LocalizedFields value={name} onChange={setName} errors={errors.name} />
      {create.error && <ErrorMessage error={create.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending} data-testid="topic-create">
          {t('admin.topics.addButton')}
        </button>
      </div>
    </form>
  );
}

function TopicRow({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const update = useUpdateTopic();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState<LocalizedText>(topic.name);
  const [errors, setErrors] = useState<Partial<Record<keyof LocalizedText, string>>>({});

  const save = () => {
    const found = validateText(name, t('fieldErrors.required'));
    setErrors(found);
    if (Object.keys(found).length) return;
    update.mutate({ id: topic.id, version: topic.version, name: trimText(name) }, { onSuccess: () => setEditing(false) });
  };
  return (
    <li className={`card admin-row${topic.archived ? ' archived' : ''}`} data-testid={`topic-${topic.code}`}>
      <div className="admin-row-head">
        <span className="participant-name">{localized(topic.name)}</span>
        {topic.archived && <span className="badge badge-status-withdrawn">{t('admin.topics.archived')}</span>}
      </div>
      {editing ? (
        <div className="form">
          <LocalizedFields value={name} onChange={setName} errors={errors} />
          <div className="actions">
            <button type="button" className="button button-small" onClick={save} disabled={update.isPending}>
              {t('common.save')}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
            {t('admin.edit')}
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: topic.id, version: topic.version, archived: !topic.archived })}
            data-testid="topic-archive"
          >
            {topic.archived ? t('admin.topics.restore') : t('admin.topics.archive')}
          </button>
        </div>
      )}
      {update.error && <ErrorMessage error={update.error} />}
    </li>
  );
}
