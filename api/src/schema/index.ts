// Imports every schema file (each adds its types to the builder), then builds the schema.
// Add new schema files here.
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './root.js';
import './verifiable.js';
import './org-unit.js';
import './member.js';
import './member-mutations.js';
import './member-import.js';
import './identity-holds.js';
import './account.js';
import './accounts.js';
import './auth.js';
import './api-key.js';
import './pipeline.js';
import './meetings.js';
import './learning.js';
import './appraisal.js';
import './feedback.js';
import './points.js';
import './votes.js';
import './decisions.js';
import './transfers.js';
import './analytics.js';
import './tamper-alerts.js';

export const schema = builder.toSchema();
