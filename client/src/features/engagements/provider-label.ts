import type { ProviderDto } from '../../../../shared/schemas/engagement';

/**
 * What tells a provider apart from another of the same name, in words:
 * its administrators' verified email domains, whether one joined, and who
 * invited it (never which other buyer).
 */
export function describeProvider(p: ProviderDto): string {
  const parts = [
    p.verifiedDomains.length ? `verified ${p.verifiedDomains.join(', ')}` : 'no verified email domain',
    p.adminAccepted ? 'an administrator joined' : 'no administrator has joined yet',
  ];
  if (p.invitedBy === 'you') parts.push('invited by you');
  if (p.invitedBy === 'another_buyer') parts.push('invited by another buyer');
  return parts.join(' · ');
}

/** The provider as one line of the picker: two "Acme BPO" entries never read the same. */
export function providerLabel(p: ProviderDto): string {
  return `${p.name} (${describeProvider(p)})`;
}
