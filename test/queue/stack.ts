// n8n in queue mode on 127.0.0.1: Redis, Postgres, a main process and workers, the package
// installed from its tarball into each process's own user folder (peers omitted, as n8n's
// installer does), one encryption key, distinct ports and host names. stop() ends it all.
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstall } from '../harness/n8n/install';
import { freePort, N8nRest, startN8n, type N8nServer } from '../harness/n8n/server';
import { ensureRedisAndPostgres, startPostgres, startRedis, type Service } from './services';

export interface QueueStack {
	main: N8nServer;
	workers: N8nServer[];
	rest: N8nRest;
	/** What each process's log says it ran: `Worker started execution <id>` lines per worker. */
	executionsPerWorker(): number[];
	/** The last `lines` lines of each process's log, headed by its name. */
	logTails(lines: number): string;
	/** Stops everything, newest first; safe to call more than once. */
	stop(): Promise<void>;
}

export interface QueueStackOptions {
	install: N8nInstall;
	tarball: string;
	workDir: string;
	workers: number;
	/** Env for every process (e.g. NODE_EXTRA_CA_CERTS). */
	extraEnv?: Record<string, string>;
	port?: number;
}

function log(message: string): void {
	process.stderr.write(`[queue] ${message}\n`);
}

export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	ensureRedisAndPostgres();
	const stops: Array<() => Promise<void>> = [];
	let stopping: Promise<void> | undefined;
	const stop = () => {
		stopping ??= (async () => {
			for (const step of stops.reverse()) await step().catch((error) => log(`stop: ${error}`));
		})();
		return stopping;
	};
	try {
		const started = Date.now();
		const redis: Service = await startRedis(path.join(options.workDir, 'redis'));
		stops.push(() => redis.stop());
		const postgres = await startPostgres(path.join(options.workDir, 'postgres'));
		stops.push(() => postgres.stop());
		log(`redis on ${redis.port}, postgres on ${postgres.port} (${Date.now() - started} ms)`);

		const mainPort = options.port ?? (await freePort());
		const shared: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			// The workers and main must agree on where webhooks and the editor are.
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}`,
			WEBHOOK_URL: `http://127.0.0.1:${mainPort}/`,
			N8N_LOG_LEVEL: 'info',
			...options.extraEnv,
		};
		const main = await startN8n({
			install: options.install,
			workDir: path.join(options.workDir, 'main'),
			tarball: options.tarball,
			port: mainPort,
			hostname: 'n8n-main',
			extraEnv: shared,
		});
		stops.push(() => main.stop());
		const workers: N8nServer[] = [];
		await Promise.all(
			Array.from({ length: options.workers }, async (_, index) => {
				const healthPort = await freePort([mainPort]);
				const worker = await startN8n({
					install: options.install,
					workDir: path.join(options.workDir, `worker-${index + 1}`),
					tarball: options.tarball,
					command: 'worker',
					hostname: `n8n-worker-${index + 1}`,
					readinessUrl: `http://127.0.0.1:${healthPort}`,
					extraEnv: {
						...shared,
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
				});
				workers[index] = worker;
				stops.push(() => worker.stop());
			}),
		);
		log(
			`main and ${workers.length} workers ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		const rest = new N8nRest(main.url);
		await rest.setupOwner();
		return {
			main,
			workers,
			rest,
			executionsPerWorker: () =>
				workers.map(
					(worker) =>
						(fs.readFileSync(worker.logFile, 'utf8').match(/Worker started execution/g) ?? [])
							.length,
				),
			logTails: (lines) =>
				[
					['main', main] as const,
					...workers.map((worker, index) => [`worker-${index + 1}`, worker] as const),
				]
					.map(([name, server]) => {
						const text = fs.existsSync(server.logFile)
							? fs.readFileSync(server.logFile, 'utf8')
							: '';
						return `--- end of ${name}'s log (${server.logFile})\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
					})
					.join('\n'),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
