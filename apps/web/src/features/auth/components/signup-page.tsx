import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CommunityProfileFields,
  communityProfileErrorsFromApi,
  emptyCommunityProfile,
  toCommunityProfile,
  validateCommunityProfile,
  type CommunityProfileErrors,
  type CommunityProfileValues,
} from '../../../components/community-profile-fields';
import { errorText, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-error';
import { isLocale } from '../../../lib/i18n';
import { useSignup } from '../../account/api/account';

const MIN_PASSWORD_LENGTH = 12;

interface AccountValues {
  displayName: string;
  email: string;
  password: string;
}
type AccountErrors = Partial<Record<keyof AccountValues, string>>;

function validateAccount(values: AccountValues): AccountErrors {
  const errors: AccountErrors = {};
  if (!values.displayName.trim()) errors.displayName = 'required';
  else if (values.displayName.trim().length < 2) errors.displayName = 'min_2_chars';
  if (!values.email.trim()) errors.email = 'required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'email';
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = 'password_too_short';
  return errors;
}

export function SignupPage() {
  const { t, i18n } = useTranslation();
  const signup = useSignup();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [account, setAccount] = useState<AccountValues>({ displayName: '', email: '', password: '' });
  const [profile, setProfile] = useState<CommunityProfileValues>(emptyCommunityProfile);
  const [accountErrors, setAccountErrors] = useState<AccountErrors>({});
  const [profileErrors, setProfileErrors] = useState<CommunityProfileErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nextAccountErrors = validateAccount(account);
    const nextProfileErrors = validateCommunityProfile(profile);
    setAccountErrors(nextAccountErrors);
    setProfileErrors(nextProfileErrors);
    if (Object.keys(nextAccountErrors).length > 0 || Object.keys(nextProfileErrors).length > 0) return;
    const language = i18n.resolvedLanguage ?? i18n.language;
    signup.mutate(
      {
        displayName: account.displayName.trim(),
        email: account.email.trim(),
        password: account.password,
        locale: isLocale(language) ? language : 'ru',
        community: toCommunityProfile(profile),
      },
      {
        // Signed up or not, the answer is the same (no one learns which addresses have an account): check the email.
        onSuccess: () => setSentTo(account.email.trim()),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          setAccountErrors({
            displayName: error.fields.displayName,
            email: error.fields.email,
            password: error.fields.password,
          });
          setProfileErrors(communityProfileErrorsFromApi(error.fields, 'community.'));
        },
      },
    );
  };

  const setField = (field: keyof AccountValues, value: string) => setAccount({ ...account, [field]: value });

  if (sentTo) {
    return (
      <section className="narrow">
        <PageTitle>{t('account.signup.checkTitle')}</PageTitle>
        <p className="card" role="status" data-testid="signup-check-email">
          {t('account.signup.checkText', { email: sentTo })}
        </p>
        <p className="below-form">
          <Link to="/login">{t('account.logIn')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <PageTitle subtitle={t('signup.intro')}>{t('signup.title')}</PageTitle>
      <aside className="card note" aria-labelledby="privacy-title">
        <h2 id="privacy-title" className="note-title">
          {t('signup.privacyTitle')}
        </h2>
        <p>{t('signup.privacyNote')}</p>
      </aside>
      <form className="card form" onSubmit={onSubmit} noValidate>
        {signup.error && <p role="alert" className="alert alert-error">{errorText(t, signup.error, { feature: 'account' })}</p>}
        <fieldset className="fieldset">
          <legend>{t('signup.accountSection')}</legend>
          <FormField label={t('signup.displayName')} error={fieldErrorText(t, accountErrors.displayName)}>
            <input name="displayName" autoComplete="name" value={account.displayName} onChange={(e) => setField('displayName', e.target.value)} required />
          </FormField>
          <FormField label={t('signup.email')} error={fieldErrorText(t, accountErrors.email)}>
            <input name="email" type="email" autoComplete="email" value={account.email} onChange={(e) => setField('email', e.target.value)} required />
          </FormField>
          <FormField label={t('signup.password')} hint={t('account.signup.passwordHint')} error={fieldErrorText(t, accountErrors.password)}>
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              value={account.password}
              onChange={(e) => setField('password', e.target.value)}
              required
            />
          </FormField>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('signup.communitySection')}</legend>
          <CommunityProfileFields values={profile} onChange={setProfile} errors={profileErrors} />
        </fieldset>
        <button type="submit" className="button" disabled={signup.isPending}>
          {signup.isPending ? t('signup.submitting') : t('signup.submit')}
        </button>
      </form>
      <p className="below-form">
        {t('signup.haveAccount')} <Link to="/login">{t('signup.loginLink')}</Link>
      </p>
    </section>
  );
}
