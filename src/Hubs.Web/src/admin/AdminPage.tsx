import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useChatState, useChatStore } from '../chat/storeContext';

export function AdminPage() {
  const store = useChatStore();
  const { users } = useChatState();
  const [user, setUser] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const created = await api.createUser(user.trim().toLowerCase(), password, displayName.trim() || user.trim());
      setMessage({ ok: true, text: `Created ${created.user}.` });
      setUser('');
      setDisplayName('');
      setPassword('');
      await store.loadUsers();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : 'The server cannot be reached.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin" data-testid="admin-page">
      <h2>
        <a href="#/" className="back" aria-label="Back to the room list">
          ‹
        </a>
        Administration
      </h2>
      <form className="admin-form" onSubmit={create}>
        <h3>Create a user</h3>
        <label>
          User name
          <input
            data-testid="admin-user"
            pattern="[a-z0-9][a-z0-9._\-]*"
            title="Lower-case letters, digits, dot, underscore and hyphen; starts with a letter or digit"
            maxLength={64}
            value={user}
            onChange={(e) => {
              setUser(e.target.value);
              setMessage(null);
            }}
          />
          <span className="muted">Lower-case letters, digits, . _ - (people log in with it)</span>
        </label>
        <label>
          Display name
          <input
            data-testid="admin-display-name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label>
          Password (8 characters or more)
          <input
            data-testid="admin-password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="admin-create" disabled={busy || !user || password.length < 8}>
          Create user
        </button>
        {message && (
          <p className={message.ok ? 'ok' : 'error'} role="status" data-testid="admin-result">
            {message.text}
          </p>
        )}
      </form>

      <h3>Users</h3>
      <table className="users" data-testid="admin-users">
        <thead>
          <tr>
            <th>User</th>
            <th>Display name</th>
            <th>Admin</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.user} data-testid="admin-user-row" data-user={u.user}>
              <td>{u.user}</td>
              <td>{u.displayName}</td>
              <td>{u.isAdmin ? 'yes' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
