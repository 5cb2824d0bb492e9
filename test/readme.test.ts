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

/** GitHub's anchor for a Markdown heading. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

test('the documentation links of the credential and the nodes point at a README heading', () => {
	const root = path.join(__dirname, '..');
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const anchors = new Set(
		[...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])),
	);
	const sources = [
		'credentials/ConnectionOAuth2Api.credentials.ts',
		...fs
			.readdirSync(path.join(root, 'nodes'), { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.node.json'))
			.map((file) => path.join('nodes', file)),
	];
	const links = sources.flatMap((file) =>
		[
			...fs
				.readFileSync(path.join(root, file), 'utf8')
				.matchAll(/n8n-nodes-oauth2-connections#([\w-]+)/g),
		].map((match) => ({ file, anchor: match[1] })),
	);
	assert.ok(links.length >= 4, 'the credential and the three nodes link the README');
	for (const { file, anchor } of links) assert.ok(anchors.has(anchor), `${file}: #${anchor}`);
});
