/**
 * Token expiry with 200 items in flight (concurrency 200): how many token-endpoint calls and how
 * many 401s the servers see, for our node and for n8n's HTTP Request node, each with a fresh
 * connection per repetition. Scenarios:
 *  - expiring (the headline): the token has 30 s left, inside our refresh margin (120 s) and the
 *    host's own 60 s buffer; the resource server still accepts it.
 *  - expired: the token expired (stored expiry and server agree) before the run starts, as when a
 *    workflow runs an hour after the last one.
 *  - rejected: the stored expiry says an hour left but the server already refuses the token
 *    (revoked / clock skew): only a 401 can tell.
 */
import { loadBuiltinHttpRequest } from './builtin';
import { registerNodeType, runBench } from './engine';
import { startServers } from './servers';
import { log, median } from './stats';
import { BUILTIN_TYPE } from './throughput';
import { builtinHttpRequestGet } from '../harness/n8n/builtinHttpRequest';

const ITEMS = Number(process.env.BENCH_EXPIRY_ITEMS ?? 200);
const REPEATS = Number(process.env.BENCH_EXPIRY_REPEATS ?? 3);

type Scenario = 'expiring' | 'expired' | 'rejected';
type Flow = 'ours' | 'builtin';

export async function expiry(): Promise<Record<string, unknown>> {
	const servers = await startServers();
	const builtin = await loadBuiltinHttpRequest();
	registerNodeType(BUILTIN_TYPE, builtin.type);
	try {
		const url = `${servers.urls.apiUrl}/contacts/1`;
		const once = async (scenario: Scenario, flow: Flow) => {
			const credential = await servers.connectedCredential({
				expiresInMs: scenario === 'expiring' ? 30_000 : scenario === 'expired' ? 200 : 3_600_000,
			});
			if (scenario === 'expired') await new Promise((resolve) => setTimeout(resolve, 300));
			if (scenario === 'rejected') await servers.acceptToken(credential.accessToken, 0);
			await servers.clear();
			const started = performance.now();
			const result = await runBench(
				flow === 'ours'
					? {
							store: servers.store,
							credential,
							nodeType: 'oAuth2HttpRequest',
							parameters: { method: 'GET', url, options: { concurrency: ITEMS } },
							count: ITEMS,
						}
					: {
							store: servers.store,
							credential,
							nodeType: BUILTIN_TYPE,
							typeVersion: builtin.version,
							parameters: builtinHttpRequestGet(url, 'ours'),
							count: ITEMS,
						},
			);
			const seconds = (performance.now() - started) / 1000;
			const stats = await servers.stats();
			const stored = servers.store.stored(credential.id).oauthTokenData as Record<string, string>;
			return {
				tokenCalls: stats.tokenRequests,
				http401: stats.unauthorized,
				requests: stats.requests,
				items: result.items.length,
				error: result.error?.message,
				tokenReplaced: stored.access_token !== credential.accessToken,
				seconds,
			};
		};
		const figures: Record<string, unknown> = { expiry_items: ITEMS, expiry_repeats: REPEATS };
		for (const scenario of ['expiring', 'expired', 'rejected'] as Scenario[]) {
			for (const flow of ['ours', 'builtin'] as Flow[]) {
				const runs = [];
				for (let repeat = 0; repeat < REPEATS; repeat++) runs.push(await once(scenario, flow));
				const prefix = flow === 'builtin' ? 'builtin_' : '';
				const suffix = scenario === 'expiring' ? '' : `_${scenario}`;
				figures[`${prefix}token_calls_per_expiry${suffix}`] = median(
					runs.map((run) => run.tokenCalls),
				);
				figures[`${prefix}http_401_per_expiry${suffix}`] = median(runs.map((run) => run.http401));
				figures[`${prefix}expiry_runs${suffix}`] = runs.map((run) => ({
					token_calls: run.tokenCalls,
					http_401: run.http401,
					requests: run.requests,
					items_ok: run.items,
					token_replaced: run.tokenReplaced,
					seconds: Number(run.seconds.toFixed(3)),
					...(run.error ? { error: run.error } : {}),
				}));
				log(
					`expiry ${scenario} ${flow}: ${runs.map((run) => `${run.tokenCalls} token call(s), ${run.http401}×401, ${run.items}/${ITEMS} items${run.error ? ` (${run.error})` : ''}`).join('; ')}`,
				);
			}
		}
		return figures;
	} finally {
		await servers.stop();
	}
}
