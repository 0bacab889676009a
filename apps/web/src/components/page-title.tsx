import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading, mirrored into the document title so tabs and screen readers agree. */
export function PageTitle({ children, subtitle }: { children: string; subtitle?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {subtitle && <p className="page-subtitle">{subtitle}</p>}
    </div>
  );
}
