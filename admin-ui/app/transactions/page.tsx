'use client';
// Transactions: filter by status, business days and phone, page through them, open one (how it ended, where the
// answer came from), ask M-Pesa about it now, and download the filtered list as a CSV file built in the browser.
import { useState } from 'react';
import Field from '@/components/Field';
import More from '@/components/More';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { TransactionTable } from '@/components/Tables';
import { api, ApiError } from '@/lib/api';
import { csv, download } from '@/lib/csv';
import { businessDay } from '@/lib/days';
import { duration, kes, when } from '@/lib/format';
import type { Transaction, TransactionFilter } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';
import { usePages } from '@/lib/usePages';

const STATUSES = ['pending', 'completed', 'cancelled', 'expired', 'failed'];
/** The API's largest page (ListLimit.MAX): the CSV download reads this many per request. */
const CSV_PAGE = 100;
const CSV_HEADER = ['transactionId', 'day', 'createdAt', 'completedAt', 'status', 'phone', 'packageId', 'amountKES', 'receipt',
  'resultCode', 'resultDesc', 'source', 'deviceKey', 'lang', 'grantConfirmed'];

export default function TransactionsPage() {
  const [filter, setFilter] = useState<TransactionFilter>({ from: businessDay(29), to: businessDay() });
  const [open, setOpen] = useState<string | null>(null);
  const list = usePages(cursor => api.transactions(filter, 50, cursor), [filter]);
  const filterError = list.error instanceof ApiError && list.error.field ? list.error : null;

  function apply(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim() || undefined;
    setFilter({ status: text('status'), from: text('from'), to: text('to'), phone: text('phone') });
  }

  return (
    <>
      <h1>Transactions</h1>
      <section className="card" aria-labelledby="filter-title">
        <h2 id="filter-title">Filter</h2>
        <form className="filters" onSubmit={apply}>
          <div><Field id="status" label="Status" error={filterError}>
            <select name="status" defaultValue={filter.status ?? ''}>
              <option value="">Any</option>{STATUSES.map(s => <option key={s} value={s}>{s}</option>)}
            </select></Field></div>
          <div><Field id="from" label="From day" error={filterError}><input name="from" type="date" defaultValue={filter.from} /></Field></div>
          <div><Field id="to" label="To day" error={filterError}><input name="to" type="date" defaultValue={filter.to} /></Field></div>
          <div><Field id="phone" label="Phone" error={filterError}><input name="phone" type="tel" inputMode="tel" placeholder="0712345678" /></Field></div>
          <div><button type="submit" className="primary">Show</button></div>
        </form>
        <p className="muted">Business days are East Africa Time dates; a range holds at most 92 days.</p>
        <CsvDownload filter={filter} />
      </section>

      {open ? <TransactionDetail transactionId={open} onClose={() => setOpen(null)} onChanged={list.reload} /> : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">Purchases, newest first</h2>
        {list.loading ? <Loading what="transactions" /> : list.error ? <ErrorNote error={list.error} retry={list.reload} />
          : !list.items.length ? (list.next ? <p className="state">Nothing on this page matches. <button type="button" onClick={list.loadMore}>Look further back</button></p>
            : <Empty>No transactions match these filters.</Empty>) : (
            <>
              <TransactionTable items={list.items} onOpen={t => setOpen(t.transactionId)} caption="Transactions" />
              <More next={list.next} more={list.more} loadMore={list.loadMore} count={list.items.length} />
            </>
          )}
      </section>
    </>
  );
}

/** Pages through the whole filtered list (100 at a time) and saves it as transactions-<from>-to-<to>.csv. */
function CsvDownload({ filter }: { filter: TransactionFilter }) {
  const [rows, setRows] = useState<number | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setState('running');
    setError(null);
    setRows(0);
    const from = filter.from || businessDay(29);
    const to = filter.to || businessDay();
    const all: Transaction[] = [];
    try {
      let cursor: string | null = null;
      do {
        const page: { items: Transaction[]; nextCursor: string | null } = await api.transactions({ ...filter, from, to }, CSV_PAGE, cursor);
        all.push(...page.items);
        setRows(all.length);
        cursor = page.nextCursor;
      } while (cursor);
      download(csv(CSV_HEADER, all.map(t => [t.transactionId, t.day, t.createdAt, t.completedAt, t.status, t.phone, t.packageId, t.amountKES,
        t.receipt, t.resultCode, t.resultDesc, t.source, t.deviceKey, t.lang, t.grantConfirmed])), `transactions-${from}-to-${to}.csv`);
      setState('done');
    } catch (err) {
      setError(err);
      setState('idle');
    }
  }

  return (
    <div className="csv">
      <button type="button" onClick={run} disabled={state === 'running'}>Download CSV</button>
      <span className="muted" role="status" aria-live="polite">
        {state === 'running' ? ` ${(rows ?? 0).toLocaleString('en-KE')} rows…` : state === 'done' ? ` ${(rows ?? 0).toLocaleString('en-KE')} rows saved.` : ''}
      </span>
      {error ? <ErrorNote error={error} retry={run} /> : null}
    </div>
  );
}

function TransactionDetail({ transactionId, onClose, onChanged }: { transactionId: string; onClose: () => void; onChanged: () => void }) {
  const detail = useLoad(() => api.transaction(transactionId), [transactionId]);
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const [askError, setAskError] = useState<unknown>(null);
  const t = detail.data;

  async function ask() {
    setAsking(true);
    setAnswer(null);
    setAskError(null);
    try {
      const a = await api.queryTransaction(transactionId);
      detail.reload(); // the detail again, with this query in its history
      setAnswer({ ok: true, text: a.message });
      if (a.asked) onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setAnswer({ ok: false, text: `M-Pesa was asked about this purchase moments ago: wait ${err.retryAfterSeconds ?? 10} seconds and try again.` });
      } else {
        setAskError(err);
      }
    } finally {
      setAsking(false);
    }
  }

  return (
    <section className="card detail" aria-labelledby="detail-title">
      <h2 id="detail-title">Transaction {transactionId}</h2>
      {detail.loading && !t ? <Loading what="the transaction" /> : detail.error ? <ErrorNote error={detail.error} retry={detail.reload} /> : t ? (
        <dl className="facts">
          <dt>Status</dt><dd id="detail-status">{t.status}{t.grantConfirmed ? ' (time granted)' : ''}
            {t.late ? <strong> · paid late, after it was {t.previousStatus}</strong> : null}</dd>
          <dt>Amount</dt><dd>{kes(t.amountKES)} for {t.packageId} ({duration(t.grantSeconds)})</dd>
          <dt>Phone</dt><dd>{t.phone}</dd>
          <dt>Device</dt><dd><code>{t.deviceKey}</code></dd>
          <dt>Result</dt><dd>{t.resultCode ?? '–'}{t.resultDesc ? `: ${t.resultDesc}` : ''}</dd>
          <dt>Answer came from</dt><dd>{t.source ?? '–'}</dd>
          <dt>M-Pesa receipt</dt><dd>{t.receipt ?? '–'}</dd>
          <dt>Checkout request</dt><dd><code>{t.checkoutRequestId ?? '–'}</code></dd>
          <dt>Account reference</dt><dd><code>{t.accountReference ?? '–'}</code></dd>
          <dt>Started</dt><dd>{when(t.createdAt)} (business day {t.day})</dd>
          <dt>Ended</dt><dd>{when(t.completedAt)}</dd>
          <dt>Language</dt><dd>{t.lang ?? '–'}</dd>
          <dt>History</dt>
          <dd>{t.history?.length ? (
            <ul id="detail-history" className="plain">
              {t.history.map(e => (
                <li key={e.id} data-event={e.type}>{when(e.at)}: {e.type}{e.reason ? ` (${e.reason})` : ''}
                  {e.details.message ? ` – ${e.details.message}` : ''}{e.actor ? ` · by ${e.actor}` : ''}</li>
              ))}
            </ul>
          ) : 'No events about this purchase.'}</dd>
        </dl>
      ) : null}
      <p className="row">
        <button type="button" className="primary" onClick={ask} disabled={asking || !t}>{asking ? 'Asking M-Pesa…' : 'Check with M-Pesa'}</button>
        <button type="button" onClick={onClose}>Close</button>
      </p>
      <div role="status" aria-live="polite" id="query-answer">{answer ? <p className={answer.ok ? 'ok' : 'warn'}>{answer.text}</p> : null}</div>
      {askError ? <ErrorNote error={askError} retry={ask} /> : null}
    </section>
  );
}
