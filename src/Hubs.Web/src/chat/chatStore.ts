import { api, ApiError, NetworkError } from '../api/client';
import { Realtime } from '../api/realtime';
import type {
  Message,
  Room,
  RoomEvent,
  RoomListItem,
  RoomRole,
  SessionInfo,
  UserEvent,
  UserSummary,
} from '../api/types';
import { RoomSync, upsertMessages } from './seqSync';

export interface PendingMessage {
  clientId: string;
  text: string;
  replyTo?: number;
  status: 'sending' | 'retrying' | 'failed';
  error?: string;
}

export interface RoomState {
  room: RoomListItem;
  /** Null until the room is opened the first time. */
  messages: Message[] | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** User name → time (ms) the typing hint expires. */
  typing: Record<string, number>;
  pending: PendingMessage[];
}

export interface Toast {
  id: number;
  roomId: string;
  text: string;
}

export interface ChatState {
  me: SessionInfo;
  users: UserSummary[];
  rooms: Record<string, RoomState>;
  activeRoomId: string | null;
  connected: boolean;
  toasts: Toast[];
  error: string | null;
}

const TYPING_SEND_INTERVAL_MS = 3000;
const TYPING_IDLE_MS = 4000;
const TYPING_SHOW_MS = 6000;
const MAX_SEND_ATTEMPTS = 6;

export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; fall back to 128 random bits.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function mentionsUser(message: Message, user: string): boolean {
  return message.sender !== user && (message.mentions.includes(user) || message.mentions.includes('all'));
}

function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message;
  return 'Something went wrong.';
}

/** All chat state of the logged-in user, kept current from the API and the SignalR connection. */
export class ChatStore {
  private state: ChatState;
  private readonly listeners = new Set<() => void>();
  private readonly syncs = new Map<string, RoomSync>();
  private readonly loading = new Set<string>();
  private readonly unknownRoomEvents = new Map<string, RoomEvent[]>();
  private readonly readPosted = new Map<string, number>();
  private readonly typingSentAt = new Map<string, number>();
  private readonly typingIdle = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly realtime: Realtime;
  private typingSweep: ReturnType<typeof setInterval> | null = null;
  private nextToastId = 1;
  private stopped = false;

  constructor(me: SessionInfo) {
    this.state = { me, users: [], rooms: {}, activeRoomId: null, connected: false, toasts: [], error: null };
    this.realtime = new Realtime({
      roomEvent: (e) => this.onRoomEvent(e),
      userEvent: (e) => this.onUserEvent(e),
      reconnected: () => void this.resyncAll(),
      status: (connected) => this.set({ connected }),
    });
  }

  // ---- store plumbing ------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ChatState => this.state;

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    this.updateTitle();
    for (const l of this.listeners) l();
  }

  private updateRoom(id: string, change: (rs: RoomState) => RoomState): void {
    const rs = this.state.rooms[id];
    if (!rs) return;
    const next = change(rs);
    if (next === rs) return;
    this.set({ rooms: { ...this.state.rooms, [id]: next } });
  }

  private updateTitle(): void {
    let mentions = 0;
    for (const rs of Object.values(this.state.rooms)) mentions += rs.room.unreadMentions;
    const title = mentions > 0 ? `(${mentions}) Hubs` : 'Hubs';
    if (document.title !== title) document.title = title;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  async start(): Promise<void> {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.typingSweep = setInterval(() => this.sweepTyping(), 1000);
    // Connect first so no event falls between the room list and the subscription.
    await this.realtime.start();
    await Promise.all([this.loadUsers(), this.loadRooms()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.typingSweep !== null) clearInterval(this.typingSweep);
    for (const t of this.typingIdle.values()) clearTimeout(t);
    await this.realtime.stop();
  }

  private onVisibility = (): void => {
    const id = this.state.activeRoomId;
    if (id) this.markReadIfVisible(id);
  };

  async loadUsers(): Promise<void> {
    try {
      this.set({ users: await api.users() });
    } catch (error) {
      this.set({ error: describeError(error) });
    }
  }

  private async loadRooms(): Promise<void> {
    try {
      const list = await api.rooms();
      const rooms: Record<string, RoomState> = {};
      for (const item of list) {
        const existing = this.state.rooms[item.id];
        rooms[item.id] = existing ? { ...existing, room: item } : this.newRoomState(item);
      }
      this.set({ rooms, error: null });
      for (const item of list) this.replayUnknown(item.id);
      if (this.state.activeRoomId && !rooms[this.state.activeRoomId]) this.set({ activeRoomId: null });
    } catch (error) {
      this.set({ error: describeError(error) });
    }
  }

  private newRoomState(room: RoomListItem): RoomState {
    return { room, messages: null, hasOlder: false, loadingOlder: false, typing: {}, pending: [] };
  }

  private addRoom(room: Room): void {
    if (this.state.rooms[room.id]) {
      this.updateRoom(room.id, (rs) => ({ ...rs, room: { ...rs.room, ...room } }));
      return;
    }
    const item: RoomListItem = { ...room, lastReadSeq: room.lastSeq, unread: 0, unreadMentions: 0 };
    this.set({ rooms: { ...this.state.rooms, [room.id]: this.newRoomState(item) } });
    this.replayUnknown(room.id);
  }

  private removeRoom(id: string): void {
    if (!this.state.rooms[id]) return;
    const rooms = { ...this.state.rooms };
    delete rooms[id];
    this.syncs.delete(id);
    this.set({ rooms, activeRoomId: this.state.activeRoomId === id ? null : this.state.activeRoomId });
  }

  /** After a reconnect: the room list (with unread counts) is authoritative; open rooms catch up. */
  private async resyncAll(): Promise<void> {
    if (this.stopped) return;
    await this.loadRooms();
    for (const [id, sync] of this.syncs) {
      if (this.state.rooms[id]) void sync.catchUp();
      else this.syncs.delete(id);
    }
  }

  // ---- real-time events ----------------------------------------------------------------------

  private onRoomEvent(e: RoomEvent): void {
    const rs = this.state.rooms[e.roomId];
    if (!rs) {
      // A room we have not listed yet (roomJoined may still be on its way): keep for replay.
      const buffered = this.unknownRoomEvents.get(e.roomId) ?? [];
      if (buffered.length < 500) buffered.push(e);
      this.unknownRoomEvents.set(e.roomId, buffered);
      return;
    }

    if (e.kind === 'typing') {
      if (e.user && e.user !== this.state.me.user) this.setTyping(e.roomId, e.user, e.typing === true);
      this.syncs.get(e.roomId)?.onEvent(e);
      return;
    }

    const isNew = e.seq > rs.room.lastSeq;
    const message = e.message ?? null;
    if (isNew && e.kind === 'messagePosted' && message) this.onNewMessage(e.roomId, message);

    const sync = this.syncs.get(e.roomId);
    if (sync) {
      sync.onEvent(e);
    } else if (isNew && e.room) {
      const room = e.room;
      this.updateRoom(e.roomId, (r) => ({ ...r, room: { ...r.room, ...room } }));
    }
    if (isNew) {
      this.updateRoom(e.roomId, (r) => ({ ...r, room: { ...r.room, lastSeq: Math.max(r.room.lastSeq, e.seq) } }));
    }
    this.markReadIfVisible(e.roomId);
  }

  /** Unread counts, typing and mention notifications for a message seen for the first time. */
  private onNewMessage(roomId: string, message: Message): void {
    const me = this.state.me.user;
    const mine = message.sender === me;
    const mentioned = mentionsUser(message, me);
    const watching = this.state.activeRoomId === roomId && document.visibilityState === 'visible';

    this.updateRoom(roomId, (rs) => {
      const typing = { ...rs.typing };
      delete typing[message.sender];
      const pending = rs.pending.filter((p) => p.clientId !== message.clientId);
      const counts = mine || watching
        ? {}
        : { unread: rs.room.unread + 1, unreadMentions: rs.room.unreadMentions + (mentioned ? 1 : 0) };
      return { ...rs, typing, pending, room: { ...rs.room, ...counts } };
    });

    if (mentioned && !watching) this.notifyMention(roomId, message);
  }

  private notifyMention(roomId: string, message: Message): void {
    const rs = this.state.rooms[roomId];
    const where = rs ? this.roomTitle(rs.room) : 'a room';
    const text = `${this.displayName(message.sender)} mentioned you in ${where}`;
    const toast: Toast = { id: this.nextToastId++, roomId, text };
    this.set({ toasts: [...this.state.toasts, toast].slice(-4) });
    setTimeout(() => this.dismissToast(toast.id), 8000);
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
      try {
        new Notification('Hubs', { body: text, tag: `hubs-${roomId}` });
      } catch {
        // Some browsers only allow notifications from a service worker; the toast is enough.
      }
    }
  }

  dismissToast(id: number): void {
    if (this.state.toasts.some((t) => t.id === id)) {
      this.set({ toasts: this.state.toasts.filter((t) => t.id !== id) });
    }
  }

  private onUserEvent(e: UserEvent): void {
    if (e.kind === 'roomLeft') {
      this.removeRoom(e.roomId);
      return;
    }
    if (!this.state.rooms[e.roomId]) void this.addJoinedRoom(e.roomId);
  }

  private async addJoinedRoom(id: string): Promise<void> {
    try {
      // The list carries the unread counts of a room we were added to with messages in it.
      const list = await api.rooms();
      const item = list.find((r) => r.id === id);
      if (item && !this.state.rooms[id]) {
        this.set({ rooms: { ...this.state.rooms, [id]: this.newRoomState(item) } });
        this.replayUnknown(id);
      }
    } catch (error) {
      this.set({ error: describeError(error) });
    }
  }

  private replayUnknown(id: string): void {
    const buffered = this.unknownRoomEvents.get(id);
    if (!buffered) return;
    this.unknownRoomEvents.delete(id);
    for (const e of buffered) this.onRoomEvent(e);
  }

  private setTyping(roomId: string, user: string, typing: boolean): void {
    this.updateRoom(roomId, (rs) => {
      const next = { ...rs.typing };
      if (typing) next[user] = Date.now() + TYPING_SHOW_MS;
      else if (user in next) delete next[user];
      else return rs;
      return { ...rs, typing: next };
    });
  }

  private sweepTyping(): void {
    const now = Date.now();
    for (const [id, rs] of Object.entries(this.state.rooms)) {
      const expired = Object.entries(rs.typing).filter(([, until]) => until <= now);
      if (expired.length === 0) continue;
      this.updateRoom(id, (r) => {
        const typing = { ...r.typing };
        for (const [user] of expired) delete typing[user];
        return { ...r, typing };
      });
    }
  }

  // ---- messages of an open room ----------------------------------------------------------------

  async openRoom(id: string | null): Promise<void> {
    // Mention toasts for the room being opened have done their job.
    this.set({ activeRoomId: id, toasts: this.state.toasts.filter((t) => t.roomId !== id) });
    if (id === null) return;
    const rs = this.state.rooms[id];
    if (!rs) return;
    if (rs.messages !== null || this.loading.has(id)) {
      this.markReadIfVisible(id);
      return;
    }
    this.loading.add(id);
    try {
      const page = await api.newestMessages(id);
      this.updateRoom(id, (r) => ({
        ...r,
        messages: upsertMessages([], page.messages),
        hasOlder: page.hasMore,
        room: { ...r.room, lastSeq: Math.max(r.room.lastSeq, page.lastSeq) },
      }));
      const sync = this.createSync(id, page.lastSeq);
      this.syncs.set(id, sync);
      // Events that arrived while the page was loading were not applied; catch up on them.
      sync.noteRoomSeq(this.state.rooms[id]?.room.lastSeq ?? 0);
      this.markReadIfVisible(id);
    } catch (error) {
      this.set({ error: describeError(error) });
    } finally {
      this.loading.delete(id);
    }
  }

  private createSync(id: string, held: number): RoomSync {
    return new RoomSync(held, {
      fetchAfter: (after) => api.messagesAfter(id, after),
      apply: (e) => {
        if (e.message) this.upsertLocal(id, [e.message]);
        const room = e.room;
        if (room) this.updateRoom(id, (rs) => ({ ...rs, room: { ...rs.room, ...room } }));
      },
      upsert: (messages) => this.upsertLocal(id, messages),
      caughtUp: (seq) => {
        this.updateRoom(id, (rs) => ({ ...rs, room: { ...rs.room, lastSeq: Math.max(rs.room.lastSeq, seq) } }));
        // Room changes (name, members) are not in the message feed; refresh the room itself.
        api.room(id).then((room) => this.addRoom(room), () => undefined);
        this.markReadIfVisible(id);
      },
      onError: (error) => this.set({ error: describeError(error) }),
    });
  }

  private upsertLocal(id: string, messages: Message[]): void {
    const clientIds = new Set(messages.map((m) => m.clientId).filter((c): c is string => c !== null));
    this.updateRoom(id, (rs) => {
      if (rs.messages === null && clientIds.size === 0) return rs;
      const next = rs.messages === null ? null : upsertMessages(rs.messages, messages);
      const pending = rs.pending.filter((p) => !clientIds.has(p.clientId));
      if (next === rs.messages && pending.length === rs.pending.length) return rs;
      return { ...rs, messages: next, pending };
    });
  }

  async loadOlder(id: string): Promise<void> {
    const rs = this.state.rooms[id];
    if (!rs || rs.messages === null || rs.loadingOlder || !rs.hasOlder) return;
    const oldest = rs.messages[0]?.seq;
    if (oldest === undefined) return;
    this.updateRoom(id, (r) => ({ ...r, loadingOlder: true }));
    try {
      const page = await api.messagesBefore(id, oldest);
      this.updateRoom(id, (r) => ({
        ...r,
        messages: upsertMessages(r.messages ?? [], page.messages),
        hasOlder: page.hasMore,
        loadingOlder: false,
      }));
    } catch (error) {
      this.updateRoom(id, (r) => ({ ...r, loadingOlder: false }));
      this.set({ error: describeError(error) });
    }
  }

  private markReadIfVisible(id: string): void {
    if (this.state.activeRoomId !== id || document.visibilityState !== 'visible') return;
    const rs = this.state.rooms[id];
    const sync = this.syncs.get(id);
    if (!rs || !sync) return;
    const seq = sync.heldSeq;
    if (rs.room.unread > 0 || rs.room.unreadMentions > 0 || seq > rs.room.lastReadSeq) {
      this.updateRoom(id, (r) => ({
        ...r,
        room: { ...r.room, unread: 0, unreadMentions: 0, lastReadSeq: Math.max(r.room.lastReadSeq, seq) },
      }));
    }
    if (seq > (this.readPosted.get(id) ?? 0)) {
      this.readPosted.set(id, seq);
      api.markRead(id, seq).catch(() => this.readPosted.delete(id));
    }
  }

  send(roomId: string, text: string, replyTo?: number): void {
    if (text.trim().length === 0) return;
    const pending: PendingMessage = {
      clientId: newClientId(),
      text,
      status: 'sending',
      ...(replyTo === undefined ? {} : { replyTo }),
    };
    this.updateRoom(roomId, (rs) => ({ ...rs, pending: [...rs.pending, pending] }));
    this.stopTyping(roomId);
    void this.attemptSend(roomId, pending.clientId, 1);
  }

  retry(roomId: string, clientId: string): void {
    this.setPending(roomId, clientId, { status: 'sending' });
    void this.attemptSend(roomId, clientId, 1);
  }

  discardPending(roomId: string, clientId: string): void {
    this.updateRoom(roomId, (rs) => ({ ...rs, pending: rs.pending.filter((p) => p.clientId !== clientId) }));
  }

  private setPending(roomId: string, clientId: string, patch: Partial<PendingMessage>): void {
    this.updateRoom(roomId, (rs) => ({
      ...rs,
      pending: rs.pending.map((p) => (p.clientId === clientId ? { ...p, ...patch } : p)),
    }));
  }

  private async attemptSend(roomId: string, clientId: string, attempt: number): Promise<void> {
    const p = this.state.rooms[roomId]?.pending.find((x) => x.clientId === clientId);
    if (!p || this.stopped) return;
    try {
      // The same clientId on every attempt: the server answers a repeat with the stored message.
      const message = await api.postMessage(roomId, clientId, p.text, p.replyTo);
      this.upsertLocal(roomId, [message]);
      this.discardPending(roomId, clientId);
    } catch (error) {
      const transient = error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
      if (transient && attempt < MAX_SEND_ATTEMPTS) {
        this.setPending(roomId, clientId, { status: 'retrying' });
        setTimeout(() => void this.attemptSend(roomId, clientId, attempt + 1), Math.min(10_000, 500 * 2 ** attempt));
      } else {
        this.setPending(roomId, clientId, { status: 'failed', error: describeError(error) });
      }
    }
  }

  private async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await action();
      if (this.state.error) this.set({ error: null });
      return result;
    } catch (error) {
      this.set({ error: describeError(error) });
      return undefined;
    }
  }

  async edit(roomId: string, seq: number, text: string): Promise<void> {
    const m = await this.run(() => api.editMessage(roomId, seq, text));
    if (m) this.upsertLocal(roomId, [m]);
  }

  async remove(roomId: string, seq: number): Promise<void> {
    const m = await this.run(() => api.deleteMessage(roomId, seq));
    if (m) this.upsertLocal(roomId, [m]);
  }

  async toggleReaction(roomId: string, message: Message, emoji: string): Promise<void> {
    const mine = message.reactions.some((r) => r.emoji === emoji && r.users.includes(this.state.me.user));
    const m = await this.run(() =>
      mine ? api.removeReaction(roomId, message.seq, emoji) : api.addReaction(roomId, message.seq, emoji),
    );
    if (m) this.upsertLocal(roomId, [m]);
  }

  typingInput(roomId: string): void {
    const now = Date.now();
    if (now - (this.typingSentAt.get(roomId) ?? 0) > TYPING_SEND_INTERVAL_MS) {
      this.typingSentAt.set(roomId, now);
      this.realtime.typing(roomId, true);
    }
    const idle = this.typingIdle.get(roomId);
    if (idle !== undefined) clearTimeout(idle);
    this.typingIdle.set(roomId, setTimeout(() => this.stopTyping(roomId), TYPING_IDLE_MS));
  }

  stopTyping(roomId: string): void {
    const idle = this.typingIdle.get(roomId);
    if (idle !== undefined) clearTimeout(idle);
    this.typingIdle.delete(roomId);
    if (this.typingSentAt.has(roomId)) {
      this.typingSentAt.delete(roomId);
      this.realtime.typing(roomId, false);
    }
  }

  // ---- rooms -----------------------------------------------------------------------------------

  async createRoom(name: string, members: string[]): Promise<string | null> {
    const room = await this.run(() => api.createRoom(name, members));
    if (!room) return null;
    this.addRoom(room);
    return room.id;
  }

  async startDirect(user: string): Promise<string | null> {
    const room = await this.run(() => api.direct(user));
    if (!room) return null;
    this.addRoom(room);
    return room.id;
  }

  async rename(id: string, name: string): Promise<void> {
    const room = await this.run(() => api.renameRoom(id, name));
    if (room) this.addRoom(room);
  }

  async addMembers(id: string, users: string[]): Promise<void> {
    const room = await this.run(() => api.addMembers(id, users));
    if (room) this.addRoom(room);
  }

  async removeMember(id: string, user: string): Promise<void> {
    const room = await this.run(() => api.removeMember(id, user));
    if (!room) return;
    if (user === this.state.me.user) this.removeRoom(id);
    else this.addRoom(room);
  }

  async setRole(id: string, user: string, role: RoomRole): Promise<void> {
    const room = await this.run(() => api.setRole(id, user, role));
    if (room) this.addRoom(room);
  }

  clearError(): void {
    this.set({ error: null });
  }

  // ---- naming helpers --------------------------------------------------------------------------

  displayName(user: string): string {
    return this.state.users.find((u) => u.user === user)?.displayName || user;
  }

  roomTitle(room: Room): string {
    if (room.kind === 'direct' || room.name === '') {
      const other = room.members.find((m) => m.user !== this.state.me.user)?.user ?? this.state.me.user;
      return this.displayName(other);
    }
    return room.name;
  }

  myRole(room: Room): RoomRole | null {
    return room.members.find((m) => m.user === this.state.me.user)?.role ?? null;
  }
}
