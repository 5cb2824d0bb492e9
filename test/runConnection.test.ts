/**
 * The host's per-request credential read served from the run's resolution
 * (private to nodes/shared/transport/runConnection.ts), through n8n-core's real engine under n8n's default
 * vm expression engine: fewer resolutions, and every token change still reaches the requests.
 * The GUARD tests fail when n8n-core stops reading the credential the way the reuse relies on.
 */
import assert from 'node:assert/strict';

import { CREDENTIAL_TYPE } from '../nodes/shared/transport/connection';
import { REUSE_FOR_MS } from '../nodes/shared/transport/runConnection';
import { activeEngine } from './harness/expressionEngine';
import { itemsOf, startHarness, type Harness } from './harness/fixtures';
import type { RecordedRequest } from './harness/resourceServer';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness();
});
afterAll(async () => {
	await harness.stop();
});

/** Counts the store's resolutions (getDecrypted without `raw`), as n8n's CredentialsHelper makes them. */
function countResolutions(): { readonly count: number; stop(): void } {
	const store = harness.store as unknown as {
		getDecrypted: (...args: unknown[]) => Promise<unknown>;
	};
	const original = store.getDecrypted;
	let count = 0;
	store.getDecrypted = async function (this: unknown, ...args: unknown[]) {
		if (args[5] !== true) count++;
		return await original.apply(this, args);
	};
	return {
		get count() {
			return count;
		},
		stop() {
			store.getDecrypted = original;
		},
	};
}

/** One credential read under vm and one request on a busy 2-core machine. */
const SLACK_MS = 500;

const tokenOf = (request: RecordedRequest) =>
	String(request.headers.authorization ?? '').replace(/^Bearer /, '');

const contactsSince = (since: number) =>
	harness.api.requests.filter((request) => request.path === '/contacts/1' && request.at >= since);

/**
 * Runs `change` (another run's refresh, an edit) once the API has seen `count` requests since
 * `since`, so it lands mid-run however slow the machine is; resolves with when it was done.
 */
function afterRequests(
	since: number,
	count: number,
	change: () => void | Promise<void>,
): Promise<number> {
	return new Promise((resolve, reject) => {
		const poll = setInterval(() => {
			if (contactsSince(since).length < count) return;
			clearInterval(poll);
			Promise.resolve(change()).then(() => resolve(Date.now()), reject);
		}, 1);
	});
}

const tokenCallsSince = (since: number) => harness.auth.tokenRequests.length - since;

const getContacts = (options: Record<string, unknown> = {}) => ({
	method: 'GET',
	url: 'contacts/1',
	options,
});

describe('credential reuse', () => {
	test('the harness runs n8n’s default expression engine (vm)', () => {
		assert.equal(activeEngine(), 'vm');
	});

	test('GUARD: the host reads the credential through this.getCredentials on the context it is called with', async () => {
		const credential = await harness.connectedCredential();
		const resolutions = countResolutions();
		const started = Date.now();
		let run;
		try {
			run = await harness.run(
				credential,
				'oAuth2HttpRequest',
				getContacts({ concurrency: 10 }),
				itemsOf(60),
			);
		} finally {
			resolutions.stop();
		}
		assert.equal(run.error, undefined, run.error?.message);
		assert.equal(run.items.length, 60);
		const sent = contactsSince(started);
		assert.equal(sent.length, 60);
		assert.ok(
			sent.every((request) => request.authorized && tokenOf(request) === credential.accessToken),
		);
		// One read for the node's checks, one for the host, one more per REUSE_FOR_MS of run time.
		const seconds = (Date.now() - started) / 1000;
		const allowed = 2 + Math.ceil((seconds * 1000) / REUSE_FOR_MS);
		assert.ok(
			resolutions.count <= allowed,
			`GUARD: 60 requests cost ${resolutions.count} credential resolutions (at most ${allowed} expected). ` +
				'n8n-core no longer reads the credential through this.getCredentials() on the context passed to ' +
				'httpRequestWithAuthentication.call(...), so the reuse in nodes/shared/transport/runConnection.ts serves nothing: ' +
				'requests stay correct but pay a full resolution each (2-4 ms under the vm engine). ' +
				'Read n8n-core’s request-helpers/oauth.js (requestOAuth2) and adapt the reuse.',
		);
	});

	test('GUARD: a token the host refreshed on a 401 is used by the next requests (one 401, one token call)', async () => {
		// The stored expiry says an hour left, but the API already refuses the token: only the host,
		// on the 401, can refresh it. It sends through this.helpers.httpRequest with the new token.
		const credential = await harness.connectedCredential();
		harness.api.acceptToken(credential.accessToken, 0);
		const tokenCalls = harness.auth.tokenRequests.length;
		const started = Date.now();
		const run = await harness.run(
			credential,
			'oAuth2HttpRequest',
			getContacts({ concurrency: 1 }),
			itemsOf(30),
		);
		assert.equal(run.error, undefined, run.error?.message);
		assert.equal(run.items.length, 30);
		const sent = contactsSince(started);
		const refused = sent.filter((request) => !request.authorized).length;
		assert.equal(tokenCallsSince(tokenCalls), 1, 'one token call');
		assert.equal(
			refused,
			1,
			`GUARD: the API refused ${refused} requests (1 expected): after the host refreshed the token, the old one was still served. ` +
				'The reuse learns of the host’s refresh from the token it sends through this.helpers.httpRequest; ' +
				'n8n-core no longer sends that way (request-helpers/oauth.js, requestOAuth2), so the old token is ' +
				`served until the resolution is ${REUSE_FOR_MS} ms old.`,
		);
		const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
		assert.ok(sent.slice(2).every((request) => tokenOf(request) === stored.access_token));
	});

	test('a token the package refreshes ahead of expiry is used by every request, none with the old one', async () => {
		const credential = await harness.connectedCredential({ expiresInMs: 30_000 });
		const tokenCalls = harness.auth.tokenRequests.length;
		const started = Date.now();
		const run = await harness.run(
			credential,
			'oAuth2HttpRequest',
			getContacts({ concurrency: 10 }),
			itemsOf(50),
		);
		assert.equal(run.error, undefined, run.error?.message);
		const sent = contactsSince(started);
		assert.equal(sent.length, 50);
		assert.equal(tokenCallsSince(tokenCalls), 1);
		const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
		assert.notEqual(stored.access_token, credential.accessToken);
		assert.ok(
			sent.every((request) => request.authorized && tokenOf(request) === stored.access_token),
		);
	});

	test('a token another run stored mid-run: no token call, at most one 401, then the new token', async () => {
		const credential = await harness.connectedCredential();
		const tokenCalls = harness.auth.tokenRequests.length;
		const started = Date.now();
		// 25 requests at 25/s; once the API has seen 5 of them, another run "refreshes": new token
		// stored, old one refused.
		const swap = afterRequests(started, 5, () => {
			const replaced = `other-run-${Date.now()}`;
			harness.api.acceptToken(replaced);
			harness.api.acceptToken(credential.accessToken, 0);
			const data = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
			harness.store.setTokenData(credential.id, { ...data, access_token: replaced });
		});
		const run = await harness.run(
			credential,
			'oAuth2HttpRequest',
			getContacts({ concurrency: 1, maxRequestsPerSecond: 25 }),
			itemsOf(25),
		);
		const swappedAt = await swap;
		assert.equal(run.error, undefined, run.error?.message);
		assert.equal(run.items.length, 25);
		const sent = contactsSince(started);
		assert.equal(tokenCallsSince(tokenCalls), 0, 'no token call');
		assert.ok(sent.filter((request) => !request.authorized).length <= 1);
		const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
		// At most the first request after the swap carries the old token (the API refuses it and the
		// host re-sends with the stored one); every request from the first with the new token on uses it.
		const oldAfterSwap = sent.filter(
			(request) => request.at > swappedAt && tokenOf(request) === credential.accessToken,
		);
		assert.ok(oldAfterSwap.length <= 1, `${oldAfterSwap.length} requests with the old token`);
		const firstNew = sent.findIndex((request) => tokenOf(request) === stored.access_token);
		assert.ok(firstNew > 0 && sent.length - firstNew > 10, 'the new token was used');
		assert.ok(sent.slice(firstNew).every((request) => tokenOf(request) === stored.access_token));
	});

	test(`a credential edited mid-run is honoured within ${REUSE_FOR_MS} ms, by the host and by the node`, async () => {
		const credential = await harness.connectedCredential();
		const started = Date.now();
		// 40 requests at 20/s (2 s); once the API has seen 5 of them the credential is edited: a new
		// token (both valid), and Allowed Domains narrowed to a host the API is not on. Requests that
		// start more than REUSE_FOR_MS after the edit use it; the slack covers one credential read and
		// one request.
		const edit = afterRequests(started, 5, () => {
			const replaced = `edited-${Date.now()}`;
			harness.api.acceptToken(replaced);
			const data = harness.store.stored(credential.id);
			harness.store.setTokenData(credential.id, {
				...(data.oauthTokenData as Record<string, unknown>),
				access_token: replaced,
			});
		});
		const run = await harness.run(
			credential,
			'oAuth2HttpRequest',
			getContacts({ concurrency: 1, maxRequestsPerSecond: 20 }),
			itemsOf(40),
		);
		const editedAt = await edit;
		assert.equal(run.error, undefined, run.error?.message);
		const sent = contactsSince(started);
		const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
		const firstNew = sent.findIndex((request) => tokenOf(request) === stored.access_token);
		assert.ok(firstNew > 0, 'the new token was used');
		assert.ok(
			sent[firstNew].at - editedAt <= REUSE_FOR_MS + SLACK_MS,
			`new token first sent ${sent[firstNew].at - editedAt} ms after the edit`,
		);
		assert.ok(sent.slice(firstNew).every((request) => tokenOf(request) === stored.access_token));

		// The node's own checks follow the same reads: narrowed domains stop the run within the bound.
		const narrowed = await harness.connectedCredential({
			extra: { allowedDomainsList: '127.0.0.1' },
		});
		const domainsStarted = Date.now();
		const editDomains = afterRequests(domainsStarted, 5, async () => {
			const data = harness.store.stored(narrowed.id);
			await harness.store.updateCredentials(narrowed, CREDENTIAL_TYPE, {
				...data,
				allowedDomainsList: 'api.example.com',
			});
		});
		const blocked = await harness.run(
			narrowed,
			'oAuth2HttpRequest',
			getContacts({ concurrency: 1, maxRequestsPerSecond: 20 }),
			itemsOf(40),
			true,
		);
		const domainsEditedAt = await editDomains;
		const failed = blocked.items.filter((item) => item.json.error !== undefined);
		assert.ok(failed.length > 0, 'items after the edit are refused');
		assert.match(String(failed[0].json.error), /not in the allowed domains/);
		const lastSent = contactsSince(domainsStarted).at(-1) as RecordedRequest;
		assert.ok(
			lastSent.at - domainsEditedAt <= REUSE_FOR_MS + SLACK_MS,
			`last request ${lastSent.at - domainsEditedAt} ms after the edit`,
		);
	});

	test('nothing is kept beyond one node run: the next run sends the token stored in between', async () => {
		const credential = await harness.connectedCredential();
		const first = await harness.run(credential, 'oAuth2HttpRequest', getContacts(), itemsOf(3));
		assert.equal(first.error, undefined, first.error?.message);
		const replaced = `between-runs-${Date.now()}`;
		harness.api.acceptToken(replaced);
		const data = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
		harness.store.setTokenData(credential.id, { ...data, access_token: replaced });
		const started = Date.now();
		const second = await harness.run(credential, 'oAuth2HttpRequest', getContacts(), itemsOf(3));
		assert.equal(second.error, undefined, second.error?.message);
		const sent = contactsSince(started);
		assert.equal(sent.length, 3);
		assert.ok(sent.every((request) => tokenOf(request) === replaced));
	});
});
