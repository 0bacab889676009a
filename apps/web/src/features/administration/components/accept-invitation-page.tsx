import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { useAcceptInvitation, useInvitationPreview } from '../api/administration';
import { AdminError } from './reason-action';

/** `/accept-invitation#<secret>`: the secret stays after `#`, never sent to a server log. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useLocation().hash.replace(/^#/, '');
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const invitation = preview.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ token, password, ...(invitation?.accountExists ? {} : { displayName: displayName.trim() }) });
  };
  if (accept.isSuccess) {
    return (
      <section className="narrow">
        <PageTitle>{t('administration.accept.title')}</PageTitle>
        <p role="status" className="alert alert-success" data-testid="invitation-accepted">
          {t('administration.accept.done')}
        </p>
        {accept.data.secondFactorRequired && <p>{t('administration.accept.secondFactor')}</p>}
        <Link className="button" to="/login">
          {t('administration.accept.logIn')}
        </Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <PageTitle>{t('administration.accept.title')}</PageTitle>
      {!token || preview.isError ? (
        <AdminError error={preview.error ?? new Error('no link')} />
      ) : !invitation ? (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" />
        </p>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate data-testid="accept-form">
          <p>{t('administration.accept.intro', { role: t(`administration.roles.${invitation.role}`) })}</p>
          {(invitation.clubName || invitation.communityName || invitation.region) && (
            <p>{t('administration.accept.scope', { scope: invitation.clubName ?? invitation.communityName ?? invitation.region })}</p>
          )}
          <FormField label={t('administration.accept.email')}>
            <input type="email" autoComplete="username" value={invitation.email} readOnly />
          </FormField>
          {invitation.accountExists ? (
            <p>{t('administration.accept.existing')}</p>
          ) : (
            <FormField label={t('administration.accept.name')}>
              <input autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="accept-name" />
            </FormField>
          )}
          <FormField
            label={t(invitation.accountExists ? 'administration.accept.currentPassword' : 'administration.accept.password')}
            hint={invitation.accountExists ? undefined : t('administration.accept.passwordHint')}
          >
            <input
              type="password"
              autoComplete={invitation.accountExists ? 'current-password' : 'new-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="accept-password"
            />
          </FormField>
          <AdminError error={accept.error} />
          <button type="submit" className="button" disabled={accept.isPending || !password} data-testid="accept-submit">
            {t('administration.accept.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
