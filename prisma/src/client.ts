// PrismaClient over node-postgres (Prisma 7 requires a driver adapter).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client.js';

export interface CreatePrismaOptions {
  /** Pool size per client; the API runs one client per process. */
  max?: number;
  log?: Array<'query' | 'info' | 'warn' | 'error'>;
}

export function createPrisma(url: string, opts: CreatePrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: opts.max ?? 10 });
  return new PrismaClient({ adapter, log: opts.log ?? ['warn', 'error'] });
}
