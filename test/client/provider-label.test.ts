import { describeProvider, providerLabel } from '../../client/src/features/engagements/provider-label';
import type { ProviderDto } from '../../shared/schemas/engagement';

/** Two providers of the same name read differently in the picker. */

const base: ProviderDto = { id: '00000000-0000-4000-8000-000000000001', name: 'Acme BPO', adminAccepted: true, verifiedDomains: ['acme.example.test'], invitedBy: null };

test.each<[string, Partial<ProviderDto>, string]>([
  ['a joined provider', {}, 'verified acme.example.test · an administrator joined'],
  ['one invited by the asking buyer, not joined', { adminAccepted: false, verifiedDomains: [], invitedBy: 'you' }, 'no verified email domain · no administrator has joined yet · invited by you'],
  ['one invited by another buyer', { invitedBy: 'another_buyer', verifiedDomains: ['acme.example.test', 'acme-ph.example.test'] }, 'verified acme.example.test, acme-ph.example.test · an administrator joined · invited by another buyer'],
])('when the provider is %s, then it reads "%s"', (_what, fields, expected) => {
  expect(describeProvider({ ...base, ...fields })).toBe(expected);
});

test('when two providers share a name, then their picker labels differ', () => {
  const impostor = { ...base, id: '00000000-0000-4000-8000-000000000002', adminAccepted: false, verifiedDomains: [], invitedBy: 'another_buyer' as const };
  expect(providerLabel(base)).toBe('Acme BPO (verified acme.example.test · an administrator joined)');
  expect(providerLabel(impostor)).not.toBe(providerLabel(base));
});
