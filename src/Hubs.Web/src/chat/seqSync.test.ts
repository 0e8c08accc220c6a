import { describe, expect, it } from 'vitest';
import type { Message, MessagePage, RoomEvent } from '../api/types';
import { decideEvent, RoomSync, upsertMessages } from './seqSync';

function msg(seq: number, updatedSeq = seq, text = `m${seq}`): Message {
  return {
    roomId: 'r1', seq, updatedSeq, kind: 'text', sender: 'alice', clientId: null, text,
    createdAt: '2025-01-01T00:00:00Z', editedAt: null, deleted: false, replyTo: null,
    mentions: [], reactions: [],
  };
}

function posted(m: Message): RoomEvent {
  return { roomId: 'r1', seq: m.updatedSeq, kind: 'messagePosted', message: m };
}

/** A small in-memory room that answers `after=` like the server: ordered by updatedSeq, paged. */
class FakeRoom {
  messages = new Map<number, Message>();
  lastSeq = 0;
  fetches: number[] = [];

  post(text?: string): Message {
    this.lastSeq += 1;
    const m = msg(this.lastSeq, this.lastSeq, text);
    this.messages.set(m.seq, m);
    return m;
  }

  edit(seq: number, text: string): Message {
    this.lastSeq += 1;
    const m = { ...msg(seq, this.lastSeq, text), editedAt: '2025-01-01T00:01:00Z' };
    this.messages.set(seq, m);
    return m;
  }

  fetchAfter(after: number, limit = 2): Promise<MessagePage> {
    this.fetches.push(after);
    const changed = [...this.messages.values()]
      .filter((m) => m.updatedSeq > after)
      .sort((a, b) => a.updatedSeq - b.updatedSeq);
    return Promise.resolve({
      messages: changed.slice(0, limit),
      lastSeq: this.lastSeq,
      hasMore: changed.length > limit,
    });
  }
}

function client(room: FakeRoom, held: number) {
  let shown: Message[] = [];
  const sync = new RoomSync(held, {
    fetchAfter: (after) => room.fetchAfter(after),
    apply: (e) => {
      if (e.message) shown = upsertMessages(shown, [e.message]);
    },
    upsert: (ms) => {
      shown = upsertMessages(shown, ms);
    },
  });
  return { sync, shown: () => shown };
}

describe('decideEvent', () => {
  it('applies the next event', () => {
    expect(decideEvent(5, { seq: 6, kind: 'messagePosted' })).toBe('apply');
  });

  it('ignores events already held (duplicates after a catch-up)', () => {
    expect(decideEvent(5, { seq: 5, kind: 'messageEdited' })).toBe('ignore');
    expect(decideEvent(5, { seq: 2, kind: 'messagePosted' })).toBe('ignore');
  });

  it('fetches on a gap', () => {
    expect(decideEvent(5, { seq: 7, kind: 'messagePosted' })).toBe('fetch');
  });

  it('treats typing as a seq probe that never advances', () => {
    expect(decideEvent(5, { seq: 5, kind: 'typing' })).toBe('ignore');
    expect(decideEvent(5, { seq: 6, kind: 'typing' })).toBe('fetch');
  });
});

describe('upsertMessages', () => {
  it('keeps seq order and replaces only with a newer updatedSeq', () => {
    const a = upsertMessages([], [msg(3), msg(1)]);
    expect(a.map((m) => m.seq)).toEqual([1, 3]);

    const b = upsertMessages(a, [msg(1, 4, 'edited'), msg(2)]);
    expect(b.map((m) => [m.seq, m.text])).toEqual([[1, 'edited'], [2, 'm2'], [3, 'm3']]);

    const c = upsertMessages(b, [msg(1, 1, 'stale')]);
    expect(c).toBe(b);
  });
});

describe('RoomSync', () => {
  it('applies in-order events without fetching', () => {
    const room = new FakeRoom();
    const c = client(room, 0);

    c.sync.onEvent(posted(room.post()));
    c.sync.onEvent(posted(room.post()));

    expect(c.shown().map((m) => m.seq)).toEqual([1, 2]);
    expect(c.sync.heldSeq).toBe(2);
    expect(room.fetches).toEqual([]);
  });

  it('fills a gap by paging through after= and ends with every message exactly once', async () => {
    const room = new FakeRoom();
    const c = client(room, 0);
    c.sync.onEvent(posted(room.post()));
    room.post();
    room.post();
    room.edit(1, 'changed');
    room.post();
    const latest = room.post();

    expect(c.sync.onEvent(posted(latest))).toBe('fetch');
    await c.sync.catchUp();

    expect(c.shown().map((m) => m.seq)).toEqual([1, 2, 3, 5, 6]);
    expect(c.shown()[0]?.text).toBe('changed');
    expect(c.sync.heldSeq).toBe(room.lastSeq);
    expect(room.fetches[0]).toBe(1);
    expect(room.fetches.length).toBeGreaterThan(1); // paged with hasMore
  });

  it('ignores the events it already caught up on', async () => {
    const room = new FakeRoom();
    const c = client(room, 0);
    const first = room.post();
    const second = room.post();
    await c.sync.catchUp();

    expect(c.sync.onEvent(posted(first))).toBe('ignore');
    expect(c.sync.onEvent(posted(second))).toBe('ignore');
    expect(c.shown()).toHaveLength(2);
  });

  it('catches up after a reconnect even when no new event arrives', async () => {
    const room = new FakeRoom();
    const c = client(room, 0);
    c.sync.onEvent(posted(room.post()));
    room.post();

    await c.sync.catchUp();

    expect(c.shown().map((m) => m.seq)).toEqual([1, 2]);
    expect(room.fetches).toEqual([1]);
  });

  it('runs one catch-up at a time and repeats it when asked during one', async () => {
    const room = new FakeRoom();
    const c = client(room, 0);
    room.post();
    room.post();

    const first = c.sync.catchUp();
    room.post();
    const second = c.sync.catchUp();
    await Promise.all([first, second]);

    expect(second).toBe(first);
    expect(c.shown().map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(c.sync.heldSeq).toBe(3);
  });

  it('noteRoomSeq fetches only when the room is ahead', async () => {
    const room = new FakeRoom();
    const c = client(room, 0);
    c.sync.noteRoomSeq(0);
    expect(room.fetches).toEqual([]);

    room.post();
    c.sync.noteRoomSeq(1);
    await c.sync.catchUp();

    expect(c.shown().map((m) => m.seq)).toEqual([1]);
  });
});
