import type { Anchor, ChainChecker } from '../bundle.js';
import { bytesEqual, toHex } from '../hex.js';
import { AnchorReader, type ChainReadOptions } from './anchor.js';
import { BatchNotFoundError, ChainProofError, ChainRpcError, ChainUnavailableError, TrustError } from './errors.js';
import { LightClient, type LightClientOptions } from './lightclient.js';
import { NODE_TRUST_NOTE, trustReason, type ChainTrust, type TrustRoot } from './trust.js';
import { verifyAnchorTx } from './tx.js';

/** Default CometBFT RPC of a local node. The CLI also honours the LIANJIAN_RPC variable. */
export const DEFAULT_RPC_URL = 'http://127.0.0.1:26657';

export interface ChainCheckerOptions extends Omit<ChainReadOptions, 'height'> {
  /**
   * The chain to trust. Default: the chain the bundle's anchor names. Either way the checked
   * header must belong to it, so a node of another chain cannot vouch for a bundle.
   */
  chainId?: string;
  /** Also check that anchor.txHash is a transaction in block anchor.height committing this batch (default true). */
  checkTx?: boolean;
  /**
   * The organisation's root of trust: headers are then verified with CometBFT light-client rules
   * from it (lightclient.ts), never by the validator set the node presents, and the answer says
   * who signed the anchoring block. Without it the answer says the check trusted the node.
   */
  trustRoot?: TrustRoot;
  /** A light client to reuse (keeps verified headers between checkers); built from trustRoot if absent. */
  lightClient?: LightClient;
  /** Options for the light client built from trustRoot (clock, trusting period override). */
  light?: LightClientOptions;
}

/**
 * The online check (3): batch `seq` with this root, size and prev_root in x/anchor state,
 * proven by an ICS23 state proof against the app hash of the next block's header, whose commit
 * signatures are checked.
 * When the bundle has an anchor, its height and time must be the batch's (from the proven
 * state), its chain id the header's, and (checkTx) its transaction must commit this batch in
 * that block. Browser-safe: fetch only.
 */
export function createChainChecker(rpcUrl: string = DEFAULT_RPC_URL, opts: ChainCheckerOptions = {}): ChainChecker {
  const trustRoot = opts.lightClient?.root ?? opts.trustRoot;
  const lc = opts.lightClient ?? (trustRoot ? new LightClient(trustRoot, rpcUrl, { ...opts, ...opts.light }) : undefined);
  const trusted = trustRoot?.chainId ?? opts.chainId;
  return {
    async checkBatchRoot(seq, root, anchor, claimed) {
      const chainId = trusted ?? anchor?.chainId;
      if (trusted !== undefined && anchor && anchor.chainId !== trusted) {
        if (trustRoot) {
          const error = new TrustError('wrong-chain', `the bundle is anchored on chain "${anchor.chainId}", the root of trust is for chain "${trusted}"`);
          return { ok: false, code: error.code, reason: trustReason(error, trustRoot) };
        }
        return { ok: false, reason: `the bundle is anchored on chain "${anchor.chainId}", but chain "${trusted}" is the one trusted here` };
      }
      const base: ChainReadOptions = { ...opts, ...(chainId === undefined ? {} : { chainId }), ...(lc ? { lightClient: lc } : {}) };
      let reader = new AnchorReader(lc ? lc.rpc : rpcUrl, base);
      try {
        lc?.takeVerified();
        let signersBlock: Awaited<ReturnType<LightClient['verifyHeight']>> | undefined;
        let read: Awaited<ReturnType<AnchorReader['readBatch']>>;
        if (lc && anchor) {
          // From the root to the anchoring block first (who signed it), then its successor is
          // one adjacent step; the state right after the anchoring block is the one proven.
          signersBlock = await lc.verifyHeight(anchor.height);
          try {
            read = await new AnchorReader(lc.rpc, { ...base, height: Math.max(anchor.height, 2) }).readBatch(seq);
          } catch (error) {
            // A pruning node may not serve that height: prove the batch in the newest state.
            if (!(error instanceof ChainRpcError)) throw error;
            read = await reader.readBatch(seq);
          }
          reader = new AnchorReader(lc.rpc, base);
        } else {
          read = await reader.readBatch(seq);
        }
        const { batch, proof } = read;
        const where = `chain "${proof.header.chainId}" at height ${proof.height}`;
        if (!bytesEqual(batch.root, root)) {
          return { ok: false, reason: `${where} holds root ${toHex(batch.root)} for batch ${seq}, not the bundle's root ${toHex(root)}` };
        }
        // The audit path does not pin the tree size (RFC 9162), so the size must be the chain's.
        if (claimed && batch.size !== BigInt(claimed.size)) {
          return { ok: false, reason: `${where} holds size ${batch.size} for batch ${seq}, not the bundle's size ${claimed.size}` };
        }
        if (claimed && !bytesEqual(batch.prevRoot, claimed.prevRoot)) {
          return { ok: false, reason: `${where} holds prev_root ${toHex(batch.prevRoot)} for batch ${seq}, not the bundle's ${toHex(claimed.prevRoot)}` };
        }
        if (anchor) {
          const mismatch = anchorMismatch(anchor, batch.height, batch.time);
          if (mismatch) return { ok: false, reason: `${where}: ${mismatch}` };
          if (opts.checkTx !== false) await verifyAnchorTx(reader, anchor.height, anchor.txHash, BigInt(seq), root);
        }
        let trust: ChainTrust;
        if (lc && trustRoot) {
          const r = trustRoot;
          trust = {
            mode: 'root',
            root: { organisation: r.organisation, chainId: r.chainId, height: r.height, validators: r.validators.length, genesisHash: r.genesisHash },
            signers: signersBlock ? lc.signers(signersBlock) : null,
            verified: lc.takeVerified(),
          };
        } else {
          trust = { mode: 'node', note: NODE_TRUST_NOTE };
        }
        return { ok: true, height: proof.height, trust };
      } catch (error) {
        if (error instanceof TrustError) return { ok: false, code: error.code, reason: trustReason(error, trustRoot) };
        return failure(error, rpcUrl, seq);
      }
    },
  };
}

function failure(error: unknown, rpcUrl: string, seq: number): { ok: false; reason: string; unavailable?: boolean } {
  if (error instanceof BatchNotFoundError) return { ok: false, reason: `batch ${seq} is not on chain: ${error.message}` };
  if (error instanceof ChainProofError) return { ok: false, reason: `the chain node's answer does not verify: ${error.message}` };
  if (error instanceof ChainUnavailableError) return { ok: false, unavailable: true, reason: error.message };
  // RPC refusals (pruned height, node not synced) and malformed answers leave the question open.
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, unavailable: true, reason: `could not read batch ${seq} from ${rpcUrl}: ${message}` };
}

/** Why the bundle's anchor disagrees with the proven batch, or undefined. */
export function anchorMismatch(anchor: Anchor, height: number, chainTime: string): string | undefined {
  if (anchor.height !== height) return `the batch was committed at height ${height}, the bundle says ${anchor.height}`;
  if (!sameInstant(anchor.time, chainTime)) return `the batch was committed at ${chainTime}, the bundle says ${anchor.time}`;
  return undefined;
}

/**
 * Equal up to the precision the anchor states: a time stored in Postgres (microseconds) or a JS
 * Date (milliseconds) is the block time rounded or truncated, so it may differ by less than
 * one unit of its last digit.
 */
export function sameInstant(anchorTime: string, chainTime: string): boolean {
  const a = toNanos(anchorTime);
  const c = toNanos(chainTime);
  if (a === undefined || c === undefined) return false;
  const unit = 10n ** BigInt(9 - a.digits);
  const diff = a.ns > c.ns ? a.ns - c.ns : c.ns - a.ns;
  return diff < unit;
}

function toNanos(text: string): { ns: bigint; digits: number } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(ms)) return undefined;
  const frac = m[2] ?? '';
  return { ns: BigInt(ms) * 1_000_000n + BigInt(frac.padEnd(9, '0') || '0'), digits: frac.length };
}
