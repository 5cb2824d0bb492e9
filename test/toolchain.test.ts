/**
 * scripts/toolchain.cjs runs every npm script (`npm start`, `npm test`): a signal sent to its
 * process must reach everything the script started, as Ctrl-C in a terminal does (issue 26:
 * signalling `npm start`'s process left n8n and the demo servers running).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TOOLCHAIN = path.resolve(__dirname, '..', 'scripts', 'toolchain.cjs');

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitFor(what: string, check: () => boolean, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('scripts/toolchain.cjs', () => {
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		test(`${signal} to its process stops what the command started, down to grandchildren`, async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolchain-signal-'));
			const pidFile = path.join(dir, 'grandchild.pid');
			// A step that starts a long-running node and waits, like `npm start`'s demo starting n8n.
			const step = path.join(dir, 'step.ts');
			fs.writeFileSync(
				step,
				[
					"import { spawn } from 'node:child_process';",
					"import fs from 'node:fs';",
					"const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
					'fs.writeFileSync(process.argv[2], String(child.pid));',
					'setInterval(() => {}, 1000);',
				].join('\n'),
			);
			const toolchain = spawn(process.execPath, [TOOLCHAIN, step, '--', pidFile], {
				stdio: 'ignore',
			});
			let grandchild = 0;
			try {
				await waitFor(
					'the grandchild started',
					() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '',
					20_000,
				);
				grandchild = Number(fs.readFileSync(pidFile, 'utf8').trim());
				assert.ok(alive(grandchild));
				const exited = new Promise<void>((resolve) => toolchain.once('exit', () => resolve()));
				toolchain.kill(signal);
				await exited;
				await waitFor(`the grandchild stopped after ${signal}`, () => !alive(grandchild), 10_000);
			} finally {
				if (grandchild && alive(grandchild)) process.kill(grandchild, 'SIGKILL');
				if (toolchain.exitCode === null && toolchain.signalCode === null) toolchain.kill('SIGKILL');
				fs.rmSync(dir, { recursive: true, force: true });
			}
		});
	}
});
