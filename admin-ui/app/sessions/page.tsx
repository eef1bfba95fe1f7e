'use client';
// Sessions: a gateway's sessions (latest expiry first) or a phone's, one session's usage and last gateway command,
// and ending a session (from its detail or by device key), always after a confirmation.
import { useEffect, useState } from 'react';
import Confirm from '@/components/Confirm';
import Field from '@/components/Field';
import More from '@/components/More';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { SessionTable } from '@/components/Tables';
import { api, ApiError } from '@/lib/api';
import { bytes, duration, when } from '@/lib/format';
import type { TerminatedSession } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';
import { usePages } from '@/lib/usePages';

type Filter = { gatewayId?: string; phone?: string };

export default function SessionsPage() {
  const gateways = useLoad(() => api.gateways());
  const [filter, setFilter] = useState<Filter | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = usePages(cursor => (filter ? api.sessions(filter, cursor) : Promise.resolve({ items: [], nextCursor: null })), [filter]);
  const filterError = list.error instanceof ApiError && list.error.field ? list.error : null;
  const firstGateway = gateways.data?.items[0]?.gatewayId;

  useEffect(() => { if (firstGateway) setFilter(f => f ?? { gatewayId: firstGateway }); }, [firstGateway]);

  function search(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const phone = String(f.get('phone') ?? '').trim();
    setFilter(phone ? { phone } : { gatewayId: String(f.get('gatewayId') ?? '') });
  }

  return (
    <>
      <h1>Sessions</h1>
      <section className="card" aria-labelledby="find-title">
        <h2 id="find-title">Find sessions</h2>
        {gateways.loading ? <Loading what="gateways" /> : gateways.error ? <ErrorNote error={gateways.error} retry={gateways.reload} /> : (
          <form className="filters" onSubmit={search}>
            <div><Field id="gatewayId" label="Gateway" error={filterError}>
              <select name="gatewayId" defaultValue={firstGateway}>
                {gateways.data?.items.map(g => <option key={g.gatewayId} value={g.gatewayId}>{g.name} ({g.gatewayId})</option>)}
              </select>
            </Field></div>
            <div><Field id="phone" label="Or a phone" hint="instead of the gateway" error={filterError}>
              <input name="phone" type="tel" inputMode="tel" placeholder="0712345678" /></Field></div>
            <div><button type="submit" className="primary">Show sessions</button></div>
          </form>
        )}
      </section>

      {open ? <SessionDetail deviceKey={open} onClose={() => setOpen(null)} onEnded={list.reload} /> : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{filter?.phone ? 'Sessions of that phone, newest first' : filter?.gatewayId ? `Sessions at ${filter.gatewayId}, latest expiry first` : 'Sessions'}</h2>
        {!filter ? (gateways.data && !gateways.data.items.length ? <Empty>No gateways yet: add one to see its sessions.</Empty> : null)
          : list.loading ? <Loading what="sessions" /> : list.error ? <ErrorNote error={list.error} retry={list.reload} />
          : !list.items.length ? <Empty>No sessions {filter.phone ? 'for that phone' : 'at this gateway'}.</Empty> : (
            <>
              <SessionTable items={list.items} onOpen={s => setOpen(s.deviceKey)} caption="Sessions" />
              <More next={list.next} more={list.more} loadMore={list.loadMore} count={list.items.length} />
            </>
          )}
      </section>

      <EndByDeviceKey />
    </>
  );
}

function SessionDetail({ deviceKey, onClose, onEnded }: { deviceKey: string; onClose: () => void; onEnded: () => void }) {
  const detail = useLoad(() => api.session(deviceKey), [deviceKey]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<TerminatedSession | null>(null);
  const s = detail.data;

  async function terminate() {
    setBusy(true);
    setError(null);
    try {
      setDone(await api.terminateSession(deviceKey, 'ended by an admin from the sessions list'));
      setAsking(false);
      detail.reload();
      onEnded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card detail" aria-labelledby="session-title">
      <h2 id="session-title">Session of {deviceKey}</h2>
      {detail.loading && !s ? <Loading what="the session" /> : detail.error ? <ErrorNote error={detail.error} retry={detail.reload} /> : s ? (
        <>
          <dl className="facts">
            <dt>Status</dt><dd id="session-status">{s.status}{s.endReason ? ` (${s.endReason})` : ''}</dd>
            <dt>At the gateway</dt><dd>{s.gatewayState ?? '–'}{s.loggedOutAt ? `, logged out ${when(s.loggedOutAt)}` : ''}</dd>
            <dt>Phone</dt><dd>{s.phone ?? '–'}</dd>
            <dt>Package</dt><dd>{s.packageName ?? s.packageId} ({s.downloadMbps}/{s.uploadMbps} Mbps)</dd>
            <dt>Started</dt><dd>{when(s.startedAt)}</dd>
            <dt>Expires</dt><dd>{when(s.expiresAt)}{s.remainingSeconds > 0 ? ` (${duration(s.remainingSeconds)} left)` : ''}</dd>
            {s.endedAt ? <><dt>Ended</dt><dd>{when(s.endedAt)}</dd></> : null}
          </dl>
          <h3>Usage</h3>
          {s.usage ? (
            <dl className="facts">
              <dt>Downloaded</dt><dd>{bytes(s.usage.bytesOut)}</dd>
              <dt>Uploaded</dt><dd>{bytes(s.usage.bytesIn)}</dd>
              <dt>Device address</dt><dd>{s.usage.framedIp ?? '–'}</dd>
              <dt>Gateway (NAS)</dt><dd>{[s.usage.nasIdentifier, s.usage.nasIp].filter(Boolean).join(' · ') || '–'}</dd>
              <dt>Accounting</dt><dd>started {when(s.usage.acctStartedAt)}, last {when(s.usage.lastAcctAt)}</dd>
            </dl>
          ) : <Empty>The gateway has reported no usage yet.</Empty>}
          <h3>Last gateway command</h3>
          {s.lastCommand ? (
            <dl className="facts" id="last-command">
              <dt>Command</dt><dd>{s.lastCommand.type}{s.lastCommand.reason ? ` (${s.lastCommand.reason})` : ''}</dd>
              <dt>Result</dt><dd>{s.lastCommand.result ?? 'waiting'}{s.lastCommand.errorCause ? `, ${s.lastCommand.errorCause}` : ''}</dd>
              <dt>When</dt><dd>{when(s.lastCommand.at)}</dd>
            </dl>
          ) : <Empty>No command sent to the gateway yet.</Empty>}
        </>
      ) : null}
      <p className="row">
        {s?.status === 'active' ? <button type="button" className="danger" onClick={() => setAsking(true)}>End this session…</button> : null}
        <button type="button" onClick={onClose}>Close</button>
      </p>
      {asking ? (
        <Confirm id="confirm-detail" title="End this session?" yes="Yes, end it" busy={busy} onYes={terminate} onCancel={() => setAsking(false)}>
          <p>Device <code>{deviceKey}</code> goes offline now and loses the time it has left. This cannot be undone.</p>
        </Confirm>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <div role="status" aria-live="polite">{done ? <p className="ok">Session <code>{done.deviceKey}</code> is {done.status} (ended {when(done.endedAt)}).</p> : null}</div>
    </section>
  );
}

function EndByDeviceKey() {
  const [pending, setPending] = useState<{ deviceKey: string; reason: string } | null>(null);
  const [done, setDone] = useState<TerminatedSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function ask(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setDone(null);
    setError(null);
    setPending({ deviceKey: String(f.get('deviceKey')).trim(), reason: String(f.get('reason') || '').trim() });
  }

  async function terminate() {
    if (!pending) return;
    setBusy(true);
    try {
      setDone(await api.terminateSession(pending.deviceKey, pending.reason || undefined));
      setPending(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="end-title">
      <h2 id="end-title">End a session by device key</h2>
      <p>The device is disconnected at its gateway and its remaining time is ended.</p>
      <form onSubmit={ask} className="form">
        <label htmlFor="deviceKey">Device key <span className="hint">(gateway#MAC, e.g. default#AA:BB:CC:DD:EE:FF)</span></label>
        <input id="deviceKey" name="deviceKey" required pattern="[^#\s]+#[^\s]+" />
        <label htmlFor="reason">Reason <span className="hint">(optional, kept with the session)</span></label>
        <input id="reason" name="reason" maxLength={200} />
        <button type="submit" className="danger">End session…</button>
      </form>
      {pending ? (
        <Confirm id="confirm" title="End this session?" yes="Yes, end it" busy={busy} onYes={terminate} onCancel={() => setPending(null)}>
          <p>Device <code>{pending.deviceKey}</code> goes offline now and loses the time it has left. This cannot be undone.</p>
        </Confirm>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {done ? <p className="ok" role="status">Session <code>{done.deviceKey}</code> is {done.status} (ended {when(done.endedAt)}).</p> : null}
    </section>
  );
}
