import { useState } from 'react';
import type { UserSummary } from '../api/types';

/** Check boxes for users, with a filter once the list is long. */
export function MemberPicker({
  users,
  selected,
  onChange,
}: {
  users: UserSummary[];
  selected: string[];
  onChange: (users: string[]) => void;
}) {
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = users.filter((u) => !f || u.user.includes(f) || u.displayName.toLowerCase().includes(f));

  function toggle(user: string, on: boolean) {
    onChange(on ? [...selected, user] : selected.filter((u) => u !== user));
  }

  return (
    <fieldset className="picker" data-testid="member-picker">
      <legend>Members</legend>
      {users.length > 8 && (
        <input placeholder="Filter people" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      {shown.length === 0 && <p className="muted">Nobody to add.</p>}
      {shown.map((u) => (
        <label key={u.user} className="check">
          <input
            type="checkbox"
            data-testid="member-option"
            data-user={u.user}
            checked={selected.includes(u.user)}
            onChange={(e) => toggle(u.user, e.target.checked)}
          />
          {u.displayName || u.user} <span className="muted">@{u.user}</span>
        </label>
      ))}
    </fieldset>
  );
}
