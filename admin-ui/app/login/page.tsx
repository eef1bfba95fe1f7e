'use client';
import { useState } from 'react';
import { api, ApiError, BASE_PATH, session } from '@/lib/api';

export default function LoginPage() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError('');
    try {
      const answer = await api.login(String(form.get('email')), String(form.get('password')));
      if (!answer.roles.includes('admin')) throw new ApiError(403, 'FORBIDDEN', 'This account is not an admin.');
      session.save(answer.token);
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.assign(next && next.startsWith(BASE_PATH + '/') ? next : `${BASE_PATH}/`);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'Wrong email or password.' : err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Sign in</h1>
      <p>WiFi billing admin</p>
      <form onSubmit={submit} className="card form">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue="admin@localhost" />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error ? <p id="login-error" className="error" role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </>
  );
}
