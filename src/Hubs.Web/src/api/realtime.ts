import {
  HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
} from '@microsoft/signalr';
import type { RoomEvent, UserEvent } from './types';

export interface RealtimeHandlers {
  roomEvent(event: RoomEvent): void;
  userEvent(event: UserEvent): void;
  /** The connection is (again) up after a drop: state held by the client may be stale. */
  reconnected(): void;
  status(connected: boolean): void;
}

/** One SignalR connection to /hubs/chat that keeps reconnecting until stopped. */
export class Realtime {
  private readonly connection: HubConnection;
  private stopped = false;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly handlers: RealtimeHandlers) {
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/chat')
      .withAutomaticReconnect({
        // Never give up; back off to 15 s between attempts.
        nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 15_000,
      })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('roomEvent', (e: RoomEvent) => handlers.roomEvent(e));
    this.connection.on('userEvent', (e: UserEvent) => handlers.userEvent(e));
    this.connection.onreconnecting(() => handlers.status(false));
    this.connection.onreconnected(() => {
      handlers.status(true);
      handlers.reconnected();
    });
    this.connection.onclose(() => {
      handlers.status(false);
      this.scheduleRestart();
    });
  }

  async start(): Promise<void> {
    try {
      await this.connection.start();
      this.handlers.status(true);
    } catch {
      this.scheduleRestart();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    await this.connection.stop();
  }

  typing(roomId: string, typing: boolean): void {
    if (this.connection.state !== HubConnectionState.Connected) return;
    this.connection.invoke('Typing', roomId, typing).catch(() => {
      // Typing hints are best effort.
    });
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restartTimer !== null) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopped) return;
      this.connection
        .start()
        .then(() => {
          this.handlers.status(true);
          // Events may have been missed while down (or before the first successful start).
          this.handlers.reconnected();
        })
        .catch(() => this.scheduleRestart());
    }, 5000);
  }
}
