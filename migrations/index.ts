import type { Migration } from 'kysely';
import * as m001 from './2026_11_22_001_foundation';
import * as m002 from './2026_11_23_002_assessments';
import * as m003 from './2026_11_23_003_documents';
import * as m004 from './2026_11_23_004_certificates';
import * as m005 from './2026_11_23_005_soas';
import * as m006 from './2026_11_23_006_findings';
import * as m007 from './2026_11_23_007_engagement_summaries';
import * as m008 from './2026_11_23_008_notices';
import * as m009 from './2026_11_23_009_security_schedules';
import * as m010 from './2026_11_23_010_clause_library';
import * as m011 from './2026_11_23_011_schedule_sharing';
import * as m012 from './2026_11_29_012_engagement_revisions';
import * as m013 from './2026_11_29_013_auth_notify';
import * as m014 from './2026_11_29_014_pending_uploads';
import * as m015 from './2026_12_07_015_contracting_entity_names';
import * as m019 from './2026_12_07_019_soa_numbering';
import * as m023 from './2026_12_07_023_certificate_verifications';
import * as m024 from './2026_12_08_024_password_resets';
import * as m025 from './2026_12_08_025_audit_chain';
import * as m026 from './2026_12_08_026_api_tokens';

/**
 * Every migration, by name. Listed explicitly (not read from the folder) so
 * the same list works compiled, under tsx and under jest.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_001_foundation': m001,
  '2026_11_23_002_assessments': m002,
  '2026_11_23_003_documents': m003,
  '2026_11_23_004_certificates': m004,
  '2026_11_23_005_soas': m005,
  '2026_11_23_006_findings': m006,
  '2026_11_23_007_engagement_summaries': m007,
  '2026_11_23_008_notices': m008,
  '2026_11_23_009_security_schedules': m009,
  '2026_11_23_010_clause_library': m010,
  '2026_11_23_011_schedule_sharing': m011,
  '2026_11_29_012_engagement_revisions': m012,
  '2026_11_29_013_auth_notify': m013,
  '2026_11_29_014_pending_uploads': m014,
  '2026_12_07_015_contracting_entity_names': m015,
  '2026_12_07_019_soa_numbering': m019,
  '2026_12_07_023_certificate_verifications': m023,
  '2026_12_08_024_password_resets': m024,
  '2026_12_08_025_audit_chain': m025,
  '2026_12_08_026_api_tokens': m026,
};
