import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Names the browser tab "<page> · Dastarkhan" in the reader's language, following a language switch.
 * Every page calls it through PageTitle. Leaving the page gives the tab back the bare app name, so
 * the next page, while it loads, never shows this page's title.
 */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [title, t]);
}

/** The page's heading, mirrored into the document title so tabs and screen readers agree. */
export function PageTitle({ children, subtitle }: { children: string; subtitle?: string }) {
  useDocumentTitle(children);
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {subtitle && <p className="page-subtitle">{subtitle}</p>}
    </div>
  );
}
