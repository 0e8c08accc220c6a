import type { Message, MessagePage, RoomEvent } from '../api/types';

/** What to do with a room event, given the room seq the client's state is complete up to. */
export type EventAction = 'apply' | 'ignore' | 'fetch';

/**
 * Every change advances a room's seq by exactly one, so an event is applied only when it is the
 * next one; an older one is already reflected, a later one means something was missed.
 * Typing events carry the room's current seq without advancing it.
 */
export function decideEvent(heldSeq: number, event: Pick<RoomEvent, 'seq' | 'kind'>): EventAction {
  if (event.kind === 'typing') return event.seq > heldSeq ? 'fetch' : 'ignore';
  if (event.seq <= heldSeq) return 'ignore';
  return event.seq === heldSeq + 1 ? 'apply' : 'fetch';
}

/**
 * Merges messages by seq, keeping whichever copy has the higher updatedSeq, and returns them in
 * seq order. Returns the same array when nothing changed so renders can be skipped.
 */
export function upsertMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const bySeq = new Map<number, Message>();
  for (const m of current) bySeq.set(m.seq, m);
  let changed = false;
  for (const m of incoming) {
    const existing = bySeq.get(m.seq);
    if (existing === undefined || m.updatedSeq > existing.updatedSeq) {
      bySeq.set(m.seq, m);
      changed = true;
    }
  }
  if (!changed) return current as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** What a RoomSync needs from the rest of the app. */
export interface RoomSyncTarget {
  fetchAfter(after: number): Promise<MessagePage>;
  /** Applies one in-order event (message upsert, room change). */
  apply(event: RoomEvent): void;
  /** Upserts messages fetched during catch-up. */
  upsert(messages: Message[]): void;
  /** Called after a catch-up, when the room may have changed in ways events would have told. */
  caughtUp?(heldSeq: number): void;
  onError?(error: unknown): void;
}

/**
 * Keeps one room's messages complete: applies in-order events and, on a gap or a reconnect,
 * fetches everything after the held seq (page by page) before going on. Catch-ups never run
 * twice at once; a request during one makes it run again when it ends.
 */
export class RoomSync {
  private held: number;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly target: RoomSyncTarget;

  constructor(heldSeq: number, target: RoomSyncTarget) {
    this.held = heldSeq;
    this.target = target;
  }

  get heldSeq(): number {
    return this.held;
  }

  /** Handles a live event; returns what was decided (for tests and diagnostics). */
  onEvent(event: RoomEvent): EventAction {
    const action = decideEvent(this.held, event);
    if (action === 'apply') {
      this.target.apply(event);
      this.held = event.seq;
    } else if (action === 'fetch') {
      void this.catchUp();
    }
    return action;
  }

  /** Tells the sync the room is known to be at `seq` (e.g. from the room list); fetches if behind. */
  noteRoomSeq(seq: number): void {
    if (seq > this.held) void this.catchUp();
  }

  /** Fetches everything after the held seq; used after a reconnect. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        let after = this.held;
        for (;;) {
          const page = await this.target.fetchAfter(after);
          this.target.upsert(page.messages);
          const last = page.messages[page.messages.length - 1];
          if (page.hasMore && last !== undefined && last.updatedSeq > after) {
            after = last.updatedSeq;
            continue;
          }
          this.held = Math.max(this.held, page.lastSeq, after);
          break;
        }
        this.target.caughtUp?.(this.held);
      } catch (error) {
        this.target.onError?.(error);
        return;
      }
    } while (this.again);
  }
}
