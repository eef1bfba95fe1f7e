'use client';
// The audit log: admin actions (admin.*) and what the system flagged (anomalies), newest first, business day by
// business day (GET /api/admin/events; default the last 7 days, at most 92).
import { useState } from 'react';
import Field from '@/components/Field';
import More from '@/components/More';
import { Empty, ErrorNote, Loading } from '@/components/States';
import TableWrap from '@/components/TableWrap';
import { api, ApiError } from '@/lib/api';
import { businessDay } from '@/lib/days';
import { when } from '@/lib/format';
import { usePages } from '@/lib/usePages';

type Filter = { type?: 'audit' | 'anomaly'; from?: string; to?: string };

export default function AuditPage() {
  const [filter, setFilter] = useState<Filter>({ from: businessDay(6), to: businessDay() });
  const list = usePages(cursor => api.events(filter, cursor), [filter]);
  const filterError = list.error instanceof ApiError && list.error.field ? list.error : null;

  function apply(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim() || undefined;
    const type = text('type');
    setFilter({ type: type === 'audit' || type === 'anomaly' ? type : undefined, from: text('from'), to: text('to') });
  }

  return (
    <>
      <h1>Audit log</h1>
      <section className="card" aria-labelledby="filter-title">
        <h2 id="filter-title">Filter</h2>
        <form className="filters" onSubmit={apply}>
          <div><Field id="type" label="Type" error={filterError}>
            <select name="type" defaultValue=""><option value="">Everything</option><option value="audit">Admin actions</option>
              <option value="anomaly">Anomalies</option></select>
          </Field></div>
          <div><Field id="from" label="From day" error={filterError}><input name="from" type="date" defaultValue={filter.from} /></Field></div>
          <div><Field id="to" label="To day" error={filterError}><input name="to" type="date" defaultValue={filter.to} /></Field></div>
          <div><button type="submit" className="primary">Show</button></div>
        </form>
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">Events, newest first</h2>
        {list.loading ? <Loading what="events" /> : list.error ? <ErrorNote error={list.error} retry={list.reload} />
          : !list.items.length ? (list.next ? <p className="state">Nothing on this page matches. <button type="button" onClick={list.loadMore}>Look further back</button></p>
            : <Empty>No events in these days.</Empty>) : (
            <>
              <TableWrap label="Events">
                <table className="events">
                  <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
                  <tbody>
                    {list.items.map(e => (
                      <tr key={e.id} data-event={e.type}>
                        <td>{when(e.at)}</td>
                        <td><code>{e.type}</code>{e.reason ? <><br /><span className="muted">{e.reason}</span></> : null}</td>
                        <td>{e.actor ?? 'system'}</td>
                        <td>{e.subject ?? '–'}</td>
                        <td>{Object.entries(e.details).map(([k, v]) => <span key={k} className="kv">{k}: {v}</span>)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <More next={list.next} more={list.more} loadMore={list.loadMore} count={list.items.length} />
            </>
          )}
      </section>
    </>
  );
}

