// What the integration global setup provides to every test file (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
    /** CometBFT RPC of a single-validator localnet shared by the run ('' when chain/ is not built). */
    chainRpcUrl: string;
    chainHome: string;
    submitterMnemonics: string[];
  }
}
export {};
