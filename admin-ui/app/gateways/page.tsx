'use client';
import { useState } from 'react';
import CopyButton from '@/components/CopyButton';
import Field from '@/components/Field';
import Secrets from '@/components/Secrets';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { api, ApiError } from '@/lib/api';
import type { Gateway, GatewaySetup, GatewayStatus, GatewayType, IssuedGateway } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';
import { health } from '@/lib/format';

const TYPES: { value: GatewayType; label: string }[] = [
  { value: 'mikrotik', label: 'MikroTik' }, { value: 'pfsense', label: 'pfSense' }, { value: 'generic-radius', label: 'Other RADIUS' },
];

export default function GatewaysPage() {
  const list = useLoad(() => api.gateways());
  const [issued, setIssued] = useState<IssuedGateway | null>(null);
  const [setup, setSetup] = useState<GatewaySetup | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [type, setType] = useState<GatewayType>('mikrotik');
  const [editing, setEditing] = useState<Gateway | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const hosts = String(f.get('hosts') || '').split(/[\s,]+/).filter(Boolean);
    setAdding(true);
    setActionError(null);
    try {
      const answer = await api.addGateway({
        gatewayId: String(f.get('gatewayId')).trim(), name: String(f.get('name')).trim(), type,
        radiusClientAddress: String(f.get('radiusClientAddress') || '').trim() || undefined,
        loginUrlHosts: hosts.length ? hosts : undefined,
      });
      setIssued(answer);
      setSetup(null);
      (e.target as HTMLFormElement).reset();
      list.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setAdding(false);
    }
  }

  async function rotate(g: Gateway) {
    if (!window.confirm(`Rotate the API key and RADIUS secret of ${g.name}? The router stops working until it gets the new ones.`)) return;
    setActionError(null);
    try { setIssued(await api.rotateGateway(g.gatewayId)); setSetup(null); } catch (err) { setActionError(err); }
  }

  async function showSetup(g: Gateway) {
    setActionError(null);
    try { setSetup(await api.gatewaySetup(g.gatewayId)); } catch (err) { setActionError(err); }
  }

  return (
    <>
      <h1>Gateways</h1>
      {actionError ? <ErrorNote error={actionError} /> : null}
      <div role="status" aria-live="polite">{note ? <p className={note.ok ? 'ok' : 'warn'}>{note.text}</p> : null}</div>
      {editing ? <EditGateway key={`${editing.gatewayId}@${editing.version}`} gateway={editing} onClose={() => setEditing(null)}
        onSaved={g => { setEditing(null); setNote({ ok: true, text: `Gateway ${g.name} saved.` }); list.reload(); }}
        onStale={async () => {
          const fresh = await api.gateways().catch(() => null);
          const again = fresh?.items.find(x => x.gatewayId === editing.gatewayId);
          if (fresh) list.setData(fresh);
          if (again) { setEditing(again); setNote({ ok: false, text: 'Someone else changed this gateway while you were editing it. The form now shows what is saved: make your change again.' }); }
        }} /> : null}
      {issued ? <Secrets issued={issued} onClose={() => setIssued(null)} /> : null}
      {setup ? (
        <section className="card" aria-labelledby="setup-title">
          <h2 id="setup-title">Setup for {setup.gatewayId}</h2>
          <p>Secrets appear as placeholders: they were shown once, when the gateway was added or rotated.</p>
          <CopyButton text={setup.script} label="setup script" />
          <pre className="script" tabIndex={0} aria-label="Setup script">{setup.script}</pre>
          <button type="button" onClick={() => setSetup(null)}>Close</button>
        </section>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">All gateways</h2>
        {list.loading && !list.data ? <Loading what="gateways" /> : list.error ? <ErrorNote error={list.error} retry={list.reload} />
          : !list.data?.items.length ? <Empty>No gateways yet: add the first one below.</Empty> : (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">Gateway</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Health</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
                <tbody>
                  {list.data.items.map(g => {
                    const h = health(g.lastSeenAt);
                    return (
                      <tr key={g.gatewayId} data-gateway={g.gatewayId}>
                        <td><strong>{g.name}</strong><br /><span className="muted">{g.gatewayId}</span></td>
                        <td>{g.type}</td>
                        <td>{g.status}</td>
                        <td><span className={h.ok ? 'badge ok' : 'badge bad'}>{h.label}</span></td>
                        <td className="actions">
                          <button type="button" onClick={() => { setEditing(g); setNote(null); }} aria-label={`Edit ${g.name}`}>Edit</button>
                          <button type="button" onClick={() => showSetup(g)} aria-label={`Setup script of ${g.name}`}>Setup</button>
                          <button type="button" onClick={() => rotate(g)} aria-label={`Rotate keys of ${g.name}`}>Rotate</button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
      </section>

      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add a gateway</h2>
        <form onSubmit={add} className="form">
          <label htmlFor="gatewayId">Gateway id <span className="hint">(lowercase letters, digits, dashes)</span></label>
          <input id="gatewayId" name="gatewayId" required pattern="[a-z0-9-]{1,40}" />
          <label htmlFor="name">Name</label>
          <input id="name" name="name" required />
          <label htmlFor="type">Type</label>
          <select id="type" name="type" value={type} onChange={e => setType(e.target.value as GatewayType)}>
            {TYPES.map(t => <option key={t.value} value={t.value}>{t.label}</option>)}
          </select>
          <label htmlFor="radiusClientAddress">RADIUS client address <span className="hint">(where its RADIUS packets come from)</span></label>
          <input id="radiusClientAddress" name="radiusClientAddress" required placeholder="192.0.2.10" />
          <label htmlFor="hosts">Login page hosts <span className="hint">(space-separated, as the portal sees them)</span></label>
          <input id="hosts" name="hosts" required placeholder="10.5.50.1" />
          <button type="submit" className="primary" disabled={adding}>{adding ? 'Adding…' : 'Add gateway'}</button>
        </form>
      </section>
    </>
  );
}

/** Edits what may change of a gateway (PUT /api/admin/gateways/{gatewayId}): never its id, type or secrets. */
function EditGateway({ gateway: g, onClose, onSaved, onStale }: {
  gateway: Gateway; onClose: () => void; onSaved: (g: Gateway) => void; onStale: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const optional = (k: string) => text(k) || undefined; // a RADIUS address cannot be removed, only changed
      onSaved(await api.updateGateway(g.gatewayId, {
        version: g.version, name: text('name'), status: text('status') as GatewayStatus,
        loginUrlHosts: text('loginUrlHosts').split(/[\s,]+/).filter(Boolean), defaultLoginUrl: text('defaultLoginUrl'),
        // An empty CoA address makes CoA follow the RADIUS address again.
        radiusClientAddress: optional('radiusClientAddress'), coaAddress: text('coaAddress'), coaPort: Number(text('coaPort')),
        coaSupported: f.get('coaSupported') === 'on', idleTimeoutSeconds: Number(text('idleTimeoutSeconds') || 0),
        acctInterimSeconds: Number(text('acctInterimSeconds')),
      }));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'STALE_GATEWAY') onStale();
    } finally {
      setBusy(false);
    }
  }

  const general = error && !(error instanceof ApiError && error.field) ? error : null;
  return (
    <section className="card" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit {g.name} ({g.gatewayId})</h2>
      <p className="muted">The id and type cannot change; keys and secrets change only by rotating them.</p>
      <form className="form" onSubmit={save} noValidate>
        <Field id="edit-name" field="name" label="Name" error={error}><input name="name" defaultValue={g.name} /></Field>
        <Field id="edit-status" field="status" label="Status" hint="a disabled gateway serves no devices" error={error}>
          <select name="status" defaultValue={g.status}><option value="active">Active</option><option value="disabled">Disabled</option></select>
        </Field>
        <Field id="edit-loginUrlHosts" field="loginUrlHosts" label="Login page hosts" hint="space-separated" error={error}>
          <input name="loginUrlHosts" defaultValue={(g.loginUrlHosts ?? []).join(' ')} />
        </Field>
        <Field id="edit-defaultLoginUrl" field="defaultLoginUrl" label="Default login URL" hint="optional" error={error}>
          <input name="defaultLoginUrl" type="url" defaultValue={g.defaultLoginUrl ?? ''} />
        </Field>
        <Field id="edit-radiusClientAddress" field="radiusClientAddress" label="RADIUS client address" error={error}>
          <input name="radiusClientAddress" defaultValue={g.radiusClientAddress ?? ''} />
        </Field>
        <Field id="edit-coaAddress" field="coaAddress" label="CoA address" hint="where disconnects and speed changes go; empty: the RADIUS address" error={error}>
          <input name="coaAddress" defaultValue={g.coaAddress ?? ''} />
        </Field>
        <Field id="edit-coaPort" field="coaPort" label="CoA port" error={error}>
          <input name="coaPort" type="number" min={1} max={65535} defaultValue={g.coaPort} />
        </Field>
        <label className="check"><input type="checkbox" name="coaSupported" defaultChecked={g.coaSupported} /> The gateway accepts CoA</label>
        <Field id="edit-idleTimeoutSeconds" field="idleTimeoutSeconds" label="Idle timeout, seconds" hint="0 = none" error={error}>
          <input name="idleTimeoutSeconds" type="number" min={0} defaultValue={g.idleTimeoutSeconds ?? 0} />
        </Field>
        <Field id="edit-acctInterimSeconds" field="acctInterimSeconds" label="Accounting interval, seconds" error={error}>
          <input name="acctInterimSeconds" type="number" min={60} defaultValue={g.acctInterimSeconds} />
        </Field>
        {general ? <ErrorNote error={general} /> : null}
        <p className="row">
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save gateway'}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </p>
      </form>
    </section>
  );
}
