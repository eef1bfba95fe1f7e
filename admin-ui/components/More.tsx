// "Load more" under a paged list, with the error of the last try (and its retry).
import { ErrorNote } from './States';

export default function More({ next, more, loadMore, count }: {
  next: string | null; more: { loading: boolean; error: unknown }; loadMore: () => void; count: number;
}) {
  return (
    <div className="more">
      <p className="muted" role="status" aria-live="polite">{count} shown{next ? ', more to load' : ''}.</p>
      {more.error ? <ErrorNote error={more.error} retry={loadMore} /> : null}
      {next ? <button type="button" onClick={loadMore} disabled={more.loading}>{more.loading ? 'Loading…' : 'Load more'}</button> : null}
    </div>
  );
}
