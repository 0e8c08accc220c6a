import { useEffect, useState } from 'react';
import type { SessionInfo } from '../api/types';
import { AdminPage } from '../admin/AdminPage';
import { useHashRoute } from '../useHashRoute';
import { ChatStore } from './chatStore';
import { Sidebar } from './Sidebar';
import { RoomView } from './RoomView';
import { ChatStoreContext, useChatState, useChatStore } from './storeContext';
import { Toasts } from './Toasts';

export function ChatApp({ session, onLogout }: { session: SessionInfo; onLogout: () => void }) {
  const [store, setStore] = useState<ChatStore | null>(null);

  useEffect(() => {
    const s = new ChatStore(session);
    setStore(s);
    void s.start();
    return () => {
      void s.stop();
    };
  }, [session]);

  if (!store) return <div className="splash">Connecting…</div>;
  return (
    <ChatStoreContext.Provider value={store}>
      <Shell onLogout={onLogout} />
    </ChatStoreContext.Provider>
  );
}

function Shell({ onLogout }: { onLogout: () => void }) {
  const store = useChatStore();
  const state = useChatState();
  const route = useHashRoute();
  const roomId = route.page === 'chat' ? route.roomId : null;
  const roomKnown = roomId !== null && state.rooms[roomId] !== undefined;
  const showsAdmin = route.page === 'admin' && state.me.isAdmin;
  // On a narrow screen only one pane shows: the room list, or the open room (or admin page).
  const pane = showsAdmin || roomKnown ? 'pane-main' : 'pane-nav';

  useEffect(() => {
    void store.openRoom(roomId);
  }, [store, roomId, roomKnown]);

  return (
    <div className={`shell ${pane}`}>
      <Sidebar onLogout={onLogout} />
      <main className="main">
        {state.error && (
          <div className="banner error" role="alert" data-testid="error-banner">
            {state.error}
            <button type="button" className="link" onClick={() => store.clearError()}>
              Dismiss
            </button>
          </div>
        )}
        {!state.connected && (
          <div className="banner" data-testid="offline-banner">
            Reconnecting…
          </div>
        )}
        {showsAdmin ? (
          <AdminPage />
        ) : roomId && roomKnown ? (
          <RoomView key={roomId} roomId={roomId} />
        ) : (
          <div className="empty">Pick a room on the left, or start a new one.</div>
        )}
      </main>
      <Toasts />
    </div>
  );
}
