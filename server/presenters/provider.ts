import type { ProviderDto } from '../../shared/schemas/engagement';
import type { ProviderRow } from '../repositories/provider';

/** A provider as a buyer sees it in the search: the other inviting buyer is never named. */
export function presentProvider(p: ProviderRow): ProviderDto {
  return {
    id: p.id,
    name: p.name,
    adminAccepted: p.admin_accepted,
    verifiedDomains: p.admin_domains,
    invitedBy: p.invited_by_you ? 'you' : p.invited_by_other_buyer ? 'another_buyer' : null,
  };
}
