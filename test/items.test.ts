/**
 * The item loop (nodes/shared/itemRunner.ts) and pacing (transport/pacing.ts): bounded
 * concurrency, pairedItem everywhere, failed items on the error output, requests per second.
 */
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { faultSuite, get } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';

const suite = faultSuite(__filename);
const { fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

describe('where failed items go', () => {
	for (const nodeType of ['oAuth2HttpRequest', 'fetchVariables'] as const) {
		fault(
			`${nodeType === 'oAuth2HttpRequest' ? 'OAuth2 HTTP Request' : 'Fetch Variables'}, On Error: Continue (using error output)`,
			'failed items on the error output, paired with their input; with Continue (regular output) they stay on the main output',
			async () => {
				const credential = await harness.connectedCredential();
				const parameters =
					nodeType === 'oAuth2HttpRequest'
						? get('={{ $json.path }}')
						: {
								url: '={{ $json.path }}',
								variables: { variable: [{ name: 'last', path: 'data.last_name' }] },
							};
				const items = [
					{ json: { path: '/contacts/1', row: 'a' } },
					{ json: { path: '/nothing-here', row: 'b' } },
					{ json: { path: '/contacts/3', row: 'c' } },
				];
				const routed = await harness.run(
					credential,
					nodeType,
					parameters,
					items,
					'continueErrorOutput',
				);
				assert.equal(routed.error, undefined, routed.error?.message);
				assert.equal(routed.outputs[0].length, 2, 'two successes on the main output');
				assert.equal(routed.outputs[1]?.length, 1, 'one error item on the error output');
				const [errorItem] = routed.outputs[1];
				assert.deepEqual(errorItem.pairedItem, { item: 1 });
				assert.match(String(errorItem.json.error), /answered 404/);
				assert.match(String(errorItem.error?.description), /Check the URL/);

				const regular = await harness.run(credential, nodeType, parameters, items, true);
				assert.equal(regular.outputs.length, 1);
				assert.equal(regular.items.length, 3, 'errors stay on the main output');
				assert.deepEqual(regular.items[1].pairedItem, { item: 1 });
				assert.match(String(regular.items[1].json.error), /answered 404/);
			},
		);
	}
});

describe('items', () => {
	test('concurrency is bounded and every output pairs with its input', async () => {
		const credential = await harness.connectedCredential();
		harness.api.maxInFlight = 0;
		harness.api.script(
			'/slow',
			Array.from({ length: 30 }, () => ({ status: 200, body: { ok: true }, delayMs: 30 })),
		);
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/slow', { options: { concurrency: 4 } }),
			itemsOf(30),
		);
		assert.equal(result.items.length, 30);
		assert.ok(harness.api.maxInFlight <= 4, `max in flight ${harness.api.maxInFlight}`);
		assert.ok(harness.api.maxInFlight >= 2, 'items do run in parallel');
		result.items.forEach((item, index) => assert.deepEqual(item.pairedItem, { item: index }));
	});

	/**
	 * Gaps between the requests the API saw during `run`, and the least gap that still counts as
	 * paced. A gap is one interval plus the difference between two requests' trips from the pacer
	 * to the API (expressions, signing, a new connection), which on a busy 2-core machine differs by
	 * tens of milliseconds: half an interval is allowed for that. The API runs in this process, so a
	 * request also reaches it late by as long as the event loop was late meanwhile: that measured
	 * lateness is allowed on top. A burst, as a pacer without spacing sends, has gaps of 0-2 ms.
	 * `loopDelay`: a histogram the caller enables itself, to measure only part of the run.
	 */
	async function pacedArrivals(
		run: () => Promise<unknown>,
		loopDelay?: ReturnType<typeof monitorEventLoopDelay>,
	): Promise<{ gaps: number[]; leastPacedGap: number; report: string }> {
		const start = harness.api.requests.length;
		const lateness = loopDelay ?? monitorEventLoopDelay({ resolution: 1 });
		if (!loopDelay) lateness.enable();
		await run().finally(() => lateness.disable());
		const times = harness.api.requests.slice(start).map((request) => request.at);
		const gaps = times.slice(1).map((at, index) => at - times[index]);
		const latenessMs = lateness.count ? lateness.max / 1e6 : 0;
		const leastPacedGap = PACE_MS / 2 - latenessMs;
		return {
			gaps,
			leastPacedGap,
			report: `gaps ${gaps.join(' ')} ms, event loop up to ${latenessMs.toFixed(0)} ms late`,
		};
	}

	const PACE_MS = 200;
	const pacedGet = get('/contacts/1', {
		options: { concurrency: 6, maxRequestsPerSecond: 1000 / PACE_MS },
	});

	test('max requests per second spaces requests across items', async () => {
		const credential = await harness.connectedCredential();
		// A first run warms the host's HTTP client (in a running n8n it is warm): the pace is measured after.
		await harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(1));
		const { gaps, leastPacedGap, report } = await pacedArrivals(() =>
			harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(6)),
		);
		assert.equal(gaps.length, 5);
		assert.ok(Math.min(...gaps) >= leastPacedGap, report);
		const span = gaps.reduce((sum, gap) => sum + gap, 0);
		assert.ok(span >= 4 * PACE_MS + leastPacedGap, `spread over ${span} ms: ${report}`);
	});

	test('max requests per second holds after the process stalls: the requests that fell due meanwhile go out one by one', async () => {
		const credential = await harness.connectedCredential();
		await harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(1));
		// A busy n8n worker (a long expression in another execution, garbage collection) blocks the
		// event loop while the run waits for its turns: here the moment the API records the second
		// request, before the third one's turn has come. Only the loop's lateness after that stall
		// counts as slack.
		const afterStall = monitorEventLoopDelay({ resolution: 1 });
		const seenBefore = harness.api.requests.length;
		harness.api.onRequest = () => {
			if (harness.api.requests.length !== seenBefore + 2) return;
			const until = Date.now() + 500;
			while (Date.now() < until);
			setImmediate(() => afterStall.enable());
		};
		try {
			const { gaps, leastPacedGap, report } = await pacedArrivals(
				() => harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(6)),
				afterStall,
			);
			assert.equal(gaps.length, 5);
			assert.ok(gaps[1] >= 350, `the stall came after the second request: ${report}`);
			for (const gap of gaps.slice(2))
				assert.ok(gap >= leastPacedGap, `no burst after the stall: ${report}`);
		} finally {
			harness.api.onRequest = undefined;
		}
	});

	test('continueOnFail keeps going: failed items become {error} items paired with them', async () => {
		const credential = await harness.connectedCredential();
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('={{ $json.index === 1 ? "/status/404" : "/contacts/" + $json.index }}'),
			itemsOf(3),
			true,
		);
		assert.equal(result.items.length, 3);
		assert.match(String(result.items[1].json.error), /404/);
		assert.equal(result.items[1].error?.context.itemIndex, 1);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
	});
});

suite.faultTableTest();
