// What the browser tests' global setup hands to every test file (vitest inject()).
import type { DemoAccount } from '@lianjian/db';

export interface WebStackInfo {
  webUrl: string;
  apiUrl: string;
  rpcUrl: string;
  indexerUrl: string;
  /** Where the stack's API keeps attached files (LIANJIAN_FILES_DIR, inside the stack's temporary directory). */
  filesDir: string;
  accounts: DemoAccount[];
  timings: Record<string, number>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webStack: WebStackInfo;
  }
}
