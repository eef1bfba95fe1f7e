'use client';
// Settings: the deployment's environment (read-only: it comes from the stack's parameters and secrets) and what the
// operator may change here, the portal's branding and the SMS notifications (GET/PUT /api/admin/settings; a PUT
// names the version it read, 409 STALE_SETTINGS when someone else saved first).
import { useState } from 'react';
import Field from '@/components/Field';
import { ErrorNote, Loading } from '@/components/States';
import { api, ApiError } from '@/lib/api';
import { when } from '@/lib/format';
import type { Settings } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';

/** A bad support phone answers INVALID_PHONE, perhaps without a field: it belongs beside that input all the same. */
function placed(error: unknown): unknown {
  return error instanceof ApiError && error.code === 'INVALID_PHONE' && !error.field
    ? new ApiError(error.status, error.code, error.message, 'branding.supportPhone') : error;
}

export default function SettingsPage() {
  const settings = useLoad(() => api.settings());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const s = settings.data;

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!s) return;
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setSaving(true);
    setError(null);
    setNote(null);
    try {
      const saved = await api.updateSettings({
        version: s.version,
        branding: { portalName: text('portalName'), primaryColor: text('primaryColor'), accentColor: text('accentColor'),
          supportPhone: text('supportPhone') || null },
        notifications: { smsReceipts: f.get('smsReceipts') === 'on', voucherSms: f.get('voucherSms') === 'on' },
      });
      settings.setData(saved);
      setNote({ ok: true, text: 'Settings saved. The portal shows the new branding on its next load.' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setNote({ ok: false, text: 'Someone else saved the settings while you were editing them. The form now shows what is saved: make your change again.' });
        settings.reload();
      } else {
        setError(placed(err));
      }
    } finally {
      setSaving(false);
    }
  }

  const general = error && !(error instanceof ApiError && error.field) ? error : null;
  return (
    <>
      <h1>Settings</h1>
      <div role="status" aria-live="polite">{note ? <p className={note.ok ? 'ok' : 'warn'}>{note.text}</p> : null}</div>
      {settings.loading && !s ? <Loading what="the settings" /> : settings.error ? <ErrorNote error={settings.error} retry={settings.reload} /> : s ? (
        <>
          <section className="card" aria-labelledby="env-title">
            <h2 id="env-title">Environment</h2>
            <p className="muted">Set when the system is deployed (its parameters and secrets); shown here read-only.</p>
            <dl className="facts" id="environment">
              <dt>M-Pesa (Daraja)</dt><dd>{s.environment.darajaEnvironment}</dd>
              <dt>Shortcode</dt><dd>{s.environment.darajaShortcode}</dd>
              <dt>Transaction type</dt><dd>{s.environment.darajaTransactionType}</dd>
              <dt>Callback URL</dt><dd><code>{s.environment.callbackUrl}</code></dd>
              <dt>Portal</dt><dd><code>{s.environment.portalBaseUrl}</code></dd>
              <dt>RADIUS server</dt><dd>{s.environment.radiusServerAddress ?? '–'}</dd>
              <dt>RADIUS API token</dt><dd>{s.environment.radiusApiToken}</dd>
              <dt>SMS sender</dt><dd>{s.environment.smsSender ?? 'SMS not configured'}</dd>
            </dl>
          </section>
          <form className="card form" onSubmit={save} noValidate key={s.version} aria-labelledby="edit-title">
            <h2 id="edit-title">Branding and notifications</h2>
            <p className="muted">{s.updatedAt ? `Last saved ${when(s.updatedAt)}${s.updatedBy ? ` by ${s.updatedBy}` : ''}.` : 'Never edited: the defaults are shown.'}</p>
            <Field id="portalName" field="branding.portalName" label="Portal name" hint="1–40 characters" error={error}>
              <input name="portalName" maxLength={40} defaultValue={s.branding.portalName} />
            </Field>
            <Field id="primaryColor" field="branding.primaryColor" label="Primary colour" hint="#rrggbb" error={error}>
              <input name="primaryColor" defaultValue={s.branding.primaryColor} pattern="#[0-9a-fA-F]{6}" />
            </Field>
            <Field id="accentColor" field="branding.accentColor" label="Accent colour" hint="#rrggbb" error={error}>
              <input name="accentColor" defaultValue={s.branding.accentColor} pattern="#[0-9a-fA-F]{6}" />
            </Field>
            <Field id="supportPhone" field="branding.supportPhone" label="Support phone" hint="optional, shown to buyers" error={error}>
              <input name="supportPhone" type="tel" inputMode="tel" defaultValue={s.branding.supportPhone ?? ''} />
            </Field>
            <fieldset className="plain">
              <legend>SMS notifications</legend>
              <label className="check"><input type="checkbox" name="smsReceipts" defaultChecked={s.notifications.smsReceipts} /> Receipt SMS after a purchase</label>
              <label className="check"><input type="checkbox" name="voucherSms" defaultChecked={s.notifications.voucherSms} /> Vouchers sent by SMS</label>
            </fieldset>
            {general ? <ErrorNote error={general} /> : null}
            <p><button type="submit" className="primary" disabled={saving}>{saving ? 'Saving…' : 'Save settings'}</button></p>
          </form>
        </>
      ) : null}
    </>
  );
}
