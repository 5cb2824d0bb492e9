/**
 * For tests that send to providers' real host names: while the file's tests run every name resolves
 * to 127.0.0.1, where nothing listens on 443, so no request leaves the machine, and every request
 * Node's http client makes is recorded (URL and headers, from its diagnostics channel) to show
 * where it went. Starts the harness too; stops everything after the file's tests.
 */
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import dns from 'node:dns';
import type { ClientRequest } from 'node:http';

import { startHarness, type Harness } from './fixtures';

export interface MadeRequest {
	url: string;
	headers: Record<string, unknown>;
}

export interface LoopbackHosts {
	/** Filled in the file's beforeAll. */
	harness: Harness;
	/** Every request made since the last `clear()`, in order. */
	made: MadeRequest[];
	/** The URLs of `made`. */
	urls(): string[];
	clear(): void;
	/**
	 * The URLs one relative GET of OAuth2 HTTP Request (after a refresh when the token expired)
	 * and one Check of OAuth2 Connection (the preset's check, each URL once: the Check retries) went to.
	 */
	callsOf(
		credential: { id: string; name: string },
		path: string,
	): Promise<{ request: string[]; check: string[] }>;
}

export function useLoopbackHosts(): LoopbackHosts {
	const originalLookup = dns.lookup;
	const hosts: LoopbackHosts = {
		harness: undefined as unknown as Harness,
		made: [],
		urls: () => hosts.made.map((request) => request.url),
		clear: () => {
			hosts.made.length = 0;
		},
		callsOf: async (credential, path) => {
			hosts.clear();
			await hosts.harness.run(
				credential,
				'oAuth2HttpRequest',
				{ method: 'GET', url: path, options: { maxAttempts: 1 } },
				undefined,
				true,
			);
			const request = hosts.urls();
			hosts.clear();
			const result = await hosts.harness.run(credential, 'oAuth2Connection', {
				operation: 'check',
				checkUrl: '',
			});
			assert.equal(result.error, undefined, result.error?.message);
			return { request, check: [...new Set(hosts.urls())] };
		},
	};
	const onRequestCreated = (message: unknown): void => {
		const request = (message as { request: ClientRequest }).request;
		hosts.made.push({
			url: `${request.protocol}//${request.host}${request.path}`,
			headers: request.getHeaders(),
		});
	};
	beforeAll(async () => {
		hosts.harness = await startHarness();
		dns.lookup = ((_hostname: string, ...rest: unknown[]) =>
			(originalLookup as (...args: unknown[]) => void)('127.0.0.1', ...rest)) as typeof dns.lookup;
		diagnosticsChannel.subscribe('http.client.request.created', onRequestCreated);
	});
	afterAll(async () => {
		diagnosticsChannel.unsubscribe('http.client.request.created', onRequestCreated);
		dns.lookup = originalLookup;
		await hosts.harness.stop();
	});
	return hosts;
}
