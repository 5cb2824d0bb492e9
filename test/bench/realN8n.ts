/**
 * The real-n8n figure: runs the end-to-end suite's timing scenario alone (test/e2e/realN8nTiming.ts:
 * a real n8n server, the package installed from its tarball, 2,000 items through our node and
 * through n8n's HTTP Request node with n8n's generic OAuth2 credential) and returns its figures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { log } from './stats';

export async function realN8n(): Promise<Record<string, unknown>> {
	const out = path.join(
		fs.mkdtempSync(path.join(os.tmpdir(), 'oauth2-bench-real-')),
		'figures.json',
	);
	const root = path.resolve(__dirname, '..', '..');
	log('real n8n: starting the end-to-end suite’s timing scenario');
	const code = await new Promise<number | null>((resolve) => {
		const child = spawn(
			process.execPath,
			[
				...process.execArgv.filter((arg) => arg !== '--expose-gc'),
				path.join(root, 'test', 'e2e', 'run.ts'),
			],
			{
				cwd: root,
				stdio: ['ignore', process.stderr, process.stderr],
				env: {
					...process.env,
					E2E_ONLY: 'real n8n timing',
					E2E_TIMING_OUT: out,
				},
			},
		);
		child.on('exit', (exitCode) => resolve(exitCode));
	});
	if (!fs.existsSync(out)) throw new Error(`the timing scenario wrote no figures (exit ${code})`);
	const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
	fs.rmSync(path.dirname(out), { recursive: true, force: true });
	return figures;
}
