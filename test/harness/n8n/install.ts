// Ensures a pinned n8n is installed in a cache outside the checkout, keyed by n8n + Node version.
// A full install takes minutes and ~3 GB, so it is done once per machine and reused. It goes into a
// temporary sibling directory first and is renamed into place only when complete, with a marker
// written last: an interrupted install never leaves a cache that a later run would trust.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const N8N_VERSION = '2.41.1';
const MARKER = '.install-complete';

export interface N8nInstall {
	/** Directory holding node_modules/n8n. */
	dir: string;
	/** Path of the n8n CLI entry (run it with Node 24). */
	bin: string;
}

function log(message: string): void {
	process.stderr.write(`[n8n-install] ${message}\n`);
}

export function cacheRoot(): string {
	return (
		process.env.OAUTH2_CONNECTIONS_CACHE ||
		path.join(
			process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
			'n8n-nodes-oauth2-connections',
		)
	);
}

export function installDir(): string {
	return path.join(cacheRoot(), `n8n-${N8N_VERSION}-node-${process.versions.node}`);
}

/** The Node installation running us (parent of bin/); it has include/node for native rebuilds. */
function nodeDir(): string {
	return path.dirname(path.dirname(process.execPath));
}

function describe(dir: string): N8nInstall {
	return { dir, bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

export function isInstalled(dir = installDir()): boolean {
	return fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(describe(dir).bin);
}

function runLogged(
	command: string,
	args: string[],
	cwd: string,
	logFile: string,
	env: NodeJS.ProcessEnv,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			fs.closeSync(out);
			if (code === 0) resolve();
			else
				reject(
					new Error(`"${command} ${args.join(' ')}" failed (${signal ?? code}); see ${logFile}`),
				);
		});
	});
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	log(`${label}...`);
	const result = await work();
	log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

/** Returns the cached install, installing it first when missing. */
export async function ensureN8n(): Promise<N8nInstall> {
	const target = installDir();
	if (isInstalled(target)) {
		log(`reusing ${target}`);
		return describe(target);
	}
	if (Number(process.versions.node.split('.')[0]) < 24) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24, running ${process.versions.node}: use scripts/toolchain.cjs`,
		);
	}
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	// Leftovers of interrupted installs are never trusted.
	for (const entry of fs.readdirSync(root)) {
		if (entry.startsWith(`${path.basename(target)}.tmp-`))
			fs.rmSync(path.join(root, entry), { recursive: true, force: true });
	}
	if (fs.existsSync(target)) fs.rmSync(target, { recursive: true, force: true });

	const temp = `${target}.tmp-${process.pid}`;
	fs.mkdirSync(temp, { recursive: true });
	fs.writeFileSync(path.join(temp, 'package.json'), '{"private":true}\n');
	const logFile = path.join(root, `n8n-${N8N_VERSION}-install.log`);
	fs.writeFileSync(logFile, '');
	const env = {
		...process.env,
		npm_config_nodedir: nodeDir(),
		npm_config_audit: 'false',
		npm_config_fund: 'false',
	};
	const started = Date.now();
	log(`installing n8n@${N8N_VERSION} into ${temp} (several minutes, ~3 GB; log: ${logFile})`);
	try {
		// Plain install fails: a dependency's install script downloads binaries. Nothing else skipped
		// by --ignore-scripts is needed, except sqlite3's native module, rebuilt against Node 24.
		await timed('npm install n8n --ignore-scripts', () =>
			runLogged(
				'npm',
				['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-package-lock'],
				temp,
				logFile,
				env,
			),
		);
		await timed('npm rebuild sqlite3', () =>
			runLogged('npm', ['rebuild', 'sqlite3'], temp, logFile, env),
		);
		fs.renameSync(temp, target);
		fs.writeFileSync(
			path.join(target, MARKER),
			`n8n@${N8N_VERSION} node ${process.versions.node} ${new Date().toISOString()}\n`,
		);
	} catch (error) {
		fs.rmSync(temp, { recursive: true, force: true });
		throw error;
	}
	log(`n8n@${N8N_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return describe(target);
}

if (require.main === module) {
	ensureN8n().then(
		(install) => log(`ready: ${install.bin}`),
		(error) => {
			log(String(error?.stack ?? error));
			process.exit(1);
		},
	);
}
