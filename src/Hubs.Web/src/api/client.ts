import type {
  Message,
  MessagePage,
  ProblemDetails,
  Room,
  RoomListItem,
  RoomRole,
  SessionInfo,
  UserSummary,
} from './types';

/** An HTTP answer other than 2xx, carrying the server's problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null) {
    super(problem?.detail ?? problem?.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** The request never got an answer (offline, server down); safe to retry idempotent calls. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server cannot be reached. Check your connection.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

// The CSRF token lives only in memory: a reload fetches it again with GET /api/v1/session.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401, so the app can show the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const enc = encodeURIComponent;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new NetworkError(err);
  }

  if (!response.ok) {
    let problem: ProblemDetails | null = null;
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      problem = null;
    }
    if (response.status === 401 && path !== '/api/v1/session') onUnauthorized?.();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  login: (user: string, password: string) =>
    request<SessionInfo>('POST', '/api/v1/session', { user, password }),
  session: () => request<SessionInfo>('GET', '/api/v1/session'),
  logout: () => request<void>('DELETE', '/api/v1/session'),

  users: () => request<UserSummary[]>('GET', '/api/v1/users'),
  createUser: (user: string, password: string, displayName: string) =>
    request<UserSummary>('POST', '/api/v1/users', { user, password, displayName }),

  rooms: () => request<RoomListItem[]>('GET', '/api/v1/rooms'),
  room: (id: string) => request<Room>('GET', `/api/v1/rooms/${enc(id)}`),
  createRoom: (name: string, members: string[]) =>
    request<Room>('POST', '/api/v1/rooms', { name, members }),
  direct: (user: string) => request<Room>('POST', '/api/v1/direct', { user }),
  renameRoom: (id: string, name: string) =>
    request<Room>('PATCH', `/api/v1/rooms/${enc(id)}`, { name }),
  addMembers: (id: string, users: string[]) =>
    request<Room>('POST', `/api/v1/rooms/${enc(id)}/members`, { users }),
  removeMember: (id: string, user: string) =>
    request<Room>('DELETE', `/api/v1/rooms/${enc(id)}/members/${enc(user)}`),
  setRole: (id: string, user: string, role: RoomRole) =>
    request<Room>('PUT', `/api/v1/rooms/${enc(id)}/members/${enc(user)}/role`, { role }),
  markRead: (id: string, seq: number) =>
    request<void>('POST', `/api/v1/rooms/${enc(id)}/read`, { seq }),

  newestMessages: (id: string, limit = 50) =>
    request<MessagePage>('GET', `/api/v1/rooms/${enc(id)}/messages?limit=${limit}`),
  messagesBefore: (id: string, before: number, limit = 50) =>
    request<MessagePage>('GET', `/api/v1/rooms/${enc(id)}/messages?before=${before}&limit=${limit}`),
  messagesAfter: (id: string, after: number, limit = 200) =>
    request<MessagePage>('GET', `/api/v1/rooms/${enc(id)}/messages?after=${after}&limit=${limit}`),
  postMessage: (id: string, clientId: string, text: string, replyTo?: number) =>
    request<Message>('POST', `/api/v1/rooms/${enc(id)}/messages`, {
      clientId,
      text,
      ...(replyTo === undefined ? {} : { replyTo }),
    }),
  editMessage: (id: string, seq: number, text: string) =>
    request<Message>('PATCH', `/api/v1/rooms/${enc(id)}/messages/${seq}`, { text }),
  deleteMessage: (id: string, seq: number) =>
    request<Message>('DELETE', `/api/v1/rooms/${enc(id)}/messages/${seq}`),
  addReaction: (id: string, seq: number, emoji: string) =>
    request<Message>('PUT', `/api/v1/rooms/${enc(id)}/messages/${seq}/reactions/${enc(emoji)}`),
  removeReaction: (id: string, seq: number, emoji: string) =>
    request<Message>('DELETE', `/api/v1/rooms/${enc(id)}/messages/${seq}/reactions/${enc(emoji)}`),
};
