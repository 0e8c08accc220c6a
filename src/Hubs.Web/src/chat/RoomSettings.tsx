import { useState, type FormEvent } from 'react';
import type { Room, RoomRole } from '../api/types';
import { MemberPicker } from './MemberPicker';
import { useChatState, useChatStore } from './storeContext';

const ROLES: RoomRole[] = ['owner', 'moderator', 'member'];

export function RoomSettings({ room, onClose }: { room: Room; onClose: () => void }) {
  const store = useChatStore();
  const state = useChatState();
  const [name, setName] = useState(room.name);
  const [adding, setAdding] = useState<string[]>([]);
  const role = store.myRole(room);
  const canModerate = role === 'owner' || role === 'moderator';
  const isGroup = room.kind === 'group';
  const memberNames = new Set(room.members.map((m) => m.user));
  const candidates = state.users.filter((u) => !memberNames.has(u.user));

  async function rename(e: FormEvent) {
    e.preventDefault();
    if (name.trim() !== '' && name.trim() !== room.name) await store.rename(room.id, name.trim());
  }

  async function add() {
    if (adding.length === 0) return;
    await store.addMembers(room.id, adding);
    setAdding([]);
  }

  async function leave() {
    if (!window.confirm('Leave this room?')) return;
    await store.removeMember(room.id, state.me.user);
    onClose();
    window.location.hash = '#/';
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog" data-testid="room-settings-dialog">
        <h2>Room settings</h2>
        {isGroup && canModerate && (
          <form onSubmit={rename} className="row">
            <input data-testid="rename-input" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            <button type="submit" data-testid="rename-save">
              Rename
            </button>
          </form>
        )}

        <h3>Members</h3>
        <ul className="members" data-testid="members">
          {room.members.map((m) => (
            <li key={m.user} data-testid="member" data-user={m.user} data-role={m.role}>
              <span>
                {store.displayName(m.user)} <span className="muted">@{m.user}</span>
              </span>
              {role === 'owner' && isGroup && m.user !== state.me.user ? (
                <select
                  data-testid="member-role"
                  value={m.role}
                  onChange={(e) => void store.setRole(room.id, m.user, e.target.value as RoomRole)}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="muted">{m.role}</span>
              )}
              {canModerate && isGroup && m.user !== state.me.user && (
                <button
                  type="button"
                  className="link danger"
                  data-testid="member-remove"
                  onClick={() => void store.removeMember(room.id, m.user)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>

        {isGroup && canModerate && candidates.length > 0 && (
          <>
            <MemberPicker users={candidates} selected={adding} onChange={setAdding} />
            <button type="button" data-testid="add-members" disabled={adding.length === 0} onClick={() => void add()}>
              Add members
            </button>
          </>
        )}

        <div className="actions">
          {isGroup && (
            <button type="button" className="danger" data-testid="leave-room" onClick={() => void leave()}>
              Leave room
            </button>
          )}
          <button type="button" data-testid="close-settings" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
