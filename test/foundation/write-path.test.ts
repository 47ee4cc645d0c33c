import fs from 'node:fs';
import path from 'node:path';

const routes = path.join(__dirname, '../../server/routes');
/** Route files that still write by hand; each moves to a command in server/commands (issue 15 item 1). Only ever shrinks. */
const notMovedYet = ['auth.ts', 'documents.ts', 'findings.ts', 'users.ts'];

test('when a route writes, then it does so through a command: no route file opens a transaction, writes an audit event or refreshes engagements itself, except those not moved yet', () => {
  const byHand = fs.readdirSync(routes).filter((f) => f.endsWith('.ts') && /\.transaction\(\)|recordAudit|refreshEngagements/.test(fs.readFileSync(path.join(routes, f), 'utf8')));
  expect(byHand.filter((f) => !notMovedYet.includes(f))).toEqual([]);
});
