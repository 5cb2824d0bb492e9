import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { README, readmeWithTable } from '../scripts/presets-table';

test('the README preset table matches the preset data (npm run readme:presets regenerates it)', () => {
	const readme = fs.readFileSync(README, 'utf8');
	assert.equal(readme, readmeWithTable(readme));
});
