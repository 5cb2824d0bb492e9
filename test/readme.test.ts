import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { GENERATED_DOCS } from '../scripts/readme-tables';

/** The first line where the file differs from its regenerated text, for the failure message. */
function firstDifference(actual: string, expected: string): string {
	const actualLines = actual.split('\n');
	const expectedLines = expected.split('\n');
	const line = actualLines.findIndex((text, index) => text !== expectedLines[index]);
	const at = line === -1 ? actualLines.length : line;
	return `line ${at + 1}: has ${JSON.stringify(actualLines[at] ?? '(end of file)').slice(0, 200)}, expected ${JSON.stringify(expectedLines[at] ?? '(end of file)').slice(0, 200)}`;
}

for (const { file, withTables } of GENERATED_DOCS) {
	const name = path.relative(path.join(__dirname, '..'), file);
	test(`the generated tables in ${name} match the preset data, the bad-input and the fault tests`, () => {
		const text = fs.readFileSync(file, 'utf8');
		const expected = withTables(text);
		assert.ok(
			text === expected,
			`${name} is stale: run npm run update (${firstDifference(text, expected)})`,
		);
	});
}
