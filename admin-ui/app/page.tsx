'use client';
// The dashboard: the range's revenue, payments by outcome with their rates, sessions and vouchers, two charts and
// the shares of each package and gateway (GET /api/admin/dashboard?range=today|7d|30d, from the Stats counters).
import { useState } from 'react';
import TableWrap from '@/components/TableWrap';
import { OutcomesChart, RevenueChart } from '@/components/Charts';
import { ErrorNote, Loading } from '@/components/States';
import { api } from '@/lib/api';
import { duration, kes, percent, when } from '@/lib/format';
import type { DashboardDay, DashboardRange, DashboardShare } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';

const RANGES: { value: DashboardRange; label: string }[] = [
  { value: 'today', label: 'Today' }, { value: '7d', label: '7 days' }, { value: '30d', label: '30 days' },
];

export default function DashboardPage() {
  const [range, setRange] = useState<DashboardRange>('today');
  const board = useLoad(() => api.dashboard(range), [range]);
  const d = board.data;

  return (
    <>
      <h1>Dashboard</h1>
      <div className="row toolbar">
        <fieldset className="segmented">
          <legend>Range</legend>
          {RANGES.map(r => (
            <label key={r.value} className={range === r.value ? 'on' : undefined}>
              <input type="radio" name="range" value={r.value} checked={range === r.value} onChange={() => setRange(r.value)} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={board.reload} disabled={board.loading}>Refresh</button>
        <span className="muted" role="status" aria-live="polite">
          {board.loading ? 'Loading…' : d ? `Business days ${d.from === d.to ? d.from : `${d.from} to ${d.to}`}` : ''}
        </span>
      </div>
      {board.error ? <ErrorNote error={board.error} retry={board.reload} /> : null}
      {!d ? (board.loading ? <Loading what="the dashboard" /> : null) : (
        <>
          <section aria-labelledby="totals-title">
            <h2 id="totals-title" className="sr-only">Totals</h2>
            <dl className="stats">
              <div className="stat"><dt>Revenue</dt><dd id="stat-revenue">{kes(d.revenueKES)}</dd></div>
              <div className="stat"><dt>Average payment</dt><dd id="stat-average">{kes(d.averageKES)}</dd></div>
              <div className="stat"><dt>Payments started</dt><dd id="stat-initiated">{d.payments.initiated}
                <span className="muted"> · {d.payments.pending} waiting</span></dd></div>
              <div className="stat"><dt>Payments completed</dt><dd id="stat-completed">{d.payments.completed}
                <span className="muted"> · {percent(d.payments.successRate)} success</span></dd></div>
              <div className="stat"><dt>Cancelled</dt><dd>{d.payments.cancelled}<span className="muted"> · {percent(d.payments.cancelRate)}</span></dd></div>
              <div className="stat"><dt>Expired</dt><dd>{d.payments.expired}<span className="muted"> · {percent(d.payments.expiryRate)}</span></dd></div>
              <div className="stat"><dt>Failed</dt><dd>{d.payments.failed}</dd></div>
              <div className="stat"><dt>Active sessions</dt><dd id="stat-active">{d.activeSessions}</dd></div>
              <div className="stat"><dt>Vouchers sold</dt><dd id="stat-vouchers">{d.vouchersSold}
                <span className="muted"> · {d.vouchersGenerated} made</span></dd></div>
            </dl>
            <p className="muted">Rates are of the payments that ended (completed, cancelled, expired or failed).</p>
          </section>
          <section className="charts" aria-label="Charts">
            <RevenueChart days={d.days} />
            <OutcomesChart days={d.days} />
          </section>
          <div className="split">
            <ShareTable title="Revenue per package" id="by-package" first="Package" shares={d.byPackage} />
            <ShareTable title="Revenue per gateway" id="by-gateway" first="Gateway" shares={d.byGateway} active />
          </div>
          <AuditTable days={d.days} />
        </>
      )}
    </>
  );
}

/** The hourly revenue audit per day: money in against time granted, and anyone who paid without getting their time. */
function AuditTable({ days }: { days: DashboardDay[] }) {
  const audited = days.filter(day => day.revenueAudit).slice().reverse();
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Revenue audit</h2>
      <p className="muted">Every hour the audit recomputes the two previous business days from the purchases themselves: money
        M-Pesa took against time granted. &ldquo;Paid, no time&rdquo; should be 0; anything else is someone who paid and may have no internet
        (the sweeper normally finishes such a grant within a minute).</p>
      {!audited.length ? <p className="state empty">No day in this range has been audited yet.</p> : (
        <TableWrap label="Revenue audit">
          <table id="revenue-audit">
            <thead><tr><th scope="col">Day</th><th scope="col">Paid</th><th scope="col">Money in</th><th scope="col">Time granted</th>
              <th scope="col">Granted value</th><th scope="col">Paid, no time</th><th scope="col">Audited</th></tr></thead>
            <tbody>
              {audited.map(day => {
                const a = day.revenueAudit!;
                return (
                  <tr key={day.day} data-day={day.day} className={a.paidNotGranted ? 'alert-row' : undefined}>
                    <th scope="row">{day.day}</th><td>{a.paid}</td><td>{kes(a.paidKES)}</td><td>{duration(a.grantedSeconds)}</td>
                    <td>{kes(a.grantedKES)}</td><td>{a.paidNotGranted ? <strong>{a.paidNotGranted}</strong> : 0}</td><td>{when(a.auditedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function ShareTable({ title, id, first, shares, active }: { title: string; id: string; first: string; shares: DashboardShare[]; active?: boolean }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {!shares.length ? <p className="state empty">None yet.</p> : (
        <TableWrap label={title}>
          <table id={id}>
            <thead><tr><th scope="col">{first}</th><th scope="col">Revenue</th><th scope="col">Payments</th><th scope="col">Sessions started</th>
              {active ? <th scope="col">Active now</th> : null}</tr></thead>
            <tbody>
              {shares.map(s => (
                <tr key={s.id} data-id={s.id}>
                  <th scope="row">{s.id}</th><td>{kes(s.revenueKES)}</td><td>{s.paymentsCompleted}</td><td>{s.sessionsStarted}</td>
                  {active ? <td>{s.activeSessions ?? '–'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
