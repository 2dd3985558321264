// The root types. Other schema files add fields with builder.queryField(s)/mutationField(s).
import { builder } from './builder.js';

builder.queryType({ description: 'Lianjian (链建) GraphQL API. Every verifiable result carries a `proof`.' });
builder.mutationType({});
