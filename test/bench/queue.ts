/**
 * The queue-mode figures: runs the queue suite (test/queue/run.ts: Redis, Postgres, n8n main and
 * two workers) with fewer executions and returns its figures: executions per second with two
 * workers and with one, and token calls per expiry across workers.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { log } from './stats';

export async function queue(): Promise<Record<string, unknown>> {
	const out = path.join(
		fs.mkdtempSync(path.join(os.tmpdir(), 'oauth2-bench-queue-')),
		'figures.json',
	);
	const root = path.resolve(__dirname, '..', '..');
	log('queue mode: starting the queue suite');
	const code = await new Promise<number | null>((resolve) => {
		const child = spawn(
			process.execPath,
			[
				...process.execArgv.filter((arg) => arg !== '--expose-gc'),
				path.join(root, 'test', 'queue', 'run.ts'),
			],
			{
				cwd: root,
				stdio: ['ignore', process.stderr, process.stderr],
				env: {
					...process.env,
					QUEUE_EXECUTIONS: process.env.BENCH_QUEUE_EXECUTIONS ?? '300',
					QUEUE_FIGURES_OUT: out,
				},
			},
		);
		child.on('exit', (exitCode) => resolve(exitCode));
	});
	if (!fs.existsSync(out)) throw new Error(`the queue suite wrote no figures (exit ${code})`);
	const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
	fs.rmSync(path.dirname(out), { recursive: true, force: true });
	return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`queue_${key}`, value]));
}
