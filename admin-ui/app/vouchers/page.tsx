'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import Confirm from '@/components/Confirm';
import Field from '@/components/Field';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { api, ApiError } from '@/lib/api';
import { duration, when } from '@/lib/format';
import type { Page, SentVouchers, Voucher, VoucherBatch } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';

const RECENT_KEY = 'wifibilling.admin.batches';
const recent = (): string[] => { try { return JSON.parse(window.localStorage.getItem(RECENT_KEY) || '[]'); } catch { return []; } };
function remember(batchId: string) {
  window.localStorage.setItem(RECENT_KEY, JSON.stringify([batchId, ...recent().filter(b => b !== batchId)].slice(0, 10)));
}

export default function VouchersPage() {
  const packages = useLoad(() => api.packages());
  const [batch, setBatch] = useState<VoucherBatch | null>(null);
  const [generateError, setGenerateError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ batchId?: string; status?: string } | null>(null);
  const [batches, setBatches] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => { setBatches(recent()); return () => { if (timer.current) clearTimeout(timer.current); }; }, []);

  function follow(b: VoucherBatch) {
    setBatch(b);
    if (b.status === 'running') {
      timer.current = setTimeout(() => api.voucherBatch(b.batchId).then(follow, setGenerateError), 1000);
    } else if (b.status === 'done') {
      remember(b.batchId);
      setBatches(recent());
      setShown({ batchId: b.batchId });
    }
  }

  async function generate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const num = (k: string) => (f.get(k) ? Number(f.get(k)) : undefined);
    setBusy(true);
    setGenerateError(null);
    setBatch(null);
    try {
      follow(await api.generateVouchers({
        packageId: String(f.get('packageId')), count: Number(f.get('count')),
        prefix: String(f.get('prefix') || '').trim() || undefined, validDays: num('validDays'),
      }));
    } catch (err) {
      setGenerateError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Vouchers</h1>
      <section className="card" aria-labelledby="gen-title">
        <h2 id="gen-title">Generate a batch</h2>
        {packages.loading ? <Loading what="packages" /> : packages.error ? <ErrorNote error={packages.error} retry={packages.reload} /> : (
          <form onSubmit={generate} className="form">
            <label htmlFor="packageId">Package</label>
            <select id="packageId" name="packageId" required>
              {packages.data?.items.map(p => <option key={p.packageId} value={p.packageId}>{p.name}: {duration(p.durationMinutes * 60)}, KES {p.priceKES}</option>)}
            </select>
            <label htmlFor="count">How many</label>
            <input id="count" name="count" type="number" min={1} max={10000} defaultValue={50} required />
            <label htmlFor="prefix">Prefix <span className="hint">(optional)</span></label>
            <input id="prefix" name="prefix" maxLength={6} />
            <label htmlFor="validDays">Valid for days <span className="hint">(optional)</span></label>
            <input id="validDays" name="validDays" type="number" min={1} max={3650} />
            <button type="submit" className="primary" disabled={busy || batch?.status === 'running'}>Generate</button>
          </form>
        )}
        {generateError ? <ErrorNote error={generateError} /> : null}
        {batch ? (
          <div className="progress-box">
            <label htmlFor="batch-progress">Batch {batch.batchId}: {batch.created} of {batch.count} {batch.status === 'running' ? 'made…' : batch.status === 'done' ? 'made.' : 'made, then it failed.'}</label>
            <progress id="batch-progress" max={batch.count} value={batch.created} />
            {batch.status === 'done' ? <p><Link className="button primary" href={`/vouchers/print?batchId=${encodeURIComponent(batch.batchId)}`}>Print sheet</Link></p> : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="find-title">
        <h2 id="find-title">List vouchers</h2>
        <form className="form inline" onSubmit={e => { e.preventDefault(); const v = String(new FormData(e.currentTarget).get('batch') || '').trim(); if (v) setShown({ batchId: v }); }}>
          <label htmlFor="batch">Batch id</label>
          <input id="batch" name="batch" list="recent-batches" />
          <datalist id="recent-batches">{batches.map(b => <option key={b} value={b} />)}</datalist>
          <button type="submit">Show batch</button>
        </form>
        <p className="row">
          <span>Or by status:</span>
          {['unused', 'used', 'void'].map(s => <button key={s} type="button" onClick={() => setShown({ status: s })}>{s}</button>)}
        </p>
        {shown ? <VoucherList key={JSON.stringify(shown)} filter={shown} /> : <Empty>Pick a batch or a status.</Empty>}
      </section>
    </>
  );
}

function VoucherList({ filter }: { filter: { batchId?: string; status?: string } }) {
  const [pages, setPages] = useState<Page<Voucher>[]>([]);
  const first = useLoad(() => api.vouchers(filter), [filter.batchId, filter.status]);
  const batchId = filter.batchId;
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  useEffect(() => { if (first.data) setPages([first.data]); }, [first.data]);

  if (first.loading && !pages.length) return <Loading what="vouchers" />; // a reload after voiding or sending keeps their results shown
  if (first.error) return <ErrorNote error={first.error} retry={first.reload} />;
  const items = pages.flatMap(p => p.items);
  const next = pages.at(-1)?.nextCursor;
  if (!items.length) return <Empty>No vouchers {filter.batchId ? 'in this batch' : `are ${filter.status}`}.</Empty>;

  async function loadMore() {
    setMore({ loading: true, error: null });
    try { const p = await api.vouchers(filter, 50, next); setPages(ps => [...ps, p]); setMore({ loading: false, error: null }); }
    catch (err) { setMore({ loading: false, error: err }); }
  }

  return (
    <>
      <h3>{filter.batchId ? `Batch ${filter.batchId}` : `Vouchers ${filter.status}`} ({items.length}{next ? '+' : ''})</h3>
      {batchId ? (
        <>
          <p className="row">
            <Link className="button" href={`/vouchers/print?batchId=${encodeURIComponent(batchId)}`}>Print sheet</Link>
          </p>
          <SendBySms batchId={batchId} onSent={first.reload} />
          <VoidBatch batchId={batchId} onVoided={first.reload} />
        </>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">Code</th><th scope="col">Package</th><th scope="col">Time</th><th scope="col">Status</th><th scope="col">Valid until</th><th scope="col">Used</th></tr></thead>
          <tbody>
            {items.map(v => (
              <tr key={v.code}>
                <td><code>{v.code}</code></td><td>{v.packageId}</td><td>{duration(v.grantSeconds)}</td><td>{v.status}</td>
                <td>{when(v.validUntil)}</td><td>{v.usedAt ? `${when(v.usedAt)} · ${v.deviceKey ?? ''}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more.error ? <ErrorNote error={more.error} retry={loadMore} /> : null}
      {next ? <button type="button" onClick={loadMore} disabled={more.loading}>{more.loading ? 'Loading…' : 'Load more'}</button> : null}
    </>
  );
}

/** Sends one unused, never-sent voucher of the batch to each phone (POST /api/admin/vouchers/send, 1–100 phones). */
function SendBySms({ batchId, onSent }: { batchId: string; onSent: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<SentVouchers | null>(null);

  async function send(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const phones = String(f.get('phones') ?? '').split(/\r?\n/).map(p => p.trim()).filter(Boolean);
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      setSent(await api.sendVouchers(batchId, phones, f.get('lang') === 'sw' ? 'sw' : 'en'));
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const phoneError = error instanceof ApiError && (error.field?.startsWith('phones') || error.code === 'INVALID_PHONE')
    ? new ApiError(error.status, error.code, error.field?.match(/^phones\[(\d+)\]$/)
      ? `Line ${Number(error.field.slice(7, -1)) + 1}: ${error.message}` : error.message, 'phones') : null;
  return (
    <details className="card sub">
      <summary>Send by SMS</summary>
      <form className="form" onSubmit={send}>
        <Field id="sms-phones" field="phones" label="Phones" hint="one per line, up to 100: each gets one code" error={phoneError}>
          <textarea name="phones" rows={4} required />
        </Field>
        <label htmlFor="sms-lang">Language</label>
        <select id="sms-lang" name="lang" defaultValue="en"><option value="en">English</option><option value="sw">Kiswahili</option></select>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Sending…' : 'Send vouchers'}</button>
      </form>
      {error && !phoneError ? <ErrorNote error={error} /> : null}
      <div role="status" aria-live="polite">
        {sent ? (
          <>
            <p className="ok">{sent.items.length} {sent.items.length === 1 ? 'voucher is' : 'vouchers are'} on the way by SMS.</p>
            <table className="sent">
              <caption className="sr-only">Which code went to which phone</caption>
              <thead><tr><th scope="col">Phone</th><th scope="col">Code</th></tr></thead>
              <tbody>{sent.items.map(i => <tr key={i.code}><td>{i.phone}</td><td><code>{i.code}</code></td></tr>)}</tbody>
            </table>
          </>
        ) : null}
      </div>
    </details>
  );
}

/** Voids the batch's unused codes after a confirmation: 500 per call, repeated with the cursor until it is null. */
function VoidBatch({ batchId, onVoided }: { batchId: string; onVoided: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ voided: number; unchanged: number; done: boolean } | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    let voided = 0, unchanged = 0, cursor: string | null = null;
    try {
      do {
        const p = await api.voidBatch(batchId, cursor);
        voided += p.voided;
        unchanged += p.unchanged;
        cursor = p.nextCursor;
        setProgress({ voided, unchanged, done: !cursor });
      } while (cursor);
      setAsking(false);
      onVoided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="void">
      <button type="button" className="danger" onClick={() => { setAsking(true); setProgress(null); }}>Void batch…</button>
      {asking ? (
        <Confirm id="void" title={`Void batch ${batchId}?`} yes="Yes, void its unused codes" busy={busy} onYes={run} onCancel={() => setAsking(false)}>
          <p>Every unused code of this batch stops working now. Codes already used keep their time. This cannot be undone.</p>
        </Confirm>
      ) : null}
      {error ? <ErrorNote error={error} retry={run} /> : null}
      <p role="status" aria-live="polite">
        {progress ? <span className={progress.done ? 'ok' : undefined}>{progress.done ? 'Done: ' : 'Voiding… '}{progress.voided} voided,
          {' '}{progress.unchanged} left as they were (used or already void).</span> : null}
      </p>
    </div>
  );
}
