/**
 * Throughput over ITEMS GETs of /contacts/1: a raw keep-alive client, our node and n8n's HTTP
 * Request node, in the same process against the same servers, alternating, after a warm-up.
 */
import { loadBuiltinHttpRequest } from './builtin';
import { registerNodeType, runBench } from './engine';
import { rawRun } from './raw';
import { startServers, type Servers } from './servers';
import { gc, log, median, round } from './stats';

/** As in n8n: the host grants this type name access to any credential type (FULL_ACCESS_NODE_TYPES). */
export const BUILTIN_TYPE = 'n8n-nodes-base.httpRequest';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
/** Flows to run; BENCH_FLOWS=ours for profiling our node alone. */
const FLOWS = (
	process.env.BENCH_FLOWS ?? 'raw,ours,builtin,rawNoKeepAlive,oursFreeCredentials'
).split(',');

/**
 * Reference flows, not goals: rawNoKeepAlive is the raw client with a fresh TCP connection per
 * request (as n8n-core's client connects); oursFreeCredentials is our node with the store's
 * getDecrypted memoized, i.e. what our node would do if resolving the credential cost nothing.
 */
type Flow = 'raw' | 'ours' | 'builtin' | 'rawNoKeepAlive' | 'oursFreeCredentials';

/** Memoizes the store's credential resolution while `work` runs (the token does not change in these runs). */
async function withFreeCredentials<T>(servers: Servers, work: () => Promise<T>): Promise<T> {
	const store = servers.store as unknown as {
		getDecrypted: (...args: unknown[]) => Promise<unknown>;
	};
	const original = store.getDecrypted;
	const cache = new Map<string, Promise<unknown>>();
	store.getDecrypted = async function (this: unknown, ...args: unknown[]) {
		const key = JSON.stringify([
			(args[1] as { id?: string })?.id,
			args[5] ?? false,
			args[6] !== undefined,
		]);
		if (!cache.has(key)) cache.set(key, original.apply(this, args));
		return structuredClone(await cache.get(key));
	};
	try {
		return await work();
	} finally {
		store.getDecrypted = original;
	}
}

export async function throughput(): Promise<Record<string, unknown>> {
	const servers = await startServers();
	const builtin = FLOWS.includes('builtin') ? await loadBuiltinHttpRequest() : undefined;
	if (builtin) {
		registerNodeType(BUILTIN_TYPE, builtin.type);
		log(`built-in HTTP Request v${builtin.version} from ${builtin.path}`);
	}
	try {
		const credential = await servers.connectedCredential();
		const url = `${servers.urls.apiUrl}/contacts/1`;
		const runFlow = async (flow: Flow): Promise<number> => {
			await servers.clear();
			gc();
			let seconds: number;
			let produced: number;
			if (flow === 'raw' || flow === 'rawNoKeepAlive') {
				const result = await rawRun(
					url,
					credential.accessToken,
					ITEMS,
					CONCURRENCY,
					flow === 'raw',
				);
				seconds = result.seconds;
				produced = result.ok;
			} else {
				const started = performance.now();
				const run =
					flow === 'oursFreeCredentials'
						? <T>(work: () => Promise<T>) => withFreeCredentials(servers, work)
						: <T>(work: () => Promise<T>) => work();
				const result = await run(() =>
					runBench(
						flow === 'ours' || flow === 'oursFreeCredentials'
							? {
									store: servers.store,
									credential,
									nodeType: 'oAuth2HttpRequest',
									parameters: { method: 'GET', url, options: { concurrency: CONCURRENCY } },
									count: ITEMS,
								}
							: {
									store: servers.store,
									credential,
									nodeType: BUILTIN_TYPE,
									typeVersion: builtin?.version,
									parameters: {
										method: 'GET',
										url,
										authentication: 'predefinedCredentialType',
										nodeCredentialType: 'connectionOAuth2Api',
										options: {},
									},
									count: ITEMS,
								},
					),
				);
				seconds = (performance.now() - started) / 1000;
				if (result.error) throw new Error(`${flow}: ${result.error.message}`);
				produced = result.items.length;
			}
			const stats = await servers.stats();
			if (produced !== ITEMS || stats.requests !== ITEMS || stats.unauthorized !== 0) {
				throw new Error(
					`${flow}: ${produced} items, server saw ${stats.requests} requests (${stats.unauthorized} unauthorized), expected ${ITEMS}`,
				);
			}
			return ITEMS / seconds;
		};
		const flows = FLOWS as Flow[];
		log(
			`throughput: warm-up (${flows.join(', ')}; ${ITEMS} items, concurrency ${CONCURRENCY}, servers in ${servers.mode})`,
		);
		for (const flow of flows) await runFlow(flow);
		const rates: Record<Flow, number[]> = {
			raw: [],
			ours: [],
			builtin: [],
			rawNoKeepAlive: [],
			oursFreeCredentials: [],
		};
		for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
			// Rotate the order each round so no flow always runs first or last.
			const order = flows.map((_, index) => flows[(index + roundIndex) % flows.length]);
			for (const flow of order) rates[flow].push(await runFlow(flow));
			log(
				`round ${roundIndex + 1}/${ROUNDS}: ${order.map((flow) => `${flow} ${Math.round(rates[flow].at(-1) as number)}/s`).join(', ')}`,
			);
		}
		const raw = median(rates.raw);
		const ours = median(rates.ours);
		const builtinRate = median(rates.builtin);
		const perRound = (other: Flow) =>
			median(rates.ours.map((rate, index) => rate / rates[other][index]));
		return {
			ratio_vs_raw: flows.includes('raw') ? round(ours / raw) : null,
			ratio_vs_builtin: flows.includes('builtin') ? round(ours / builtinRate) : null,
			ours_items_per_s: round(ours, 1),
			raw_items_per_s: flows.includes('raw') ? round(raw, 1) : null,
			builtin_items_per_s: flows.includes('builtin') ? round(builtinRate, 1) : null,
			ratio_vs_raw_per_round_median: flows.includes('raw') ? round(perRound('raw')) : null,
			ratio_vs_builtin_per_round_median: flows.includes('builtin')
				? round(perRound('builtin'))
				: null,
			ours_items_per_s_runs: rates.ours.map((rate) => round(rate, 1)),
			raw_items_per_s_runs: rates.raw.map((rate) => round(rate, 1)),
			builtin_items_per_s_runs: rates.builtin.map((rate) => round(rate, 1)),
			throughput_items: ITEMS,
			throughput_rounds: ROUNDS,
			concurrency: CONCURRENCY,
			raw_no_keepalive_items_per_s: flows.includes('rawNoKeepAlive')
				? round(median(rates.rawNoKeepAlive), 1)
				: null,
			ratio_vs_raw_no_keepalive: flows.includes('rawNoKeepAlive')
				? round(ours / median(rates.rawNoKeepAlive))
				: null,
			ours_free_credentials_items_per_s: flows.includes('oursFreeCredentials')
				? round(median(rates.oursFreeCredentials), 1)
				: null,
			ratio_vs_raw_if_credentials_free:
				flows.includes('oursFreeCredentials') && flows.includes('raw')
					? round(median(rates.oursFreeCredentials) / raw)
					: null,
			builtin_version: builtin
				? `n8n-nodes-base HttpRequest v${builtin.version} (n8n ${require(`${builtin.install}/node_modules/n8n/package.json`).version})`
				: null,
			builtin_concurrency:
				'unbounded: v4 sends every item at once (no concurrency option; batching only adds pauses)',
			servers: servers.mode,
		};
	} finally {
		await servers.stop();
	}
}
