// Members (党员): the Member type and its queries, the mutations, bulk import and identity holds.
import './types.js';
import './mutations.js';
import './import.js';
import './identity-holds.js';
