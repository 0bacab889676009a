import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message';

interface QueryStateProps<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'isError' | 'refetch' | 'isFetching'>;
  children: (data: T) => ReactNode;
  /** Shown instead of the generic error text, e.g. a not-found message. */
  errorFallback?: (error: unknown) => ReactNode;
}

/** The spinner and "Loading…" a page shows while its data, or its code, arrives. */
export function LoadingStatus() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

/** Loading, error (with retry) and success of one query, the same on every page. */
export function QueryState<T>({ query, children, errorFallback }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingStatus />;
  if (query.isError) {
    return (
      <div className="query-error">
        {errorFallback ? errorFallback(query.error) : <ErrorMessage error={query.error} />}
        <button type="button" className="button button-secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data as T)}</>;
}
