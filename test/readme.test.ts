import assert from 'node:assert/strict';
import fs from 'node:fs';

import { README, readmeWithTables } from '../scripts/readme-tables';

test('the README tables match the preset data, the bad-input and the fault tests (npm run readme:tables regenerates them)', () => {
	const readme = fs.readFileSync(README, 'utf8');
	assert.equal(readme, readmeWithTables(readme));
});
