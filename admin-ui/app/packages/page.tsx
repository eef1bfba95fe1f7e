'use client';
// Packages: every package, on sale or not (GET /api/admin/packages), add one, edit one (PUT with the version it was
// read with: 409 STALE_PACKAGE when someone else saved first) and take one off sale after a confirmation.
import { useState } from 'react';
import Confirm from '@/components/Confirm';
import Field from '@/components/Field';
import TableWrap from '@/components/TableWrap';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { api, ApiError } from '@/lib/api';
import { duration, kes } from '@/lib/format';
import type { AdminPackage, PackageInput } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';

export default function PackagesPage() {
  const list = useLoad(() => api.adminPackages());
  const [editing, setEditing] = useState<AdminPackage | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState('');
  const [deactivating, setDeactivating] = useState<AdminPackage | null>(null);
  const [deactivateError, setDeactivateError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function edit(p: AdminPackage) {
    setEditing(p);
    setFormError(null);
    setStale(false);
    setDone('');
    document.getElementById('package-form-title')?.scrollIntoView({ block: 'start' });
  }

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const num = (k: string) => (text(k) === '' ? undefined : Number(text(k)));
    const body: PackageInput = {
      name: text('name'), description: text('description'), durationMinutes: Number(text('durationMinutes')),
      bandwidthMbps: Number(text('bandwidthMbps')), uploadMbps: num('uploadMbps'), priceKES: Number(text('priceKES')),
      sortOrder: num('sortOrder'),
    };
    const form = e.currentTarget;
    setSaving(true);
    setFormError(null);
    setStale(false);
    setDone('');
    try {
      if (editing) {
        const saved = await api.updatePackage(editing.packageId, { ...body, active: f.get('active') === 'on', version: editing.version });
        setDone(`Package ${saved.name} saved.`);
        setEditing(null);
      } else {
        const created = await api.createPackage({ ...body, packageId: text('packageId') });
        setDone(`Package ${created.name} (${created.packageId}) added. Buyers see it within a minute.`);
        form.reset();
      }
      list.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'STALE_PACKAGE' && editing) {
        // Read what the other admin saved first, then say so: the note never shows beside the rejected values.
        const fresh = await api.adminPackages().catch(() => null);
        if (fresh) {
          list.setData(fresh);
          const again = fresh.items.find(p => p.packageId === editing.packageId);
          if (again) setEditing(again);
        }
        setStale(true);
      } else {
        setFormError(err);
      }
    } finally {
      setSaving(false);
    }
  }

  async function deactivate() {
    if (!deactivating) return;
    setBusy(true);
    setDeactivateError(null);
    try {
      const p = await api.deactivatePackage(deactivating.packageId);
      setDone(`Package ${p.name} is off sale.`);
      setDeactivating(null);
      if (editing?.packageId === p.packageId) setEditing(null);
      list.reload();
    } catch (err) {
      setDeactivateError(err);
    } finally {
      setBusy(false);
    }
  }

  const generalError = formError && !(formError instanceof ApiError && formError.field) ? formError : null;
  return (
    <>
      <h1>Packages</h1>
      <p className="ok-live" role="status" aria-live="polite">{done ? <span className="ok">{done}</span> : null}</p>
      <section aria-labelledby="list-title">
        <h2 id="list-title">All packages</h2>
        {list.loading && !list.data ? <Loading what="packages" /> : list.error ? <ErrorNote error={list.error} retry={list.reload} />
          : !list.data?.items.length ? <Empty>No packages yet: add the first one below.</Empty> : (
            <TableWrap label="All packages">
              <table>
                <thead><tr><th scope="col">Package</th><th scope="col">Time</th><th scope="col">Speed</th><th scope="col">Price</th>
                  <th scope="col">Order</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
                <tbody>
                  {list.data.items.map(p => (
                    <tr key={p.packageId} data-package={p.packageId}>
                      <td><strong>{p.name}</strong><br /><span className="muted">{p.packageId}</span>{p.description ? <><br />{p.description}</> : null}</td>
                      <td>{duration(p.durationMinutes * 60)}</td>
                      <td>{p.bandwidthMbps}/{p.uploadMbps} Mbps</td>
                      <td>{kes(p.priceKES)}</td>
                      <td>{p.sortOrder}</td>
                      <td><span className={p.active ? 'badge ok' : 'badge bad'}>{p.active ? 'On sale' : 'Off sale'}</span></td>
                      <td className="actions">
                        <button type="button" onClick={() => edit(p)} aria-label={`Edit ${p.name}`}>Edit</button>
                        {p.active ? <button type="button" onClick={() => { setDeactivating(p); setDeactivateError(null); }}
                          aria-label={`Take ${p.name} off sale`}>Deactivate</button> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        {deactivating ? (
          <Confirm id="deactivate" title={`Take ${deactivating.name} off sale?`} yes="Yes, take it off sale" busy={busy}
            onYes={deactivate} onCancel={() => setDeactivating(null)}>
            <p>Buyers stop seeing it within a minute. Vouchers already sold for it still work, and you can put it back on sale by editing it.</p>
          </Confirm>
        ) : null}
        {deactivateError ? <ErrorNote error={deactivateError} /> : null}
      </section>

      <section className="card" aria-labelledby="package-form-title">
        <h2 id="package-form-title">{editing ? `Edit ${editing.name}` : 'Add a package'}</h2>
        {stale ? (
          <p className="warn" role="alert">Someone else changed this package while you were editing it. The form now shows what is saved:
            check it and save again.</p>
        ) : null}
        <form key={editing ? `${editing.packageId}@${editing.version}` : 'new'} onSubmit={save} className="form" noValidate>
          {editing ? <p>Package id <code>{editing.packageId}</code> <span className="hint">(cannot change: sales and vouchers name it)</span></p> : (
            <Field id="packageId" label="Package id" hint="lowercase letters, digits, dashes" error={formError}>
              <input name="packageId" required pattern="[a-z0-9][a-z0-9\-]{0,39}" />
            </Field>
          )}
          <Field id="name" label="Name" error={formError}><input name="name" required maxLength={60} defaultValue={editing?.name} /></Field>
          <Field id="description" label="Description" hint="optional" error={formError}>
            <input name="description" maxLength={200} defaultValue={editing?.description} />
          </Field>
          <Field id="durationMinutes" label="Time in minutes" hint="60 = 1 hour, 1440 = 1 day" error={formError}>
            <input name="durationMinutes" type="number" min={1} max={44640} required defaultValue={editing?.durationMinutes} />
          </Field>
          <Field id="bandwidthMbps" label="Download speed, Mbps" error={formError}>
            <input name="bandwidthMbps" type="number" min={1} max={1000} required defaultValue={editing?.bandwidthMbps} />
          </Field>
          <Field id="uploadMbps" label="Upload speed, Mbps" hint="optional: the download speed" error={formError}>
            <input name="uploadMbps" type="number" min={1} max={1000} defaultValue={editing?.uploadMbps} />
          </Field>
          <Field id="priceKES" label="Price, KES" error={formError}>
            <input name="priceKES" type="number" min={1} max={250000} required defaultValue={editing?.priceKES} />
          </Field>
          <Field id="sortOrder" label="Order in the portal" hint="smaller first" error={formError}>
            <input name="sortOrder" type="number" min={0} max={10000} defaultValue={editing?.sortOrder ?? 0} />
          </Field>
          {editing ? <label className="check"><input type="checkbox" name="active" defaultChecked={editing.active} /> On sale</label> : null}
          {generalError ? <ErrorNote error={generalError} /> : null}
          <p className="row">
            <button type="submit" className="primary" disabled={saving}>{saving ? 'Saving…' : editing ? 'Save package' : 'Add package'}</button>
            {editing ? <button type="button" onClick={() => { setEditing(null); setStale(false); setFormError(null); }}>Cancel</button> : null}
          </p>
        </form>
      </section>
    </>
  );
}
