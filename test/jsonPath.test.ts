/** Response paths (nodes/shared/jsonPath.ts): reading, reporting where a lookup stopped, listing. */
import assert from 'node:assert/strict';

import { listPaths, lookupPath, parsePath, readPath } from '../nodes/shared/jsonPath';

describe('response paths', () => {
	const body = {
		data: { 'first-name': 'Ada', tags: ['x', 'y'] },
		items: [{ id: 1 }, { id: 2, extra: true }],
	};

	test('read dot, index, quoted and wildcard forms', () => {
		assert.equal(readPath(body, 'data.tags[1]'), 'y');
		assert.equal(readPath(body, "data['first-name']"), 'Ada');
		assert.deepEqual(readPath(body, 'items[*].id'), [1, 2]);
		assert.deepEqual(readPath(body, 'items.*.extra'), [true]);
		assert.equal(readPath(body, 'items[5].id'), undefined);
	});

	test('report where a lookup stopped', () => {
		assert.deepEqual(lookupPath(body, parsePath('data.missing.deeper')), {
			found: false,
			deepestPath: 'data',
			availableThere: ['first-name', 'tags'],
		});
		assert.deepEqual(lookupPath(body, parsePath('items[9]')), {
			found: false,
			deepestPath: 'items',
			availableThere: ['[0]..[1]'],
		});
	});

	test('reject malformed paths with the position', () => {
		assert.throws(() => parsePath(''), /empty/);
		assert.throws(() => parsePath('a[1'), /character 2: '\[' is never closed/);
		assert.throws(() => parsePath('a[x]'), /use \[0\], \[\*\] or \["name"\]/);
		assert.throws(() => parsePath('a b'), /unexpected ' '/);
	});

	test('list every path of a sample, quoting names that need it', () => {
		const paths = listPaths(body);
		for (const expected of [
			'data',
			'data["first-name"]',
			'data.tags[0]',
			'items[0].id',
			'items[*].id',
		])
			assert.ok(paths.includes(expected), expected);
		for (const path of paths) assert.doesNotThrow(() => parsePath(path), path);
	});
});
