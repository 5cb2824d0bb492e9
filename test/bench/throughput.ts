/**
 * Throughput over ITEMS GETs of /contacts/1, side by side in one process against the same
 * servers, alternating, after a warm-up: a raw keep-alive client, the host floor (a minimal node
 * with an expression-free OAuth2 credential), our node, n8n's HTTP Request node with n8n's generic
 * OAuth2 credential, and n8n's HTTP Request node with this package's credential. The expression
 * engine is the harness's (vm unless HARNESS_EXPRESSION_ENGINE=legacy; run.ts measures both).
 */
import { loadBuiltinHttpRequest } from './builtin';
import { registerNodeType, runBench } from './engine';
import {
	BenchCredentialStore,
	FLOOR_NODE,
	FLOOR_TYPE,
	GENERIC_TYPE,
	loadGenericOAuth2Properties,
} from './generic';
import { rawRun } from './raw';
import { startServers } from './servers';
import { gc, log, median, round } from './stats';
import { activeEngine, ensureExpressionEngine } from '../harness/expressionEngine';
import {
	BUILTIN_HTTP_REQUEST_TYPE,
	builtinHttpRequestGet,
} from '../harness/n8n/builtinHttpRequest';

/** As in n8n: the host grants this type name access to any credential type (FULL_ACCESS_NODE_TYPES). */
export const BUILTIN_TYPE = BUILTIN_HTTP_REQUEST_TYPE;

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
/**
 * n8n's HTTP Request node with this package's credential resolves it three times per item (about
 * 60 items/s under vm): fewer items keep its runs as long as the others'. Its rate is still a rate.
 */
const BUILTIN_OURS_ITEMS = Number(process.env.BENCH_BUILTIN_ITEMS ?? Math.min(ITEMS, 400));

const ALL_FLOWS = [
	'raw',
	'floor',
	'ours',
	'builtinGeneric',
	'builtinGenericOneExpression',
	'builtinGenericFourExpressions',
	'builtin',
	'rawNoKeepAlive',
] as const;
/**
 * raw: node:http keep-alive client; floor: the host floor; ours: OAuth2 HTTP Request;
 * builtinGeneric: n8n's HTTP Request with n8n's generic OAuth2 credential;
 * builtinGenericOneExpression: the same with one constant expression typed into its Scope (the
 * most any credential holding one expression field can reach); builtinGenericFourExpressions: the
 * same with the four fields every preset must derive as constant expressions (sign-in URL, token
 * URL, scope, allowed domains: the most a preset credential can reach); builtin: n8n's HTTP
 * Request with this package's credential; rawNoKeepAlive: the raw client with a TCP connection per
 * request, as n8n-core's client connects (a reference, not a goal).
 */
type Flow = (typeof ALL_FLOWS)[number];

/** Flows that resolve a credential with expressions three times per item: fewer items. */
const SLOW_FLOWS: Flow[] = [
	'builtin',
	'builtinGenericOneExpression',
	'builtinGenericFourExpressions',
];

/**
 * n8n's generic OAuth2 credential with the four fields a preset must derive on every read typed as
 * constant expressions (the values they would resolve to): the sign-in and token URLs and the
 * scope (the host pins them or the preset computes them, so a preset's values reach n8n only as
 * expressions) and the allowed domains (the preset's API domains when the list is left empty).
 */
function presetFieldsAsExpressions(urls: { authorizeUrl: string; tokenUrl: string }) {
	const constant = (value: string) => `={{ ${JSON.stringify(value)} }}`;
	return {
		authUrl: constant(urls.authorizeUrl),
		accessTokenUrl: constant(urls.tokenUrl),
		scope: constant('contacts.read items.read'),
		allowedHttpRequestDomains: 'domains',
		allowedDomains: constant('127.0.0.1'),
	};
}

/** Flows to run; BENCH_FLOWS=ours for profiling our node alone. */
const FLOWS = (process.env.BENCH_FLOWS ?? ALL_FLOWS.join(','))
	.split(',')
	.filter((flow): flow is Flow => (ALL_FLOWS as readonly string[]).includes(flow));

export async function throughput(): Promise<Record<string, unknown>> {
	const engine = await ensureExpressionEngine();
	const builtin = await loadBuiltinHttpRequest();
	registerNodeType(BUILTIN_TYPE, builtin.type);
	log(
		`built-in HTTP Request v${builtin.version} from ${builtin.path}; expression engine ${activeEngine()}`,
	);
	const store = new BenchCredentialStore(loadGenericOAuth2Properties(builtin.install));
	const servers = await startServers(undefined, store);
	try {
		const credential = await servers.connectedCredential();
		const generic = await servers.connectedGenericCredential(GENERIC_TYPE);
		const genericOneExpression = await servers.connectedGenericCredential(GENERIC_TYPE, {
			scope: '={{ "" }}',
		});
		const genericFourExpressions = await servers.connectedGenericCredential(
			GENERIC_TYPE,
			presetFieldsAsExpressions(servers.urls),
		);
		const floor = await servers.connectedGenericCredential(FLOOR_TYPE);
		const url = `${servers.urls.apiUrl}/contacts/1`;
		const builtinRun = (credentialKind: Parameters<typeof builtinHttpRequestGet>[1]) => ({
			nodeType: BUILTIN_TYPE,
			typeVersion: builtin.version,
			parameters: builtinHttpRequestGet(url, credentialKind),
		});
		const runs = {
			ours: {
				credential,
				nodeType: 'oAuth2HttpRequest',
				parameters: { method: 'GET', url, options: { concurrency: CONCURRENCY } },
			},
			floor: {
				credential: floor,
				credentialType: FLOOR_TYPE,
				nodeType: FLOOR_NODE,
				parameters: { url, concurrency: CONCURRENCY },
			},
			builtinGeneric: {
				credential: generic,
				credentialType: GENERIC_TYPE,
				...builtinRun({ genericType: GENERIC_TYPE }),
			},
			builtinGenericOneExpression: {
				credential: genericOneExpression,
				credentialType: GENERIC_TYPE,
				...builtinRun({ genericType: GENERIC_TYPE }),
			},
			builtinGenericFourExpressions: {
				credential: genericFourExpressions,
				credentialType: GENERIC_TYPE,
				...builtinRun({ genericType: GENERIC_TYPE }),
			},
			builtin: {
				credential,
				...builtinRun('ours'),
			},
		};
		const runFlow = async (flow: Flow): Promise<number> => {
			const items = SLOW_FLOWS.includes(flow) ? BUILTIN_OURS_ITEMS : ITEMS;
			await servers.clear();
			gc();
			let seconds: number;
			let produced: number;
			if (flow === 'raw' || flow === 'rawNoKeepAlive') {
				const result = await rawRun(
					url,
					credential.accessToken,
					items,
					CONCURRENCY,
					flow === 'raw',
				);
				seconds = result.seconds;
				produced = result.ok;
			} else {
				const started = performance.now();
				const result = await runBench({ store, count: items, ...runs[flow] });
				seconds = (performance.now() - started) / 1000;
				if (result.error) throw new Error(`${flow}: ${result.error.message}`);
				produced = result.items.length;
			}
			const stats = await servers.stats();
			if (produced !== items || stats.requests !== items || stats.unauthorized !== 0) {
				throw new Error(
					`${flow}: ${produced} items, server saw ${stats.requests} requests (${stats.unauthorized} unauthorized), expected ${items}`,
				);
			}
			return items / seconds;
		};
		const flows = FLOWS;
		log(
			`throughput (${engine}): warm-up (${flows.join(', ')}; ${ITEMS} items, concurrency ${CONCURRENCY}, servers in ${servers.mode})`,
		);
		for (const flow of flows) await runFlow(flow);
		const rates = Object.fromEntries(ALL_FLOWS.map((flow) => [flow, [] as number[]])) as Record<
			Flow,
			number[]
		>;
		for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
			// Rotate the order each round so no flow always runs first or last.
			const order = flows.map((_, index) => flows[(index + roundIndex) % flows.length]);
			for (const flow of order) rates[flow].push(await runFlow(flow));
			log(
				`round ${roundIndex + 1}/${ROUNDS} (${engine}): ${order.map((flow) => `${flow} ${Math.round(rates[flow].at(-1) as number)}/s`).join(', ')}`,
			);
		}
		const ran = (flow: Flow, other: Flow) => flows.includes(flow) && flows.includes(other);
		const rate = (flow: Flow) => (flows.includes(flow) ? round(median(rates[flow]), 1) : null);
		/** `flow`'s median rate over `other`'s, when both ran. */
		const ratioOf = (flow: Flow, other: Flow) =>
			ran(flow, other) ? round(median(rates[flow]) / median(rates[other])) : null;
		/** The median of the per-round ratios: each round's flows ran back to back. */
		const perRoundOf = (flow: Flow, other: Flow) =>
			ran(flow, other)
				? round(median(rates[flow].map((value, index) => value / rates[other][index])))
				: null;
		const ratio = (other: Flow) => ratioOf('ours', other);
		const perRound = (other: Flow) => perRoundOf('ours', other);
		return {
			expression_engine: activeEngine(),
			/** n8n's HTTP Request with this credential vs with n8n's generic OAuth2 credential (issue 25). */
			ratio_builtin_node_ours_vs_generic_credential: ratioOf('builtin', 'builtinGeneric'),
			ratio_builtin_node_ours_vs_generic_credential_per_round_median: perRoundOf(
				'builtin',
				'builtinGeneric',
			),
			/**
			 * The same node with n8n's generic credential holding one constant expression vs without:
			 * what a credential with a single expression field can reach at most.
			 */
			ratio_builtin_node_one_expression_vs_generic_credential: ratioOf(
				'builtinGenericOneExpression',
				'builtinGeneric',
			),
			/** The same with the four fields every preset must derive as expressions: a preset's ceiling. */
			ratio_builtin_node_four_expressions_vs_generic_credential: ratioOf(
				'builtinGenericFourExpressions',
				'builtinGeneric',
			),
			ratio_vs_floor: ratio('floor'),
			ratio_vs_builtin_generic: ratio('builtinGeneric'),
			ratio_vs_builtin: ratio('builtin'),
			ratio_vs_raw: ratio('raw'),
			ratio_vs_raw_no_keepalive: ratio('rawNoKeepAlive'),
			ours_items_per_s: rate('ours'),
			floor_items_per_s: rate('floor'),
			builtin_generic_items_per_s: rate('builtinGeneric'),
			builtin_items_per_s: rate('builtin'),
			builtin_generic_one_expression_items_per_s: rate('builtinGenericOneExpression'),
			builtin_generic_four_expressions_items_per_s: rate('builtinGenericFourExpressions'),
			raw_items_per_s: rate('raw'),
			raw_no_keepalive_items_per_s: rate('rawNoKeepAlive'),
			floor_vs_raw: ratioOf('floor', 'raw'),
			ratio_vs_floor_per_round_median: perRound('floor'),
			ratio_vs_builtin_generic_per_round_median: perRound('builtinGeneric'),
			ratio_vs_builtin_per_round_median: perRound('builtin'),
			runs_items_per_s: Object.fromEntries(
				flows.map((flow) => [flow, rates[flow].map((value) => round(value, 1))]),
			),
			throughput_items: ITEMS,
			builtin_items: BUILTIN_OURS_ITEMS,
			throughput_rounds: ROUNDS,
			concurrency: CONCURRENCY,
			builtin_version: `n8n-nodes-base HttpRequest v${builtin.version} (n8n ${require(`${builtin.install}/node_modules/n8n/package.json`).version})`,
			builtin_concurrency:
				'unbounded: v4 sends every item at once (no concurrency option; batching only adds pauses)',
			servers: servers.mode,
		};
	} finally {
		await servers.stop();
	}
}
