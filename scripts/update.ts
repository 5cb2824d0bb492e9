/**
 * `npm run update` (after the build): regenerates everything the docs show that the code decides.
 * 1. The bad-input suite and the feature files with fault tests, which rewrite test/badInputTable.md
 *    and the parts of the fault table (test/faultTable/).
 * 2. The generated tables: the preset table in README.md, test/faultTable.md, two in docs/faults.md.
 * 3. The screenshots in docs/screenshots/: the end-to-end suite's UI scenarios, in a real n8n.
 * `--no-screenshots` skips step 3 (it installs n8n and Chromium on first use).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { FAULT_TEST_FILES } from '../test/harness/faultTable';

const ROOT = path.resolve(__dirname, '..');

function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
	process.stdout.write(`\n[update] ${label}\n`);
	const result = spawnSync(command, args, {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	});
	if (result.status !== 0) {
		process.stderr.write(`[update] ${label} failed (exit ${result.status ?? result.signal})\n`);
		process.exit(result.status ?? 1);
	}
}

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');

step(
	'bad-input and fault tables',
	process.execPath,
	[
		'--experimental-vm-modules',
		path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'test/badInput.test.ts',
		...FAULT_TEST_FILES,
	],
	{ UPDATE_BAD_INPUT_TABLE: '1', UPDATE_FAULT_TABLE: '1' },
);
step('README.md and docs/faults.md tables', tsx, ['scripts/readme-tables.ts']);
if (!process.argv.includes('--no-screenshots'))
	step('docs/screenshots/ from the UI scenarios', tsx, ['test/e2e/run.ts', '--only', 'UI'], {
		E2E_UPDATE_SCREENSHOTS: '1',
	});
