// The peer: PostGraphile 5.1.5 over the same database's public schema, configured as its docs
// recommend for production (amber preset, no watch, no GraphiQL, no explain), with the same
// connection pool size as the Lianjian API. Run in its own process:
//   NODE_ENV=production DATABASE_URL=… PORT=… POOL_SIZE=10 \
//   node --import tsx bench/graphql/postgraphile-server.ts   (Node 24: PostGraphile needs Promise.withResolvers)
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set');
const port = Number(process.env.PORT ?? 5678);

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ['public'],
      poolConfig: { max: Number(process.env.POOL_SIZE ?? 10) },
      pubsub: false,
    }),
  ],
  grafserv: { port, host: '127.0.0.1', watch: false, graphiql: false, graphqlOverGET: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
serv.addTo(server).catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`PostGraphile on http://127.0.0.1:${port}/graphql\n`));

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    server.close();
    void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}
