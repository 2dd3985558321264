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
  };
}

export type IndexerMetrics = ReturnType<typeof indexerMetrics>;
