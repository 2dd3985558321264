// A small Prometheus text-format registry (counters, gauges, histograms): the indexer needs a
// dozen series, not a client library.

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(by = 1, labels: Labels = {}): void {
    const key = labelText(labels);
    const cur = this.values.get(key) ?? { labels, value: 0 };
    cur.value += by;
    this.values.set(key, cur);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Gauge implements Metric {
  private value = 0;
  constructor(readonly name: string, readonly help: string, private readonly collect?: () => number) {}
  set(v: number): void {
    this.value = v;
  }
  get(): number {
    return this.collect ? this.collect() : this.value;
  }
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.get()}`].join('\n');
  }
}

/** A gauge with no sample until it is first set: a series that is absent instead of a false 0. */
export class OptionalGauge extends Gauge {
  private isSet = false;
  override set(v: number): void {
    this.isSet = true;
    super.set(v);
  }
  override render(): string {
    const text = super.render();
    return this.isSet ? text : text.split('\n').slice(0, 2).join('\n');
  }
}

/** A gauge per label set (e.g. one per validator); `reset` drops the sets no longer reported. */
export class LabeledGauge implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  set(labels: Labels, v: number): void {
    this.values.set(labelText(labels), { labels, value: v });
  }
  get(labels: Labels): number | undefined {
    return this.values.get(labelText(labels))?.value;
  }
  reset(): void {
    this.values.clear();
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Histogram implements Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(readonly name: string, readonly help: string, readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(v: number): void {
    this.sum += v;
    this.count += 1;
    this.buckets.forEach((b, i) => {
      if (v <= b) this.counts[i]! += 1;
    });
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{le="${b}"} ${this.counts[i]}`));
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines.join('\n');
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];
  add<T extends Metric>(m: T): T {
    this.metrics.push(m);
    return m;
  }
  render(): string {
    return this.metrics.map((m) => m.render()).join('\n') + '\n';
  }
}

/** The indexer's series; values read from the database are refreshed by the HTTP handler. */
export function indexerMetrics() {
  const registry = new Registry();
  return {
    registry,
    backlog: registry.add(new Gauge('lianjian_indexer_backlog_records', 'Committed outbox records not yet in a batch')),
    unanchoredRecords: registry.add(new Gauge('lianjian_indexer_unanchored_records', 'Records in batches not yet anchored on chain')),
    anchoringLag: registry.add(new Gauge('lianjian_indexer_anchoring_lag_seconds', 'Age of the oldest record not yet anchored (0 when none)')),
    recordsAnchored: registry.add(new Gauge('lianjian_indexer_records_anchored_total', 'Records in anchored batches (the log length on chain)')),
    tamperAlerts: registry.add(new Gauge('lianjian_indexer_tamper_alerts', 'Unresolved tamper alerts')),
    leader: registry.add(new Gauge('lianjian_indexer_leader', '1 while this process holds the indexer lock')),
    lastBatchSeq: registry.add(new Gauge('lianjian_indexer_last_batch_seq', 'Seq of the last batch built')),
    lastAnchoredSeq: registry.add(new Gauge('lianjian_indexer_last_anchored_seq', 'Seq of the last batch anchored')),
    batchesBuilt: registry.add(new Counter('lianjian_indexer_batches_built_total', 'Batches built by this process')),
    batchesAnchored: registry.add(new Counter('lianjian_indexer_batches_anchored_total', 'Batches anchored by this process')),
    recordsBatched: registry.add(new Counter('lianjian_indexer_records_batched_total', 'Records put into batches by this process')),
    commitErrors: registry.add(new Counter('lianjian_indexer_commit_errors_total', 'Failed chain commits, by error')),
    buildErrors: registry.add(new Counter('lianjian_indexer_build_errors_total', 'Failed batch builds')),
    batchSize: registry.add(
      new Histogram('lianjian_indexer_batch_size', 'Records per batch', [1, 10, 100, 1_000, 5_000, 10_000, 25_000, 50_000, 100_000]),
    ),
    buildSeconds: registry.add(new Histogram('lianjian_indexer_build_seconds', 'Time to claim, hash and store a batch', [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5])),
    anchorSeconds: registry.add(
      new Histogram('lianjian_indexer_anchor_seconds', 'Time from a batch built to its anchor recorded', [0.25, 0.5, 1, 2, 5, 10, 30, 60]),
    ),
    dbUp: registry.add(new Gauge('lianjian_indexer_db_up', '1 while the database answered the last scrape, 0 when it did not')),
    // The continuous auditor (continuous-audit.ts).
    audit: {
      batchesVerified: registry.add(new Counter('lianjian_audit_batches_verified_total', 'Batches re-verified against their documents and the chain, by check (anchor: as anchored; rolling: the full walk)')),
      recordsChecked: registry.add(new Counter('lianjian_audit_records_checked_total', 'Records re-derived by the continuous auditor, by check')),
      rowsChecked: registry.add(new Counter('lianjian_audit_rows_checked_total', 'Verifiable rows compared with their latest record by the rolling audit')),
      mismatches: registry.add(new Counter('lianjian_audit_mismatches_total', 'Findings of the continuous auditor, by kind (each also a tamper_alert row)')),
      errors: registry.add(new Counter('lianjian_audit_errors_total', 'Continuous audit steps that failed to run (database or chain unreachable), by check')),
      lastVerifiedSeq: registry.add(new OptionalGauge('lianjian_audit_last_verified_seq', 'Seq of the last anchored batch re-verified as it was anchored')),
      passes: registry.add(new Counter('lianjian_audit_full_passes_total', 'Rolling full audits completed')),
      passProgress: registry.add(new Gauge('lianjian_audit_pass_progress_ratio', 'How far the current rolling audit is (0..1, batches then rows)')),
      lastPassEnd: registry.add(new Gauge('lianjian_audit_last_full_pass_timestamp_seconds', 'End of the last completed rolling full audit (unix time; 0 before the first)')),
      lastPassSeconds: registry.add(new Gauge('lianjian_audit_last_full_pass_seconds', 'Duration of the last completed rolling full audit')),
      lastMismatch: registry.add(new Gauge('lianjian_audit_last_mismatch_timestamp_seconds', 'When the continuous auditor last found a mismatch (unix time; 0 never)')),
    },
    // The chain as the indexer's node shows it (chain-watch.ts).
    chain: {
      up: registry.add(new OptionalGauge('lianjian_chain_rpc_up', '1 while the chain node answered the last poll')),
      height: registry.add(new OptionalGauge('lianjian_chain_latest_height', 'Latest block height of the chain node')),
      blockTime: registry.add(new OptionalGauge('lianjian_chain_latest_block_timestamp_seconds', 'Time of the latest block (unix time)')),
      catchingUp: registry.add(new OptionalGauge('lianjian_chain_catching_up', '1 while the node reports it is catching up')),
      validators: registry.add(new OptionalGauge('lianjian_chain_validators', 'Validators in the set at the last committed height')),
      missing: registry.add(new OptionalGauge('lianjian_chain_missing_validators', 'Validators of the set whose signature is absent from the last commit')),
      signedPower: registry.add(new OptionalGauge('lianjian_chain_signed_power_ratio', 'Share of voting power that signed the last commit')),
      validatorSigned: registry.add(new LabeledGauge('lianjian_chain_validator_signed', '1 if the validator signed the last commit, 0 if absent (label validator: consensus address hex)')),
      latestBatchSeq: registry.add(new OptionalGauge('lianjian_chain_latest_batch_seq', 'Latest batch seq held by the chain (x/anchor)')),
    },
  };
}

export type IndexerMetrics = ReturnType<typeof indexerMetrics>;
