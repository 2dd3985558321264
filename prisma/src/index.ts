// @lianjian/db: the data model (generated Prisma client, its types and enums, the DMMF), the
// migration runner, password hashing, and the demo/scale seed.
export { migrate, loadMigrations, checksum, migrationsDir, MigrationError, MIGRATION_LOCK_KEY } from './migrate.js';
export type { Migration, MigrateOptions } from './migrate.js';
export { createPrisma, type CreatePrismaOptions } from './client.js';
export { dmmf } from './dmmf.js';
export type { DmmfDocument, DmmfModel, DmmfField, DmmfEnum, DmmfIndex } from './dmmf.js';
export * from '../generated/client.js';
export { seed, seedDemo, SeedError, BASE_DATE, type SeedOptions, type SeedResult, type DemoAccount } from './seed/index.js';
export { recordData, recordFields, recordOrg, VERIFIABLE_MODELS, PRIVATE_FIELDS, type VerifiableModel } from './records.js';
export { hashNationalId, normaliseNationalId, idSalt, DEMO_ID_SALT } from './identity.js';
export { base32Decode, base32Encode } from './base32.js';
export { hashPassword, verifyPassword, needsRehash, DEFAULT_SCRYPT, PasswordHashError, type ScryptParams } from './password.js';
