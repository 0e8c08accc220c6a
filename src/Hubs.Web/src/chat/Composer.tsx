import { useRef, useState, type KeyboardEvent } from 'react';
import type { Message } from '../api/types';
import { useChatStore } from './storeContext';

const MAX_LENGTH = 32_000;

export function Composer({
  roomId,
  replyTo,
  onClearReply,
}: {
  roomId: string;
  replyTo: Message | null;
  onClearReply: () => void;
}) {
  const store = useChatStore();
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);

  function send() {
    if (text.trim() === '' || text.length > MAX_LENGTH) return;
    store.send(roomId, text, replyTo?.seq);
    setText('');
    onClearReply();
    ref.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === 'Escape' && replyTo) {
      onClearReply();
    }
  }

  return (
    <div className="composer">
      {replyTo && (
        <div className="replying" data-testid="replying-to">
          Replying to <strong>{store.displayName(replyTo.sender)}</strong>: {replyTo.text.slice(0, 80)}
          <button type="button" className="link" onClick={onClearReply}>
            Cancel
          </button>
        </div>
      )}
      <div className="composer-row">
        <textarea
          ref={ref}
          data-testid="composer"
          rows={2}
          placeholder="Write a message (Enter sends, Shift+Enter for a new line)"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value !== '') store.typingInput(roomId);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => store.stopTyping(roomId)}
        />
        <button type="button" data-testid="send" onClick={send} disabled={text.trim() === ''}>
          Send
        </button>
      </div>
      {text.length > MAX_LENGTH && <p className="error">The message is too long ({text.length} / {MAX_LENGTH}).</p>}
    </div>
  );
}
