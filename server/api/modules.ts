import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountResolvers } from './accounts/resolvers';
import { correctionResolvers } from './corrections/resolvers';
import { draftResolvers } from './documents/drafts';
import { documentResolvers } from './documents/resolvers';
import { progressResolvers } from './progress/resolvers';
import { yearResolvers } from './years/resolvers';
import { dubanResolvers } from './duban/resolvers';

/**
 * The API domains kept apart from resolvers.ts, each with its schema file and resolver module:
 * apollo.ts adds them to the main schema.
 */
export const MODULE_TYPE_DEFS: string[] = ['accounts', 'documents', 'corrections', 'progress', 'years', 'duban'].map((m) => readFileSync(join(import.meta.dirname, m, 'schema.graphql'), 'utf8'));

export const MODULE_RESOLVERS = [accountResolvers, documentResolvers, draftResolvers, correctionResolvers, progressResolvers, yearResolvers, dubanResolvers];
