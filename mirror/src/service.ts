// A running mirror: its database (embedded or DATABASE_URL), the follow loop and the read API.
import { startPostgres } from '@lianjian/db/postgres';
import type { MirrorConfig } from './config.js';
import { FeedClient } from './feed.js';
import { startHttp, type RunningHttp } from './http.js';
import { Mirror } from './mirror.js';
import { Store } from './store.js';

export interface RunningMirror {
  mirror: Mirror;
  http: RunningHttp;
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startMirror(config: MirrorConfig, log: (line: string) => void = () => {}): Promise<RunningMirror> {
  const pg = config.databaseUrl ? undefined : await startPostgres({ dataDir: config.dataDir, database: 'lianjian_mirror' });
  const databaseUrl = config.databaseUrl ?? pg!.url;
  const store = Store.connect(databaseUrl, (error) => log(`mirror: database connection lost: ${error.message}`));
  try {
    await store.init();
    const mirror = new Mirror({
      store,
      feed: new FeedClient(config.feedUrl, config.key),
      rpcUrl: config.rpcUrl,
      trustRoot: config.trustRoot,
      pageSize: config.pageSize,
      pollMs: config.pollMs,
      recheckMs: config.recheckMs,
      stallMs: config.stallMs,
      log,
    });
    const http = await startHttp(store, { host: config.host, port: config.port });
    mirror.start();
    return {
      mirror,
      http,
      databaseUrl,
      async stop() {
        await mirror.stop();
        await http.close();
        await store.close();
        await pg?.stop();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    throw error;
  }
}
