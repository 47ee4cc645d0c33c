import type { Migration } from 'kysely';
import * as m001 from './2026_11_22_001_foundation';

/**
 * Every migration, by name. Listed explicitly (not read from the folder) so
 * the same list works compiled, under tsx and under jest.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_001_foundation': m001,
};
