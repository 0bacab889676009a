interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The button under a list read a page at a time: the next page, while there is one. */
export function MoreButton({ query, label, 'data-testid': testId }: { query: PagedQuery; label: string; 'data-testid': string }) {
  if (!query.hasNextPage) return null;
  return (
    <button type="button" className="button button-secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid={testId}>
      {label}
    </button>
  );
}
