import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { SessionInfo } from '../api/types';

export function LoginPage({ onLogin }: { onLogin: (s: SessionInfo) => void }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await api.login(user.trim().toLowerCase(), password));
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'Wrong user name or password.'
          : String((err as Error).message),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <form className="login-box" onSubmit={submit} data-testid="login-form">
        <h1>Hubs</h1>
        <label>
          User name
          <input
            data-testid="login-user"
            autoComplete="username"
            autoFocus
            value={user}
            onChange={(e) => setUser(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="login-submit" disabled={busy || !user || !password}>
          Log in
        </button>
      </form>
    </div>
  );
}
