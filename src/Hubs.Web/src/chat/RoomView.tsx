import { useLayoutEffect, useRef, useState } from 'react';
import type { Message } from '../api/types';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { RoomSettings } from './RoomSettings';
import { useChatState, useChatStore } from './storeContext';

export function RoomView({ roomId }: { roomId: string }) {
  const store = useChatStore();
  const state = useChatState();
  const rs = state.rooms[roomId];
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [settings, setSettings] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const messages = rs?.messages ?? null;
  const pendingCount = rs?.pending.length ?? 0;
  const lastSeq = messages?.[messages.length - 1]?.seq ?? 0;

  // Follow new messages when the reader is at the bottom; leave them alone while reading history.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastSeq, pendingCount, messages === null]);

  if (!rs) return null;
  const room = rs.room;
  const role = store.myRole(room);
  const canModerate = role === 'owner' || role === 'moderator';
  const typingUsers = Object.keys(rs.typing).filter((u) => u !== state.me.user);

  return (
    <section className="room" data-testid="room-view" data-room-id={room.id}>
      <header className="room-header">
        <h2 data-testid="room-title">
          {room.kind === 'direct' ? '@ ' : '# '}
          {store.roomTitle(room)}
        </h2>
        <span className="muted">{room.members.length} members</span>
        <button type="button" className="link" data-testid="room-settings" onClick={() => setSettings(true)}>
          Settings
        </button>
      </header>

      <div
        className="messages"
        ref={listRef}
        data-testid="message-list"
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {messages === null && <p className="muted">Loading…</p>}
        {rs.hasOlder && (
          <button
            type="button"
            className="load-older"
            data-testid="load-older"
            disabled={rs.loadingOlder}
            onClick={() => void store.loadOlder(room.id)}
          >
            {rs.loadingOlder ? 'Loading…' : 'Load older messages'}
          </button>
        )}
        {messages?.map((m) => (
          <MessageItem
            key={m.seq}
            message={m}
            canDelete={m.sender === state.me.user || canModerate}
            onReply={() => setReplyTo(m)}
          />
        ))}
        {rs.pending.map((p) => (
          <div key={p.clientId} className="message pending" data-testid="pending-message" data-status={p.status}>
            <div className="meta">
              <strong>{state.me.displayName || state.me.user}</strong>
              <span className="muted">
                {p.status === 'sending' ? 'sending…' : p.status === 'retrying' ? 'retrying…' : 'not sent'}
              </span>
            </div>
            <div className="body plain">{p.text}</div>
            {p.status === 'failed' && (
              <div className="muted">
                {p.error}{' '}
                <button type="button" className="link" onClick={() => store.retry(room.id, p.clientId)}>
                  Retry
                </button>{' '}
                <button type="button" className="link" onClick={() => store.discardPending(room.id, p.clientId)}>
                  Discard
                </button>
              </div>
            )}
          </div>
        ))}
      </div>

      <div className="typing" data-testid="typing-indicator" aria-live="polite">
        {typingUsers.length === 1 && `${store.displayName(typingUsers[0] ?? '')} is typing…`}
        {typingUsers.length > 1 && `${typingUsers.map((u) => store.displayName(u)).join(', ')} are typing…`}
      </div>

      <Composer roomId={room.id} replyTo={replyTo} onClearReply={() => setReplyTo(null)} />
      {settings && <RoomSettings room={room} onClose={() => setSettings(false)} />}
    </section>
  );
}
