import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle, useDocumentTitle } from './page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </section>
  );
}

/** A render error anywhere in the tree: say so in the user's language and offer a way home. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.generic'));
  return (
    <main className="main narrow">
      <h1>{t('errors.generic')}</h1>
      <a href="/" className="button">
        {t('notFound.home')}
      </a>
    </main>
  );
}
