/**
 * The run's connection, with one owner: RunConnection keeps the connection as this node run last
 * read it (items share one read; a refresh replaces it), gives the secrets to redact, and the
 * context the host reads the credential through.
 *
 * That context serves the host's per-request credential read from the resolution this node run
 * already made (private to this file).
 *
 * n8n resolves a credential (every `={{ }}` field, each a fixed cost: about 0.4-0.5 ms under its
 * default vm engine) on every httpRequestWithAuthentication call: n8n-core's OAuth2 path reads it
 * with `this.getCredentials(type)` on the `this` the helper is called with. The nodes call the
 * helper with the context returned here, whose getCredentials answers from the run's last
 * resolution; every request still goes through httpRequestWithAuthentication, so the host still
 * signs it, refreshes on an expiry status under its lock, and stores the token.
 *
 * A resolution is served while all of these hold, else the credential is resolved again (once,
 * shared by the items waiting for it):
 *  - it is younger than REUSE_FOR_MS: an edit of the credential, or a token another run stored,
 *    reaches every request that starts more than REUSE_FOR_MS after it was saved (the node's own
 *    checks follow: the run's connection is replaced with the new read);
 *  - the package has not replaced the run's connection with a token the resolution lacks (its
 *    own refresh ahead of expiry or after an expiry signal in a body);
 *  - the host has not sent a request with a token the resolution lacks (its refresh on an expiry
 *    status, or the newer token another run stored that it picked up on a 401).
 * Nothing outlives the node run: the state hangs off the run's RunConnection.
 *
 * When the host stops reading the credential through `this.getCredentials`, the nodes stay
 * correct (the host reads it itself, per request) and only get slower: a test guards that.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, connectionName, describeConnection, loadConnection } from './connection';
import { settle } from './errors';
import type { Connection, RequestContext } from './types';

/** The longest a resolution is served: how soon a credential edited mid-run is honoured. */
export const REUSE_FOR_MS = 1_000;

/** Where the run's current connection is kept (RunConnection's own), as reuse reads and writes it. */
interface Slot {
	current?: Promise<Connection>;
}

interface Resolution {
	data: ICredentialDataDecryptedObject;
	/** When the read began: edits saved after it are not in `data`. */
	readAt: number;
	accessToken: string | undefined;
}

interface ReuseState {
	base: RequestContext;
	wrapped: RequestContext;
	/** The read in flight or last made; undefined before the first and after a failed one. */
	pending?: Promise<Resolution>;
	/** What `pending` resolved to. */
	settled?: Resolution;
	/** Set when the host sent a token the resolution lacks. */
	stale: boolean;
}

function accessTokenOf(data: ICredentialDataDecryptedObject): string | undefined {
	const token = (data.oauthTokenData as { access_token?: unknown } | undefined)?.access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

/** The host assigns to what it is given (oauthTokenData after a refresh): it gets its own copy. */
function copyOf(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const copy = { ...data };
	if (data.oauthTokenData && typeof data.oauthTokenData === 'object') {
		copy.oauthTokenData = { ...(data.oauthTokenData as object) } as never;
	}
	return copy;
}

function authorizationOf(options: IHttpRequestOptions): unknown {
	const headers = (options.headers ?? {}) as Record<string, unknown>;
	return headers.Authorization ?? headers.authorization;
}

function resolveNow(state: ReuseState, slot: Slot, itemIndex?: number): void {
	state.stale = false;
	const readAt = Date.now();
	const slotAtStart = slot.current;
	const pending = (async () => {
		const data = await (state.base as IExecuteFunctions).getCredentials(CREDENTIAL_TYPE, itemIndex);
		return { data, readAt, accessToken: accessTokenOf(data) };
	})();
	state.pending = pending;
	pending.then(
		(resolution) => {
			if (state.pending !== pending) return;
			state.settled = resolution;
			// The node's own checks (allowed domains, expiry codes) follow the same read, unless the
			// package replaced the connection meanwhile (a refresh: newer than this read).
			if (slot.current !== slotAtStart) return;
			let connection: Promise<Connection>;
			try {
				connection = Promise.resolve(
					describeConnection(resolution.data, connectionName(state.base.getNode())),
				);
			} catch {
				// The node's next item reads the connection itself and reports what is wrong with it.
				return;
			}
			slot.current = connection;
		},
		() => {
			// A failed read is not kept: the next request reads again, as the host would.
			if (state.pending === pending) state.pending = undefined;
		},
	);
}

/**
 * Whether the settled resolution may answer this read. The run's connection is compared every
 * time: an item that sees it replaced (a refresh) must not be answered with the older token while
 * another item's new read is on its way.
 */
async function isCurrent(state: ReuseState, slot: Slot): Promise<boolean> {
	const resolution = state.settled;
	if (state.stale || resolution === undefined) return false;
	if (Date.now() - resolution.readAt >= REUSE_FOR_MS) return false;
	const connection = await slot.current?.catch(() => undefined);
	return connection === undefined || connection.accessToken === resolution.accessToken;
}

async function readCredential(
	state: ReuseState,
	slot: Slot,
	itemIndex?: number,
): Promise<ICredentialDataDecryptedObject> {
	for (;;) {
		const pending = state.pending;
		if (pending === undefined) {
			resolveNow(state, slot, itemIndex);
			break;
		}
		await pending.catch(() => undefined);
		// Another item started a new read meanwhile, or this one failed: look again.
		if (state.pending !== pending) continue;
		// Items that find the same resolution outdated share one new read.
		if (!(await isCurrent(state, slot)) && state.pending === pending) {
			resolveNow(state, slot, itemIndex);
		}
		break;
	}
	return copyOf((await (state.pending as Promise<Resolution>)).data);
}

function createState(base: RequestContext, slot: Slot): ReuseState {
	const state = { base, stale: false } as ReuseState;
	const helpers = Object.create(base.helpers) as RequestContext['helpers'];
	// The host sends through this.helpers.httpRequest: a token other than the served one means it
	// refreshed or picked up a newer stored token, so the next read resolves again.
	helpers.httpRequest = async (options: IHttpRequestOptions) => {
		const authorization = authorizationOf(options);
		const served = state.settled?.accessToken;
		if (
			typeof authorization === 'string' &&
			(served === undefined || !authorization.endsWith(` ${served}`))
		) {
			state.stale = true;
		}
		return await base.helpers.httpRequest(options);
	};
	const wrapped = Object.create(base) as RequestContext;
	Object.defineProperty(wrapped, 'helpers', { value: helpers, enumerable: true });
	Object.defineProperty(wrapped, 'getCredentials', {
		value: async (type: string, itemIndex?: number) =>
			type === CREDENTIAL_TYPE
				? await readCredential(state, slot, itemIndex)
				: await (base as IExecuteFunctions).getCredentials(type, itemIndex),
		enumerable: true,
	});
	state.wrapped = wrapped;
	return state;
}

/**
 * The connection of one node run (or of one path-picker call): read once and shared by its items,
 * replaced after a refresh or a new read, and the context through which the host reads it.
 */
export class RunConnection {
	private readonly slot: Slot = {};

	private reuse?: ReuseState;

	/** Starts from a connection already read (the OAuth2 Connection node reads it for its report). */
	static startingWith(connection: Connection): RunConnection {
		const run = new RunConnection();
		run.replace(connection);
		return run;
	}

	/** The connection as this run last read it (after any refresh), read now if it was not yet. */
	async read(context: RequestContext, itemIndex?: number): Promise<Connection> {
		this.slot.current ??= loadConnection(context, itemIndex);
		return await this.slot.current;
	}

	/** Reads the connection again and keeps that read (a next page is a later send). */
	async readAgain(context: RequestContext, itemIndex?: number): Promise<Connection> {
		this.slot.current = loadConnection(context, itemIndex);
		return await this.slot.current;
	}

	/** The connection a refresh or a new read gave: later items and sends use it. */
	replace(connection: Connection): void {
		this.slot.current = Promise.resolve(connection);
	}

	/** The secrets of `sent` and of the connection now (a refresh may have replaced the token). */
	async secretsWith(sent: Connection): Promise<string[]> {
		const latest = await settle(this.slot.current ?? Promise.resolve(sent));
		return [...sent.secrets, ...(latest.value?.secrets ?? [])];
	}

	/**
	 * The context to pass to `httpRequestWithAuthentication.call(...)`: the node's own context,
	 * except that the host's credential read is served from this run's resolution.
	 */
	hostContext<T extends RequestContext>(context: T): T {
		if (this.reuse === undefined || this.reuse.base !== context)
			this.reuse = createState(context, this.slot);
		return this.reuse.wrapped as T;
	}
}
