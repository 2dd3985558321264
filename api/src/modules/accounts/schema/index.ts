// Accounts: the Account type and sessions, account management, partner API keys.
import './types.js';
import './management.js';
import './api-keys.js';
