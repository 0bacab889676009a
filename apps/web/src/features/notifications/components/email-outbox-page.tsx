import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { OUTBOX_STATUSES, useEmailOutbox, type EmailOutboxMessage, type EmailOutboxStatus } from '../api/notifications';
import './notifications.css';

/** `/admin/email-outbox`: what the platform emailed or will email (pending until SMTP is configured). */
export function EmailOutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EmailOutboxStatus | undefined>(undefined);
  const outbox = useEmailOutbox(status);

  return (
    <section>
      <PageTitle>{t('notifications.outbox.title')}</PageTitle>
      <p className="lead">{t('notifications.outbox.intro')}</p>
      <label className="field">
        <span className="label">{t('notifications.outbox.filter')}</span>
        <select
          value={status ?? ''}
          onChange={(event) => setStatus((event.target.value || undefined) as EmailOutboxStatus | undefined)}
          data-testid="outbox-status"
        >
          <option value="">{t('notifications.outbox.all')}</option>
          {OUTBOX_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`notifications.outbox.status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <QueryState query={outbox}>
        {(messages) =>
          messages.length === 0 ? (
            <p className="empty">{t('notifications.outbox.empty')}</p>
          ) : (
            <ul className="card-list">
              {messages.map((message) => (
                <OutboxMessage key={message.id} message={message} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

/** A message about a protected community shows whom it went to and what kind it is, never its text (docs/domain.md, P12). */
function OutboxMessage({ message }: { message: EmailOutboxMessage }) {
  const { t, i18n } = useTranslation();
  // `account.<kind>`: an email about the account itself (issue 10); otherwise a notification kind.
  const kindLabel = (kind: string) =>
    kind.startsWith('account.')
      ? t(`account.outboxKind.${kind.slice('account.'.length)}` as 'account.outboxKind.password-reset')
      : t(`notifications.kindLabel.${kind}` as 'notifications.kindLabel.nominated');
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <li className="card" data-testid="outbox-message" data-status={message.status} data-withheld={message.withheld}>
      {message.withheld ? (
        <p className="card-title" data-testid="outbox-withheld">
          {t('notifications.outbox.withheld')}
        </p>
      ) : (
        <p className="card-title">{message.subject}</p>
      )}
      <p className="card-meta">
        {t('notifications.outbox.to')}: {message.to} · <span className="badge">{t(`notifications.outbox.status.${message.status}`)}</span> ·{' '}
        {t('notifications.outbox.attempts', { attempts: message.attempts })}
      </p>
      {message.kind && <p className="card-meta">{t('notifications.outbox.kind', { kind: kindLabel(message.kind) })}</p>}
      <p className="card-meta">
        {t('notifications.outbox.created', { date: date(message.createdAt) })}
        {message.sentAt && <> · {t('notifications.outbox.sent', { date: date(message.sentAt) })}</>}
        {message.status === 'pending' && <> · {t('notifications.outbox.nextAttempt', { date: date(message.nextAttemptAt) })}</>}
      </p>
      {message.lastError && <p className="field-error">{t('notifications.outbox.lastError', { error: message.lastError })}</p>}
      {message.body && (
        <details>
          <summary>{t('notifications.outbox.showBody')}</summary>
          <pre className="prewrap">{message.body}</pre>
        </details>
      )}
    </li>
  );
}
