// Imports the GraphQL plumbing, then each module's schema (each adds its types to the builder),
// and builds the schema. A new module adds one line here.
import { builder } from './graphql/builder.js';
import './graphql/scalars.js';
import './graphql/enums.js';
import './graphql/root.js';
import './graphql/verifiable.js';
import './modules/org-units/schema/index.js';
import './modules/members/schema/index.js';
import './modules/accounts/schema/index.js';
import './modules/auth/schema/index.js';
import './modules/pipeline/schema/index.js';
import './modules/meetings/schema/index.js';
import './modules/learning/schema/index.js';
import './modules/appraisal/schema/index.js';
import './modules/feedback/schema/index.js';
import './modules/points/schema/index.js';
import './modules/votes/schema/index.js';
import './modules/decisions/schema/index.js';
import './modules/transfers/schema/index.js';
import './modules/dues/schema/index.js';
import './modules/committees/schema/index.js';
import './modules/notices/schema/index.js';
import './modules/attachments/schema/index.js';
import './modules/oversight/schema/index.js';
import './modules/analytics/schema/index.js';
import './modules/tamper-alerts/schema/index.js';
import './modules/inbox/schema/index.js';
import './modules/webhooks/schema/index.js';
import './modules/discussion/schema/index.js';
import './modules/mirror-feed/schema/index.js';
import './modules/mirrors/schema/index.js';

export const schema = builder.toSchema();
