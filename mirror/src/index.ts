// @lianjian/mirror: a level's verified copy of its subtree's records (issue #21, DESIGN.md "Mirrors").
export { Mirror, type MirrorOptions, type SyncResult, type RecheckResult } from './mirror.js';
export { Store, SCHEMA_SQL, RECORD_ALERTS, type Alert, type AlertKind, type StoredAlert, type StoredDocument, type MirrorState } from './store.js';
export { FeedClient, FeedError, type FeedEntry, type FeedPage } from './feed.js';
export { EntryVerifier, ChainUnavailable, type Verdict } from './verifier.js';
export { startHttp, type RunningHttp } from './http.js';
export { loadConfig, ConfigError, USAGE, type MirrorConfig } from './config.js';
export { startMirror, type RunningMirror } from './service.js';
export { checkSnapshot, CHECKED_METRICS } from './snapshots.js';
export { restoreRecord, RestoreRefused, type RestoreRefusal, type RestoreResult } from './restore.js';
