import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import type { Message } from '../api/types';
import { mentionsUser } from './chatStore';
import { renderMarkdown } from './markdown';
import { useChatState, useChatStore } from './storeContext';

export const QUICK_EMOJI = ['👍', '❤️', '😂', '🎉', '👀'];

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 140)}…` : flat;
}

export const MessageItem = memo(function MessageItem({
  message,
  continued,
  quoted,
  canDelete,
  onReply,
}: {
  message: Message;
  /** Follows a message of the same sender: the name and time are left out. */
  continued: boolean;
  /** The replied-to message when it is loaded: its current text beats the excerpt stored with the reply. */
  quoted: Message | undefined;
  canDelete: boolean;
  onReply: () => void;
}) {
  const store = useChatStore();
  const { me } = useChatState();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const html = useMemo(() => renderMarkdown(message.text, me.user), [message.text, me.user]);
  const mine = message.sender === me.user;
  const mentionsMe = mentionsUser(message, me.user);
  const edited = message.editedAt !== null && !message.deleted;

  function startEdit() {
    setDraft(message.text);
    setEditing(true);
  }

  async function saveEdit() {
    if (draft.trim() === '' || draft === message.text) {
      setEditing(false);
      return;
    }
    await store.edit(message.roomId, message.seq, draft);
    setEditing(false);
  }

  function onEditKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void saveEdit();
    } else if (e.key === 'Escape') {
      setEditing(false);
    }
  }

  if (message.kind === 'system') {
    return (
      <div className="message system" data-testid="message" data-seq={message.seq}>
        <span className="muted">{message.text}</span>
      </div>
    );
  }

  const classes = [
    'message',
    continued ? 'continued' : '',
    mentionsMe ? 'mentions-me' : '',
    message.deleted ? 'deleted' : '',
  ].join(' ');
  return (
    <article
      className={classes}
      data-testid="message"
      data-seq={message.seq}
      data-sender={message.sender}
      title={continued ? formatTime(message.createdAt) : undefined}
    >
      {message.replyTo && (
        <blockquote className="reply-quote" data-testid="reply-quote">
          <strong>{store.displayName(message.replyTo.sender)}</strong>{' '}
          {quoted?.deleted || (!quoted && message.replyTo.excerpt === '') ? (
            <em>deleted message</em>
          ) : (
            excerpt(quoted?.text ?? message.replyTo.excerpt)
          )}
        </blockquote>
      )}
      {(!continued || edited) && (
        <div className="meta">
          {!continued && (
            <>
              <strong className="sender">{store.displayName(message.sender)}</strong>
              <time className="muted" dateTime={message.createdAt}>
                {formatTime(message.createdAt)}
              </time>
            </>
          )}
          {edited && (
            <span className="muted" data-testid="edited-marker">
              (edited)
            </span>
          )}
        </div>
      )}

      {message.deleted ? (
        <div className="body muted" data-testid="message-body">
          This message was deleted.
        </div>
      ) : editing ? (
        <div className="edit">
          <textarea
            data-testid="edit-input"
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onEditKey}
          />
          <button type="button" data-testid="edit-save" onClick={() => void saveEdit()}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      ) : (
        // The HTML comes from renderMarkdown: raw HTML off, link allowlist, then DOMPurify.
        <div className="body" data-testid="message-body" dangerouslySetInnerHTML={{ __html: html }} />
      )}

      {!message.deleted && (
        <div className="reactions">
          {message.reactions
            .filter((r) => r.users.length > 0)
            .map((r) => {
              const pressed = r.users.includes(me.user);
              return (
                <button
                  key={r.emoji}
                  type="button"
                  className={pressed ? 'reaction pressed' : 'reaction'}
                  data-testid="reaction"
                  data-emoji={r.emoji}
                  data-count={r.users.length}
                  aria-pressed={pressed}
                  title={r.users.map((u) => store.displayName(u)).join(', ')}
                  onClick={() => void store.toggleReaction(message.roomId, message, r.emoji)}
                >
                  {r.emoji} <span className="count">{r.users.length}</span>
                </button>
              );
            })}
        </div>
      )}

      {!message.deleted && !editing && (
        <div className="actions">
          {QUICK_EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="link"
              data-testid="quick-reaction"
              data-emoji={emoji}
              title={`React with ${emoji}`}
              onClick={() => void store.toggleReaction(message.roomId, message, emoji)}
            >
              {emoji}
            </button>
          ))}
          <button type="button" className="link" data-testid="reply-message" onClick={onReply}>
            Reply
          </button>
          {mine && (
            <button type="button" className="link" data-testid="edit-message" onClick={startEdit}>
              Edit
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              className="link danger"
              data-testid="delete-message"
              onClick={() => {
                if (window.confirm('Delete this message?')) void store.remove(message.roomId, message.seq);
              }}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </article>
  );
});
