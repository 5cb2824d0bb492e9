// Redis and Postgres for queue mode: Debian's packages (installed with apt-get when missing, as
// root, like chromium for the browser suite), each started as a plain process bound to 127.0.0.1
// in a scratch directory, and stopped again.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, sleep } from '../harness/n8n/server';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
}

const REDIS = '/usr/bin/redis-server';
const POSTGRES_ROOT = '/usr/lib/postgresql';

function log(message: string): void {
	process.stderr.write(`[queue] ${message}\n`);
}

function postgresBin(): string | undefined {
	if (!fs.existsSync(POSTGRES_ROOT)) return undefined;
	const versions = fs
		.readdirSync(POSTGRES_ROOT)
		.filter((version) => fs.existsSync(path.join(POSTGRES_ROOT, version, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

/** Installs redis-server and postgresql when missing; apt-get update only if the install fails. */
export function ensureRedisAndPostgres(): void {
	const missing = [
		...(fs.existsSync(REDIS) ? [] : ['redis-server']),
		...(postgresBin() ? [] : ['postgresql']),
	];
	if (missing.length === 0) return;
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () =>
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
			stdio: 'ignore',
			env,
		});
	log(`installing ${missing.join(' and ')} with apt-get`);
	try {
		install();
	} catch {
		execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
		install();
	}
	if (!fs.existsSync(REDIS) || !postgresBin())
		throw new Error(`apt-get did not install ${missing.join(', ')}`);
}

async function waitFor(what: string, ready: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (Date.now() > deadline)
			throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
		await sleep(100);
	}
}

export async function startRedis(dir: string): Promise<Service> {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const pidFile = path.join(dir, 'redis.pid');
	execFileSync(REDIS, [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'yes',
		'--pidfile',
		pidFile,
		'--logfile',
		path.join(dir, 'redis.log'),
	]);
	await waitFor('redis', () => fs.existsSync(pidFile));
	return {
		port,
		async stop() {
			const pid = Number(fs.readFileSync(pidFile, 'utf8'));
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				// already gone
			}
		},
	};
}

/** A throwaway cluster run by the postgres user (Postgres refuses to run as root). */
export async function startPostgres(dir: string): Promise<Postgres> {
	const bin = postgresBin();
	if (!bin) throw new Error('postgresql is not installed');
	fs.mkdirSync(dir, { recursive: true });
	execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	// The postgres user must be able to reach its directory (mkdtemp makes parents private).
	for (
		let parent = path.dirname(dir);
		parent.length > 1 && parent !== os.tmpdir();
		parent = path.dirname(parent)
	)
		fs.chmodSync(parent, 0o755);
	const asPostgres = (command: string, args: string[]) => {
		const result = spawnSync(
			'runuser',
			['-u', 'postgres', '--', path.join(bin, command), ...args],
			{
				encoding: 'utf8',
			},
		);
		if (result.status !== 0)
			throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
	};
	const dataDir = path.join(dir, 'data');
	const socketDir = path.join(dir, 'sock');
	fs.mkdirSync(socketDir, { recursive: true });
	execFileSync('chown', ['postgres:postgres', socketDir]);
	asPostgres('initdb', [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8',
	]);
	const port = await freePort();
	asPostgres('pg_ctl', [
		'-D',
		dataDir,
		'-l',
		path.join(dir, 'postgres.log'),
		'-w',
		'-o',
		`-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`,
		'start',
	]);
	const user = 'n8n';
	const password = 'n8n-queue-test';
	const database = 'n8n';
	const psql = (sql: string) =>
		execFileSync(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', sql],
			{
				stdio: 'ignore',
			},
		);
	psql(`create role ${user} login password '${password}'`);
	psql(`create database ${database} owner ${user}`);
	return {
		port,
		user,
		password,
		database,
		async stop() {
			asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
		},
	};
}
