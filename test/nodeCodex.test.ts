/**
 * The codex files (`*.node.json`) place the nodes in n8n's node panel. Community packages use the
 * categories n8n's own nodes use, except "Core Nodes", which is for n8n's built-in nodes (the
 * editor also reads it to word load errors as its own).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { installDir, isInstalled } from './e2e/n8nInstall';

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

/** Every category n8n's own nodes declare (n8n-nodes-base of the pinned n8n). */
function hostCategories(): Set<string> {
	const categories = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.node.json')) {
				const codex = JSON.parse(fs.readFileSync(full, 'utf8')) as { categories?: string[] };
				for (const category of codex.categories ?? []) categories.add(category);
			}
		}
	};
	walk(path.join(installDir(), 'node_modules', 'n8n-nodes-base', 'dist', 'nodes'));
	return categories;
}

describe('node codex', () => {
	test('each node sits under Development, never under "Core Nodes"', () => {
		for (const { file, categories } of codexFiles()) {
			assert.equal(categories[0], 'Development', file);
			assert.ok(!categories.includes('Core Nodes'), `${file}: ${categories.join(', ')}`);
		}
	});

	test("every category is one n8n's own nodes use", () => {
		assert.ok(isInstalled(), `n8n is installed in ${installDir()} (npm test installs it first)`);
		const known = hostCategories();
		for (const { file, categories } of codexFiles())
			for (const category of categories) assert.ok(known.has(category), `${file}: ${category}`);
	});
});
