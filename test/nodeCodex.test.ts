/**
 * The codex files (`*.node.json`) place the nodes in n8n's node panel. Community packages use the
 * categories n8n's own nodes use, except "Core Nodes", which is for n8n's built-in nodes (the
 * editor also reads it to word load errors as its own). That each category is one n8n's own nodes
 * use is checked against the n8n install by the end-to-end suite (nodeScenarios.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};

/** The codex next to each built node, as n8n's loader reads it. */
function codexFiles(): Array<{ file: string; categories: string[] }> {
	return packageJson.n8n.nodes.map((node) => {
		const file = path.join(root, node.replace(/\.js$/, '.json'));
		const codex = JSON.parse(fs.readFileSync(file, 'utf8')) as { categories?: string[] };
		return { file: path.relative(root, file), categories: codex.categories ?? [] };
	});
}

describe('node codex', () => {
	test('each node sits under Development, never under "Core Nodes"', () => {
		for (const { file, categories } of codexFiles()) {
			assert.equal(categories[0], 'Development', file);
			assert.ok(!categories.includes('Core Nodes'), `${file}: ${categories.join(', ')}`);
		}
	});
});
