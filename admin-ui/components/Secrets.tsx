'use client';
// What create and rotate answer, shown once: the API key, the RADIUS secret and the setup script, each copyable.
import CopyButton from './CopyButton';
import type { IssuedGateway } from '@/lib/types';

export default function Secrets({ issued, onClose }: { issued: IssuedGateway; onClose: () => void }) {
  const g = issued.gateway;
  return (
    <section className="card secrets" aria-labelledby="secrets-title">
      <h2 id="secrets-title">Secrets for {g.name} ({g.gatewayId})</h2>
      <p className="warn">{issued.note}</p>
      <dl>
        {issued.apiKey ? (<><dt>API key</dt><dd><code id="api-key">{issued.apiKey}</code> <CopyButton text={issued.apiKey} label="API key" /></dd></>) : null}
        {issued.radiusSecret ? (<><dt>RADIUS secret</dt><dd><code id="radius-secret">{issued.radiusSecret}</code> <CopyButton text={issued.radiusSecret} label="RADIUS secret" /></dd></>) : null}
      </dl>
      <h3>Setup script</h3>
      <CopyButton text={issued.setup.script} label="setup script" />
      <pre className="script" tabIndex={0} aria-label="Setup script">{issued.setup.script}</pre>
      {issued.setup.loginHtml ? (<><h3>Hotspot login.html</h3><CopyButton text={issued.setup.loginHtml} label="login.html" />
        <pre className="script" tabIndex={0} aria-label="Hotspot login.html">{issued.setup.loginHtml}</pre></>) : null}
      <button type="button" onClick={onClose}>I have copied them: hide</button>
    </section>
  );
}
