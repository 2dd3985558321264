// One LISTEN connection per API process on channel "lianjian_live" (the triggers of migration
// 20261215120000_live_updates NOTIFY it after a change commits). Opened when the first page
// subscribes; when it drops (a database restart), it is opened again with growing pauses, and
// `onGap` tells the subscribers that they may have missed something.
import pg from 'pg';

export const LIVE_CHANNEL = 'lianjian_live';

/** What a trigger sends: see the migration for each kind. */
export type Change =
  | { k: 'inbox'; a?: string[]; all?: boolean }
  | { k: 'notice'; n: string }
  | { k: 'receipt'; n: string; a?: string[] }
  | { k: 'anchored'; b: number };

export interface ListenerHandlers {
  onChange(change: Change): void;
  /** The connection was lost and is back: changes in between were not heard. */
  onGap(): void;
}

export interface Listener {
  /** Connects (once); resolves when listening, or rejects when the first attempt fails. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createListener(databaseUrl: string, handlers: ListenerHandlers): Listener {
  let client: pg.Client | null = null;
  let starting: Promise<void> | null = null;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'lianjian-api-live' });
    c.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      try {
        handlers.onChange(JSON.parse(msg.payload) as Change);
      } catch (err) {
        console.error('[api] live: unreadable notification:', err);
      }
    });
    // An error on an idle client ends it: plan the reconnect once, from 'end'.
    c.on('error', (err) => console.error('[api] live: listen connection failed:', err.message));
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      if (!stopped) retry();
    });
    await c.connect();
    await c.query(`LISTEN ${LIVE_CHANNEL}`);
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    failures = 0;
  }

  function retry(): void {
    const delay = Math.min(1000 * 2 ** failures, 30_000);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => handlers.onGap(),
        (err: unknown) => {
          console.error('[api] live: reconnect failed:', err instanceof Error ? err.message : String(err));
          if (!stopped) retry();
        },
      );
    }, delay);
    retryTimer.unref();
  }

  return {
    start() {
      starting ??= connect().catch((err: unknown) => {
        starting = null;
        throw err;
      });
      return starting;
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await starting?.catch(() => undefined);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
