/**
 * Refreshing while another n8n process (a queue-mode worker) holds the host's refresh lock. The
 * other process is played by this test taking the host's own lock, as a worker would through
 * Redis: the host waits 10 s for it, then would refresh without it, presenting a refresh token the
 * other process is already presenting. The node must never get there.
 */
import assert from 'node:assert/strict';

import { LockNamespace, LockService } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { startHarness, type Harness } from './harness/fixtures';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness();
});
afterAll(async () => {
	await harness.stop();
});

/** Takes the host's refresh lock of `credentialId` until `release` is called. */
async function holdRefreshLock(credentialId: string): Promise<{ release: () => Promise<void> }> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let taken!: () => void;
	const isTaken = new Promise<void>((resolve) => (taken = resolve));
	const lease = Container.get(LockService).withLease(
		LockNamespace.CREDENTIALS,
		credentialId,
		async () => {
			taken();
			await held;
		},
		{ waitTimeoutMs: 1_000, leaseTtlMs: 120_000 },
	);
	await isTaken;
	return {
		release: async () => {
			release();
			await lease;
		},
	};
}

const get = { method: 'GET', url: '/contacts/1' };

test('a token still usable, its refresh ahead blocked by another process: the node sends it and presents no refresh token', async () => {
	// 50 s left: inside the refresh margin, still usable.
	const credential = await harness.connectedCredential({ expiresInMs: 50_000 });
	const tokenCalls = harness.auth.tokenRequests.length;
	const lock = await holdRefreshLock(credential.id);
	try {
		const result = await harness.run(credential, 'oAuth2HttpRequest', get);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(harness.auth.tokenRequests.length - tokenCalls, 0, 'no token request');
		assert.equal(harness.api.requests.at(-1)?.token, credential.accessToken);
		assert.equal(harness.api.requests.at(-1)?.authorized, true);
	} finally {
		await lock.release();
	}
}, 40_000);

test('an expired token while another process refreshes it for longer than the host waits: the node waits for that token and presents no refresh token', async () => {
	const credential = await harness.connectedCredential({ expiresInMs: 5_000 });
	const tokenCalls = harness.auth.tokenRequests.length;
	const lock = await holdRefreshLock(credential.id);
	// The other process stores its new token and lets go of the lock 12 s on: after the host's
	// 10 s wait has run out once.
	const otherToken = `access-from-other-process-${Math.random().toString(36).slice(2)}`;
	const otherProcess = new Promise<void>((resolve) =>
		setTimeout(() => {
			harness.api.acceptToken(otherToken);
			harness.store.setTokenData(credential.id, {
				...(harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>),
				access_token: otherToken,
				n8n_expires_at: String(Date.now() + 3_600_000),
			});
			void lock.release().then(resolve);
		}, 12_000),
	);
	try {
		const result = await harness.run(credential, 'oAuth2HttpRequest', get);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(harness.auth.tokenRequests.length - tokenCalls, 0, 'no token request');
		assert.equal(harness.api.requests.at(-1)?.token, otherToken);
	} finally {
		await otherProcess;
	}
}, 60_000);
