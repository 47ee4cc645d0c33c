// The JSON depth check (issue 14 item 9) scans every JSON body before it is
// parsed. Figures: the scan of a 2 MB body (the parser's cap) of each shape,
// next to JSON.parse of the same body, so the check's share is visible.
//
//   npx tsx bench/json-depth.ts            (or: npm run bench json-depth)
import { tooDeepAt } from '../server/middleware/json-depth';

const MB2 = 2 * 1024 * 1024;
const flat = JSON.stringify({ answers: Array.from({ length: 20_000 }, (_, i) => ({ id: `q-${i}`, value: 'x'.repeat(60), note: `[{"not": "nested"}] ${i}` })) }).slice(0, MB2);
const bodies: [string, Buffer][] = [
  ['a realistic flat body (objects in an array)', Buffer.from(flat.slice(0, flat.lastIndexOf('},')) + '}]}')],
  ['one long string', Buffer.from(JSON.stringify({ text: 'a"b\\['.repeat(MB2 / 6) }))],
  ['2 MB of [ (refused at level 33)', Buffer.from('['.repeat(MB2))],
];

function time(fn: () => unknown, rounds = 20): number {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

for (const [name, body] of bodies) {
  const scan = time(() => tooDeepAt(body, 32));
  let parse = 'refused before parsing';
  if (!tooDeepAt(body, 32)) parse = `${time(() => JSON.parse(body.toString('utf8'))).toFixed(2)} ms`;
  console.log(`${name} (${(body.length / 1024 / 1024).toFixed(2)} MB): scan ${scan.toFixed(2)} ms; JSON.parse ${parse}`);
}
