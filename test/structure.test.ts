/**
 * scripts/checkStructure.ts, run by `npm run check` before jest (issue 20): it must catch an
 * import circle (type-only imports too) and an over-long test file, and accept the tree as it is.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { importCircles, MAX_TEST_FILE_LINES, structureProblems } from '../scripts/checkStructure';

function tree(files: Record<string, string>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-check-'));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		fs.writeFileSync(path.join(root, name), text);
	}
	return root;
}

describe('scripts/checkStructure.ts', () => {
	test('finds a circle of type-only imports through an index file, and names its files', () => {
		const root = tree({
			'nodes/a/index.ts': "export { b } from './b';\n",
			'nodes/a/b.ts': "import type { C } from './c';\nexport const b = 1 as unknown as C;\n",
			'nodes/a/c.ts': "import type { b } from '.';\nexport type C = typeof b;\n",
			'nodes/a/d.ts': "import { b } from './b';\nexport const d = b;\n",
		});
		try {
			const files = ['index.ts', 'b.ts', 'c.ts', 'd.ts'].map((f) => path.join(root, 'nodes/a', f));
			const circles = importCircles(files);
			assert.equal(circles.length, 1);
			assert.deepEqual(
				circles[0].map((file) => path.basename(file)),
				['b.ts', 'c.ts', 'index.ts'],
			);
			const problems = structureProblems(root);
			assert.ok(problems.some((problem) => /Import circle: nodes\/a\/b\.ts/.test(problem)));
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});

	test(`flags a test file over ${MAX_TEST_FILE_LINES} lines and accepts one at the limit`, () => {
		const root = tree({
			'test/long.test.ts': 'x;\n'.repeat(MAX_TEST_FILE_LINES + 1),
			'test/fits.test.ts': 'x;\n'.repeat(MAX_TEST_FILE_LINES),
			'credentials/a.ts': "import { b } from './b';\nexport const a = b;\n",
			'credentials/b.ts': 'export const b = 1;\n',
		});
		try {
			const problems = structureProblems(root).filter((problem) => !problem.includes(' is gone'));
			assert.deepEqual(problems, [
				`test/long.test.ts has ${MAX_TEST_FILE_LINES + 1} lines (at most ${MAX_TEST_FILE_LINES}): split it by feature, its helpers into test/harness/.`,
			]);
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});

	test('a transport file importing one above it in the request path is named, as is one without a place', () => {
		const root = tree({
			'nodes/shared/transport/types.ts':
				"import { sendAuthorized } from './request';\nexport type T = typeof sendAuthorized;\n",
			'nodes/shared/transport/request.ts': 'export const sendAuthorized = 1;\n',
			'nodes/shared/transport/extra.ts': 'export const extra = 1;\n',
		});
		try {
			const problems = structureProblems(root).filter((problem) => !problem.includes(' is gone'));
			assert.deepEqual(problems.sort(), [
				'nodes/shared/transport/extra.ts has no place in TRANSPORT_LAYERS (scripts/checkStructure.ts): add it above the files it imports.',
				'nodes/shared/transport/types.ts imports request.ts, which sits above it in the request path (TRANSPORT_LAYERS): move what it needs below both.',
			]);
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});

	test('the package itself: no import circle, the request path one way down, no over-long test file', () => {
		assert.deepEqual(structureProblems(), []);
	});
});
