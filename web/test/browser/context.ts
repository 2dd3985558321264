// What the browser tests' global setup hands to every test file (vitest inject()).
import type { DemoAccount } from '@lianjian/db';

export interface WebStackInfo {
  webUrl: string;
  apiUrl: string;
  rpcUrl: string;
  indexerUrl: string;
  accounts: DemoAccount[];
  timings: Record<string, number>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webStack: WebStackInfo;
  }
}
