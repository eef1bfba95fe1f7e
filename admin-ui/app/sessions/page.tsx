'use client';
import { useState } from 'react';
import { ErrorNote } from '@/components/States';
import { api } from '@/lib/api';
import { when } from '@/lib/format';
import type { TerminatedSession } from '@/lib/types';

export default function SessionsPage() {
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
    <>
      <h1>Sessions</h1>
      <section className="card" aria-labelledby="end-title">
        <h2 id="end-title">End a session</h2>
        <p>The device is disconnected at its gateway and its remaining time is ended.</p>
        <form onSubmit={ask} className="form">
          <label htmlFor="deviceKey">Device key <span className="hint">(gateway#MAC, e.g. default#AA:BB:CC:DD:EE:FF)</span></label>
          <input id="deviceKey" name="deviceKey" required pattern="[^#\s]+#[^\s]+" />
          <label htmlFor="reason">Reason <span className="hint">(optional, kept with the session)</span></label>
          <input id="reason" name="reason" maxLength={200} />
          <button type="submit" className="danger">End session…</button>
        </form>
        {pending ? (
          <div className="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <h3 id="confirm-title">End this session?</h3>
            <p id="confirm-text">Device <code>{pending.deviceKey}</code> goes offline now and loses the time it has left. This cannot be undone.</p>
            <p className="row">
              <button type="button" className="danger" onClick={terminate} disabled={busy} autoFocus>{busy ? 'Ending…' : 'Yes, end it'}</button>
              <button type="button" onClick={() => setPending(null)} disabled={busy}>Cancel</button>
            </p>
          </div>
        ) : null}
        {error ? <ErrorNote error={error} /> : null}
        {done ? <p className="ok" role="status">Session <code>{done.deviceKey}</code> is {done.status} (ended {when(done.endedAt)}).</p> : null}
      </section>
    </>
  );
}
