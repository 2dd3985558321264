// Analytics (统计分析): the dashboard, snapshots and their queries (dashboard.ts), then the dues
// figures the dashboard shows (dues.ts), which extend its type.
import './dashboard.js';
import './dues.js';
