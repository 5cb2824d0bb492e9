/**
 * Pacing: Options > Max Requests per Second spaces the requests of all items of one node run,
 * at the moment each actually leaves (after the host's own work for it).
 */
import { sleep, type IHttpRequestOptions } from 'n8n-workflow';

import type { RequestContext, RequestPacer } from './types';

/**
 * Spaces requests to at most `perSecond`, across all items of one node run; undefined for no limit.
 * Each turn starts one interval after the previous request actually went out, so requests that
 * fell due while the process was stalled still leave one by one instead of in a burst.
 */
export function createPacer(perSecond: number): RequestPacer | undefined {
	if (!(perSecond > 0)) return undefined;
	const intervalMs = 1000 / perSecond;
	let lastSentAt = -Infinity;
	let previousTurn: Promise<void> = Promise.resolve();
	return {
		waitTurn() {
			const turn = previousTurn.then(async () => {
				// A timer may fire a millisecond early by the wall clock: wait until the interval is over.
				for (let wait = lastSentAt + intervalMs - Date.now(); wait > 0; ) {
					await sleep(wait);
					wait = lastSentAt + intervalMs - Date.now();
				}
				lastSentAt = Date.now();
			});
			previousTurn = turn;
			return turn;
		},
	};
}

const pacedContexts = new WeakMap<RequestPacer, RequestContext>();

/**
 * The node's context, except that its HTTP sends wait their turn. The host calls
 * helpers.httpRequest right before a request leaves, after its own one-time work (its client, the
 * first credential read), so requests reach the API at the pace, the first ones included.
 */
export function pacedContext(context: RequestContext, pacer: RequestPacer): RequestContext {
	let paced = pacedContexts.get(pacer);
	if (paced === undefined) {
		const helpers = Object.create(context.helpers) as RequestContext['helpers'];
		helpers.httpRequest = async (options: IHttpRequestOptions) => {
			await pacer.waitTurn();
			return await context.helpers.httpRequest(options);
		};
		paced = Object.create(context) as RequestContext;
		Object.defineProperty(paced, 'helpers', { value: helpers, enumerable: true });
		pacedContexts.set(pacer, paced);
	}
	return paced;
}
