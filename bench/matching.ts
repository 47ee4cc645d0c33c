// Matching cost on a large engagement (issue 14): 50 delivery sites and 10
// services against a certificate with 100 sites, 100 services and a 10 KB
// scope text. "per call" reads the certificate again for every site, as every
// PATCH used to; "prepared" reads it once (prepareSiteScope /
// prepareServiceScope) and matches each site against that. Target: one
// site ≤ 1 ms against the 100 certificate sites.
//
//   npx tsx bench/matching.ts            (or: npm run bench matching)
import { matchService, prepareServiceScope } from '../shared/matching/services';
import { matchSite, prepareSiteScope, type CertificateSite } from '../shared/matching/sites';
import type { SiteInput } from '../shared/schemas/engagement-profile';

const cities = [
  ['Makati City', 'PH', 'Ayala Avenue'], ['Cebu City', 'PH', 'Cebu IT Park, Lahug'], ['Taguig', 'PH', 'Bonifacio Global City'], ['Pasig', 'PH', 'Ortigas Center'], ['Quezon City', 'PH', 'Eastwood City'],
  ['Davao City', 'PH', 'J.P. Laurel Avenue'], ['Bangalore', 'IN', 'Outer Ring Road'], ['Pune', 'IN', 'Hinjewadi Phase 2'], ['Hyderabad', 'IN', 'HITEC City'], ['Chennai', 'IN', 'Old Mahabalipuram Road'],
  ['Kraków', 'PL', 'ul. Kamieńskiego'], ['Bucharest', 'RO', 'Bulevardul Dimitrie Pompeiu'], ['Cairo', 'EG', 'Smart Village'], ['Bogotá', 'CO', 'Calle 100'], ['Manchester', 'GB', 'Spinningfields'],
  ['Dublin', 'IE', 'Grand Canal Dock'], ['Lisbon', 'PT', 'Parque das Nações'], ['Kuala Lumpur', 'MY', 'Bangsar South'], ['Ho Chi Minh City', 'VN', 'Quang Trung Software City'], ['Johannesburg', 'ZA', 'Sandton'],
] as const;

const certSites: CertificateSite[] = Array.from({ length: 100 }, (_, i) => {
  const [city, country, street] = cities[i % cities.length]!;
  return { name: `Acme delivery centre ${i + 1}`, address: `Tower ${1 + (i % 5)}, ${100 + i} ${street}, ${city}`, city, country };
});
const deliverySites: SiteInput[] = Array.from({ length: 50 }, (_, i) => {
  const [city, country, street] = cities[(i * 3) % cities.length]!;
  return { name: `Delivery site ${i + 1}`, address: `Tower ${1 + ((i * 2) % 5)}, ${100 + ((i * 7) % 100)} ${street}`, city, country };
});
const clauses = certSites.map((s) => `Inbound and outbound contact centre services, back-office processing and card servicing delivered from ${s.address}, ${s.country}`);
let scopeText = '';
for (let i = 0; scopeText.length < 10_000; i++) scopeText += `${clauses[i % clauses.length]}${i % 9 === 4 ? ', excluding collections' : ''}. `;
const certServices = Array.from({ length: 100 }, (_, i) => ['contact centre services', 'back-office processing', 'dispute handling', 'chargeback processing', 'KYC onboarding', 'IT service desk', 'data entry', 'claims processing', 'payroll services', 'content moderation'][i % 10]! + ` (${i + 1})`);
const services = ['Inbound customer support (voice and chat)', 'Card dispute handling', 'Chargebacks', 'Collections', 'KYC / onboarding', 'Claims processing', 'Back-office finance', 'Payroll', 'Software development', 'Trust and safety'];

function time(label: string, rounds: number, fn: () => void): number {
  fn();
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms`);
  return ms;
}

const scope = { sites: certSites, scopeText };
const serviceScope = { services: certServices, scopeText };
console.log(`certificate: ${certSites.length} sites, ${certServices.length} services, scope text ${(scopeText.length / 1024).toFixed(1)} KB; engagement: ${deliverySites.length} sites, ${services.length} services\n`);
const before = time('sites, per call (before): all 50 sites', 3, () => deliverySites.forEach((s) => matchSite(s, scope)));
const after = time('sites, prepared (after): prepare once + all 50 sites', 3, () => {
  const prepared = prepareSiteScope(scope);
  deliverySites.forEach((s) => matchSite(s, prepared));
});
const servicesBefore = time('services, per call (before): all 10 services', 3, () => services.forEach((s) => matchService(s, serviceScope)));
const servicesAfter = time('services, prepared (after): prepare once + all 10', 3, () => {
  const prepared = prepareServiceScope(serviceScope);
  services.forEach((s) => matchService(s, prepared));
});
const prepared = prepareSiteScope(scope);
const one = time('one site against the prepared certificate', 20, () => matchSite(deliverySites[7]!, prepared));
console.log(`\nper site: before ${(before / deliverySites.length).toFixed(2)} ms, after ${(after / deliverySites.length).toFixed(2)} ms (one site alone: ${one.toFixed(2)} ms, target ≤ 1 ms)`);
console.log(`whole judgement (sites + services): before ${(before + servicesBefore).toFixed(0)} ms, after ${(after + servicesAfter).toFixed(0)} ms`);
