import fs from 'node:fs';
import path from 'node:path';

const routes = path.join(__dirname, '../../server/routes');
test('when a route writes, then it does so through a command: no route file opens a transaction, writes an audit event or refreshes engagements itself', () => {
  const byHand = fs.readdirSync(routes).filter((f) => f.endsWith('.ts') && /\.transaction\(\)|recordAudit|refreshEngagements/.test(fs.readFileSync(path.join(routes, f), 'utf8')));
  expect(byHand).toEqual([]);
});
