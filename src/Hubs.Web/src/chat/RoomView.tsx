import { useLayoutEffect, useRef, useState } from 'react';
import type { Message } from '../api/types';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { RoomSettings } from './RoomSettings';
import { useChatState, useChatStore } from './storeContext';

const GROUP_WINDOW_MS = 5 * 60_000;

/** A message right after another of the same sender, within minutes, shows without its header. */
function continuesGroup(previous: Message | undefined, m: Message): boolean {
  if (!previous || previous.kind === 'system' || m.kind === 'system' || m.replyTo) return false;
  if (previous.sender !== m.sender) return false;
  const gap = Date.parse(m.createdAt) - Date.parse(previous.createdAt);
  return gap >= 0 && gap < GROUP_WINDOW_MS;
}

export function RoomView({ roomId }: { roomId: string }) {
  const store = useChatStore();
  const state = useChatState();
  const rs = state.rooms[roomId];
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [settings, setSettings] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  // Distance from the bottom to keep while older messages are added above the reader's place.
  const keepFromBottom = useRef<number | null>(null);
  const messages = rs?.messages ?? null;
  const pendingCount = rs?.pending.length ?? 0;
  const lastSeq = messages?.[messages.length - 1]?.seq ?? 0;
  const firstSeq = messages?.[0]?.seq ?? 0;
  const loadingOlder = rs?.loadingOlder ?? false;

  // Follow new messages when the reader is at the bottom; leave them alone while reading history.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastSeq, pendingCount, messages === null]);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || loadingOlder || keepFromBottom.current === null) return;
    el.scrollTop = el.scrollHeight - keepFromBottom.current;
    keepFromBottom.current = null;
  }, [firstSeq, loadingOlder]);

  if (!rs) return null;
  const room = rs.room;
  const role = store.myRole(room);
  const canModerate = role === 'owner' || role === 'moderator';
  const typingUsers = Object.keys(rs.typing).filter((u) => u !== state.me.user);

  const bySeq = new Map((messages ?? []).map((m) => [m.seq, m]));

  function loadOlder() {
    const el = listRef.current;
    if (!rs?.hasOlder || rs.loadingOlder || rs.messages === null || !el) return;
    keepFromBottom.current = el.scrollHeight - el.scrollTop;
    void store.loadOlder(roomId);
  }

  return (
    <section className="room" data-testid="room-view" data-room-id={room.id}>
      <header className="room-header">
        <a href="#/" className="back" data-testid="back" aria-label="Back to the room list">
          ‹
        </a>
        <h2 data-testid="room-title" title={store.roomTitle(room)}>
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
          if (el.scrollTop < 80) loadOlder();
        }}
      >
        {messages === null && <p className="muted">Loading…</p>}
        {rs.hasOlder && (
          <button
            type="button"
            className="load-older"
            data-testid="load-older"
            disabled={rs.loadingOlder}
            onClick={loadOlder}
          >
            {rs.loadingOlder ? 'Loading…' : 'Load older messages'}
          </button>
        )}
        {messages?.map((m, i) => (
          <MessageItem
            key={m.seq}
            message={m}
            continued={continuesGroup(messages[i - 1], m)}
            quoted={m.replyTo ? bySeq.get(m.replyTo.seq) : undefined}
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
