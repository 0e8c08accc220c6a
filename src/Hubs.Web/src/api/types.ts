// Wire types of docs/http-api.md (v1). Property names match the JSON exactly.

export interface SessionInfo {
  user: string;
  displayName: string;
  isAdmin: boolean;
  csrfToken: string;
}

export interface UserSummary {
  user: string;
  displayName: string;
  isAdmin: boolean;
}

export type RoomRole = 'owner' | 'moderator' | 'member';

export interface RoomMember {
  user: string;
  role: RoomRole;
}

export interface Room {
  id: string;
  name: string;
  kind: 'group' | 'direct';
  members: RoomMember[];
  lastSeq: number;
  createdAt: string;
}

/** A room as listed by GET /api/v1/rooms, with the caller's unread counts. */
export interface RoomListItem extends Room {
  lastReadSeq: number;
  unread: number;
  unreadMentions: number;
}

export interface MessageQuote {
  seq: number;
  sender: string;
  excerpt: string;
}

export interface Reaction {
  emoji: string;
  users: string[];
}

export interface Message {
  roomId: string;
  seq: number;
  updatedSeq: number;
  kind: 'text' | 'system';
  sender: string;
  clientId: string | null;
  text: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  replyTo: MessageQuote | null;
  mentions: string[];
  reactions: Reaction[];
}

export interface MessagePage {
  messages: Message[];
  lastSeq: number;
  hasMore: boolean;
}

export type RoomEventKind =
  | 'messagePosted'
  | 'messageEdited'
  | 'messageDeleted'
  | 'reactionChanged'
  | 'roomChanged'
  | 'typing';

export interface RoomEvent {
  roomId: string;
  seq: number;
  kind: RoomEventKind;
  message?: Message | null;
  room?: Room | null;
  user?: string | null;
  typing?: boolean;
}

export interface UserEvent {
  user: string;
  kind: 'roomJoined' | 'roomLeft';
  roomId: string;
}

/** RFC 9457 problem details as the server sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}
