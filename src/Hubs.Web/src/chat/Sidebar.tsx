import { useState } from 'react';
import { roomHash } from '../useHashRoute';
import { NewRoomDialog } from './NewRoomDialog';
import { useChatState, useChatStore } from './storeContext';

export function Sidebar({ onLogout }: { onLogout: () => void }) {
  const store = useChatStore();
  const state = useChatState();
  const [creating, setCreating] = useState(false);
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );

  const rooms = Object.values(state.rooms)
    .map((rs) => rs.room)
    .sort((a, b) => Number(a.kind === 'direct') - Number(b.kind === 'direct')
      || store.roomTitle(a).localeCompare(store.roomTitle(b)));
  const others = state.users.filter((u) => u.user !== state.me.user);

  async function startDirect(user: string) {
    const id = await store.startDirect(user);
    if (id) window.location.hash = roomHash(id);
  }

  return (
    <aside className="sidebar">
      <header className="me">
        <span className={state.connected ? 'dot online' : 'dot'} title={state.connected ? 'Connected' : 'Offline'} />
        <strong data-testid="me">{state.me.displayName || state.me.user}</strong>
        <button type="button" className="link" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </header>
      {state.me.isAdmin && (
        <a className="nav" href="#/admin" data-testid="admin-link">
          Administration
        </a>
      )}
      {permission === 'default' && (
        <button
          type="button"
          className="link nav"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          Enable notifications
        </button>
      )}

      <div className="section">
        <span>Rooms</span>
        <button type="button" className="link" data-testid="new-room" onClick={() => setCreating(true)}>
          + New
        </button>
      </div>
      <ul className="room-list" data-testid="room-list">
        {rooms.map((room) => (
          <li key={room.id}>
            <a
              href={roomHash(room.id)}
              className={[
                'room-item',
                room.id === state.activeRoomId ? 'active' : '',
                room.unread > 0 ? 'unread' : '',
              ].join(' ')}
              data-testid="room-item"
              data-room-id={room.id}
              data-room-name={store.roomTitle(room)}
            >
              <span className="room-name">
                {room.kind === 'direct' ? '@ ' : '# '}
                {store.roomTitle(room)}
              </span>
              {room.unreadMentions > 0 && (
                <span className="badge mention" data-testid="mention-badge" title="Mentions">
                  @{room.unreadMentions}
                </span>
              )}
              {room.unread > 0 && (
                <span className="badge" data-testid="unread-badge" title="Unread messages">
                  {room.unread}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>

      <div className="section">
        <span>People</span>
      </div>
      <ul className="people">
        {others.map((u) => (
          <li key={u.user}>
            <button
              type="button"
              className="link"
              data-testid="start-direct"
              data-user={u.user}
              onClick={() => void startDirect(u.user)}
            >
              {u.displayName || u.user}
            </button>
          </li>
        ))}
      </ul>
      {creating && <NewRoomDialog onClose={() => setCreating(false)} />}
    </aside>
  );
}
