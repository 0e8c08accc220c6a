import { useState, type FormEvent } from 'react';
import { roomHash } from '../useHashRoute';
import { MemberPicker } from './MemberPicker';
import { useChatState, useChatStore } from './storeContext';

export function NewRoomDialog({ onClose }: { onClose: () => void }) {
  const store = useChatStore();
  const state = useChatState();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const id = await store.createRoom(name.trim(), members);
    setBusy(false);
    if (id) {
      onClose();
      window.location.hash = roomHash(id);
    }
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog" onSubmit={submit} data-testid="new-room-dialog">
        <h2>New room</h2>
        <label>
          Name
          <input
            data-testid="new-room-name"
            autoFocus
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <MemberPicker
          users={state.users.filter((u) => u.user !== state.me.user)}
          selected={members}
          onChange={setMembers}
        />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" data-testid="new-room-create" disabled={busy || name.trim() === ''}>
            Create
          </button>
        </div>
      </form>
    </div>
  );
}
