import { nameFragments, similarProviders } from '../../shared/matching/provider-names';

/** A new provider whose name reads like an existing one's is flagged; a different company is not. */

const acme = { name: 'Acme BPO', aliases: ['Acme Business Process Outsourcing'] };
const zenith = { name: 'Zenith Contact Centres Ltd', aliases: [] };

test.each([
  ['Acme BPO', true],
  ['ACME BPO', true],
  ['Acme B.P.O.', true],
  ['Acme BPO, Inc.', true],
  ['Acme BPO GmbH', true],
  ['The Acme BPO Ltd.', true],
  ['Acme-BPO', true],
  ['AcmeBPO', true],
  ['Acme Business Process Outsourcing Pvt. Ltd.', true],
  ['Zenith Contact Centres', false],
  ['Acme BPO India', false],
  ['Acme Logistics', false],
  ['Apex BPO', false],
])('when a new provider is called "%s", then it is flagged as Acme BPO: %s', (name, flagged) => {
  expect(similarProviders(name, [acme, zenith]).includes(acme)).toBe(flagged);
  // The database narrows the candidates with these fragments: a flagged provider always contains one.
  if (flagged) expect(nameFragments(name).some((f) => [acme.name, ...acme.aliases].some((n) => n.toLowerCase().includes(f)))).toBe(true);
});

test.each([
  ['Acme BPO, Inc.', ['acme']],
  ['The Intl Support Co.', ['intl', 'inte']],
  ['Ltd', ['ltd']],
  ['', []],
])('when the new name is "%s", then the candidates are searched with %j', (name, fragments) => {
  expect(nameFragments(name)).toEqual(fragments);
});

test('when the name matches a provider registered with a legal suffix, then that provider is flagged', () => {
  expect(similarProviders('zenith contact centres', [acme, zenith])).toEqual([zenith]);
});
