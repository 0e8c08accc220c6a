import { roomHash } from '../useHashRoute';
import { useChatState, useChatStore } from './storeContext';

export function Toasts() {
  const store = useChatStore();
  const { toasts } = useChatState();
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast" data-testid="toast">
          <a href={roomHash(t.roomId)} onClick={() => store.dismissToast(t.id)}>
            {t.text}
          </a>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => store.dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
