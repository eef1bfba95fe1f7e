'use client';
// Copies a secret or script to the clipboard and says so (the secrets are shown once).
import { useState } from 'react';

export default function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<'' | 'Copied' | 'Copy failed: select the text'>('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone('Copied');
    } catch {
      setDone('Copy failed: select the text');
    }
  }
  return (
    <span className="copy">
      <button type="button" onClick={copy}>Copy {label}</button>
      <span role="status" className="hint">{done}</span>
    </span>
  );
}
