/**
 * The benchmark (npm run bench): runs each phase in its own Node process (with --expose-gc, so
 * memory figures start from a collected heap and phases do not share a heap), prints each phase's
 * figures as one JSON line, then one line with every figure and a Markdown `summary`.
 * Phases run under n8n's default expression engine (vm); `throughputLegacy` repeats the
 * throughput comparison under the legacy engine, its figures prefixed `legacy_`. `realN8n` times
 * 2,000 items in a real n8n server (test/e2e/realN8nTiming.ts); `queue` runs the queue suite
 * (test/queue/run.ts) for its queue-mode figures.
 * When our node misses a throughput goal it is profiled (--cpu-prof) and the hot spots go to stderr.
 * `credentialRead` prints what one read of a credential costs (test/bench/credentialRead.ts).
 * Env: BENCH_PHASES=throughput,throughputLegacy,credentialRead,expiry,pagination,realN8n,queue
 * BENCH_PROFILE=0|1
 * BENCH_ROUNDS, BENCH_ITEMS, BENCH_CONCURRENCY, BENCH_SERVERS=inline (servers on the main thread).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { summarize } from './profile';
import { log } from './stats';

const PHASE_TIMEOUT_MS: Record<string, number> = {
	throughput: 8 * 60_000,
	credentialRead: 3 * 60_000,
	throughputLegacy: 8 * 60_000,
	expiry: 3 * 60_000,
	pagination: 3 * 60_000,
	realN8n: 15 * 60_000,
	queue: 20 * 60_000,
	profile: 3 * 60_000,
};

/** Which phase.ts phase a run.ts phase is, and the environment it runs in. */
const PHASE_RUNS: Record<string, { phase: string; env?: NodeJS.ProcessEnv; prefix?: string }> = {
	throughput: { phase: 'throughput', env: { HARNESS_EXPRESSION_ENGINE: 'vm' } },
	throughputLegacy: {
		phase: 'throughput',
		env: { HARNESS_EXPRESSION_ENGINE: 'legacy' },
		prefix: 'legacy_',
	},
	credentialRead: { phase: 'credentialRead', env: { HARNESS_EXPRESSION_ENGINE: 'vm' } },
	expiry: { phase: 'expiry', env: { HARNESS_EXPRESSION_ENGINE: 'vm' } },
	pagination: { phase: 'pagination', env: { HARNESS_EXPRESSION_ENGINE: 'vm' } },
	realN8n: { phase: 'realN8n' },
	queue: { phase: 'queue' },
	profile: { phase: 'throughput', env: { HARNESS_EXPRESSION_ENGINE: 'vm' } },
};

function runPhase(
	name: string,
	extraArgs: string[] = [],
	env: NodeJS.ProcessEnv = {},
): Promise<Record<string, unknown>> {
	return new Promise((resolve) => {
		const args = [
			...process.execArgv,
			'--expose-gc',
			...extraArgs,
			path.join(__dirname, 'phase.ts'),
			PHASE_RUNS[name]?.phase ?? name,
		];
		const child = spawn(process.execPath, args, {
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, ...PHASE_RUNS[name]?.env, ...env },
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
		const timer = setTimeout(() => {
			log(`${name}: no result after ${PHASE_TIMEOUT_MS[name] / 1000} s; stopping it`);
			child.kill('SIGKILL');
		}, PHASE_TIMEOUT_MS[name]);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			const line = out
				.split('\n')
				.reverse()
				.find((text) => text.startsWith('{'));
			if (!line) {
				resolve({ phase: name, error: `exited with ${signal ?? code} and no figures` });
				return;
			}
			const { phase: _phase, ...figures } = JSON.parse(line) as Record<string, unknown>;
			const prefix = PHASE_RUNS[name]?.prefix ?? '';
			resolve({
				phase: name,
				...Object.fromEntries(
					Object.entries(figures).map(([key, value]) => [
						key === 'error' ? key : `${prefix}${key}`,
						value,
					]),
				),
			});
		});
	});
}

const fmt = (value: unknown): string =>
	value === undefined || value === null
		? 'n/a'
		: typeof value === 'number'
			? String(value)
			: JSON.stringify(value);

function verdict(value: unknown, ok: (n: number) => boolean): string {
	return typeof value === 'number' ? (ok(value) ? 'met' : 'missed') : 'n/a';
}

function table(f: Record<string, unknown>): string {
	const rows: Array<[string, unknown, string, string, string]> = [
		[
			'ratio_vs_floor',
			f.ratio_vs_floor,
			'>= 0.9',
			verdict(f.ratio_vs_floor, (n) => n >= 0.9),
			`vm: ours ${fmt(f.ours_items_per_s)}/s vs the host floor ${fmt(f.floor_items_per_s)}/s (minimal node, httpRequestWithAuthentication, expression-free OAuth2 credential; ${fmt(f.throughput_items)} items, concurrency ${fmt(f.concurrency)}, median of ${fmt(f.throughput_rounds)}); legacy: ${fmt(f.legacy_ratio_vs_floor)} (${fmt(f.legacy_ours_items_per_s)}/s vs ${fmt(f.legacy_floor_items_per_s)}/s)`,
		],
		[
			'ratio_vs_builtin_generic',
			f.ratio_vs_builtin_generic,
			'>= 1.5',
			verdict(f.ratio_vs_builtin_generic, (n) => n >= 1.5),
			`vm: n8n's HTTP Request with n8n's generic OAuth2 credential ${fmt(f.builtin_generic_items_per_s)}/s (${fmt(f.builtin_version)}); legacy: ${fmt(f.legacy_ratio_vs_builtin_generic)} (${fmt(f.legacy_builtin_generic_items_per_s)}/s)`,
		],
		[
			'ratio_vs_builtin',
			f.ratio_vs_builtin,
			'>= 1.0',
			verdict(f.ratio_vs_builtin, (n) => n >= 1),
			`vm: n8n's HTTP Request with this package's credential ${fmt(f.builtin_items_per_s)}/s; legacy: ${fmt(f.legacy_ratio_vs_builtin)} (${fmt(f.legacy_builtin_items_per_s)}/s)`,
		],
		[
			'ratio_builtin_node_ours_vs_generic_credential',
			f.ratio_builtin_node_ours_vs_generic_credential,
			'>= 0.5',
			verdict(f.ratio_builtin_node_ours_vs_generic_credential, (n) => n >= 0.5),
			`vm: n8n's HTTP Request with this package's credential ${fmt(f.builtin_items_per_s)}/s vs with n8n's generic OAuth2 credential ${fmt(f.builtin_generic_items_per_s)}/s, same run; legacy: ${fmt(f.legacy_ratio_builtin_node_ours_vs_generic_credential)}; real n8n: ${fmt(f.real_n8n_ratio_builtin_node_ours_vs_generic_credential)} (${fmt(f.real_n8n_builtin_ours_items_per_s)}/s vs ${fmt(f.real_n8n_builtin_generic_items_per_s)}/s)`,
		],
		[
			'ratio_builtin_node_one_expression_vs_generic_credential',
			f.ratio_builtin_node_one_expression_vs_generic_credential,
			'-',
			'-',
			`the ceiling for any credential holding an expression: n8n's HTTP Request with n8n's generic OAuth2 credential whose Scope is one constant expression ${fmt(f.builtin_generic_one_expression_items_per_s)}/s vs the same credential without it, same run; real n8n: ${fmt(f.real_n8n_ratio_builtin_node_one_expression_vs_generic_credential)}`,
		],
		[
			'ratio_builtin_node_four_expressions_vs_generic_credential',
			f.ratio_builtin_node_four_expressions_vs_generic_credential,
			'-',
			'-',
			`the ceiling for a preset credential: the same, with the four fields a preset must derive on every read (sign-in URL, token URL, scope, allowed domains) as constant expressions ${fmt(f.builtin_generic_four_expressions_items_per_s)}/s; real n8n: ${fmt(f.real_n8n_ratio_builtin_node_four_expressions_vs_generic_credential)}`,
		],
		[
			'credential_read_us_ours_google',
			f.credential_read_us_ours_google,
			'-',
			'-',
			`one read of this credential (Google preset), microseconds under vm; n8n's generic OAuth2 credential ${fmt(f.credential_read_us_generic)}, with four constant expressions ${fmt(f.credential_read_us_generic_four_expressions)}; per field: the credentialRead phase's line`,
		],
		[
			'ratio_vs_raw',
			f.ratio_vs_raw,
			'-',
			'-',
			`raw keep-alive node:http client ${fmt(f.raw_items_per_s)}/s (floor/raw ${fmt(f.floor_vs_raw)}: the host's client opens a connection per request); legacy: ${fmt(f.legacy_ratio_vs_raw)}`,
		],
		[
			'real_n8n_ratio_vs_builtin_generic',
			f.real_n8n_ratio_vs_builtin_generic,
			'-',
			'-',
			`n8n ${fmt(f.real_n8n_version)} server (${fmt(f.real_n8n_expression_engine)} engine), ${fmt(f.real_n8n_items)} items: ours ${fmt(f.real_n8n_ours_items_per_s)}/s vs HTTP Request + generic OAuth2 ${fmt(f.real_n8n_builtin_generic_items_per_s)}/s (median of ${fmt(f.real_n8n_rounds)})`,
		],
		[
			'queue_executions_per_second',
			f.queue_executions_per_second_two_workers,
			'-',
			'-',
			`queue mode, production webhooks through OAuth2 HTTP Request: two workers ${fmt(f.queue_executions_per_second_two_workers)}/s, one worker ${fmt(f.queue_executions_per_second_one_worker)}/s; token calls per expiry across workers ${fmt(f.queue_token_calls_per_expiry_across_workers)} (4 s tokens, ${fmt(f.queue_race_refreshes)} refreshes, ${fmt(f.queue_race_refresh_tokens_presented_twice)} refresh tokens presented twice)`,
		],
		[
			'token_calls_per_expiry',
			f.token_calls_per_expiry,
			'= 1',
			verdict(f.token_calls_per_expiry, (n) => n === 1),
			`${fmt(f.expiry_items)} items in flight; built-in: ${fmt(f.builtin_token_calls_per_expiry)} (30 s left); expired: ours ${fmt(f.token_calls_per_expiry_expired)}, built-in ${fmt(f.builtin_token_calls_per_expiry_expired)}`,
		],
		[
			'http_401_per_expiry',
			f.http_401_per_expiry,
			'= 0',
			verdict(f.http_401_per_expiry, (n) => n === 0),
			`built-in: ${fmt(f.builtin_http_401_per_expiry)} (30 s left); expired: ours ${fmt(f.http_401_per_expiry_expired)}, built-in ${fmt(f.builtin_http_401_per_expiry_expired)}`,
		],
		[
			'pagination_rss_delta_mb',
			f.pagination_rss_delta_mb,
			'< 100',
			verdict(f.pagination_rss_delta_mb, (n) => n < 100),
			`${fmt(f.pagination_items)} items from ${fmt(f.pagination_pages)} pages in ${fmt(f.pagination_seconds)} s (${fmt(f.pagination_items_per_s)} items/s)`,
		],
	];
	return [
		'| figure | value | goal | | notes |',
		'| --- | --- | --- | --- | --- |',
		...rows.map(
			([name, value, goal, met, note]) =>
				`| ${name} | ${fmt(value)} | ${goal} | ${met} | ${note} |`,
		),
	].join('\n');
}

async function main(): Promise<void> {
	const started = Date.now();
	const phases = (
		process.env.BENCH_PHASES ??
		'throughput,throughputLegacy,credentialRead,expiry,pagination,realN8n,queue'
	).split(',');
	const figures: Record<string, unknown> = {};
	const errors: string[] = [];
	for (const name of phases) {
		log(`phase ${name}...`);
		const result = await runPhase(name);
		process.stdout.write(`${JSON.stringify(result)}\n`);
		if (result.error) errors.push(`${name}: ${String(result.error)}`);
		const { phase: _phase, error: _error, ...rest } = result;
		Object.assign(figures, rest);
	}
	const slow =
		(typeof figures.ratio_vs_floor === 'number' && figures.ratio_vs_floor < 0.9) ||
		(typeof figures.ratio_vs_builtin_generic === 'number' &&
			figures.ratio_vs_builtin_generic < 1.5);
	if (process.env.BENCH_PROFILE === '1' || (slow && process.env.BENCH_PROFILE !== '0')) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth2-bench-prof-'));
		log(`profiling our node (--cpu-prof into ${dir})...`);
		const result = await runPhase('profile', ['--cpu-prof', `--cpu-prof-dir=${dir}`], {
			BENCH_FLOWS: 'ours',
			BENCH_ROUNDS: '3',
		});
		const profiles = fs
			.readdirSync(dir)
			.filter((file) => file.endsWith('.cpuprofile'))
			.map((file) => path.join(dir, file));
		// The largest profile is the main thread (the other is the server worker).
		const main = profiles.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
		if (main) {
			process.stderr.write(
				`\n${summarize(main, 15)}\n\n${summarize(main, 12, /getDecrypted|wrapSafe|compileFunction/)}\n\n`,
			);
			figures.profile_file = main;
			figures.profile_ours_items_per_s = result.ours_items_per_s;
		}
	}
	figures.bench_seconds = Math.round((Date.now() - started) / 1000);
	if (errors.length) figures.errors = errors;
	const summary = table(figures);
	process.stdout.write(`${JSON.stringify({ phase: 'all', ...figures, summary })}\n`);
	process.stderr.write(`\n${summary}\n`);
	if (errors.length) process.exitCode = 1;
}

void main();
