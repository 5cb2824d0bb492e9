/**
 * Getting the connection a usable token, through the host (its lock and its token storage apply):
 * ahead of expiry, for a client-credentials connection that has none yet, and after the API
 * answered with the connection's expiry signal. One refresh at a time per connection in this
 * process; after a failure the token endpoint is left alone for a pause, so one bad connection
 * never costs a storm of token calls. Every caller gets its own error, built with its own node.
 */
import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type Logger,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, loadConnection } from './connection';
import {
	isReconnectError,
	redactTokenEndpointText,
	settle,
	unwrapHostError,
	withProblem,
} from './errors';
import type { Connection, ConnectionProblem } from './types';

type RefreshingContext = IExecuteFunctions | ILoadOptionsFunctions;

/** After a failed refresh, or a new token the API refused too, the token endpoint is left alone this long. */
export const PAUSE_AFTER_FAILURE_MS = 30_000;

/** The host counts a token with less than this left as expired. */
const HOST_EXPIRY_BUFFER_MS = 60_000;

/** A token with at least this much time left is still sent when refreshing it ahead failed. */
const STILL_USABLE_MS = 15_000;

/**
 * Each process refreshes ahead at its own moment, between half and all of the margin: in queue
 * mode, one worker's refresh is then usually stored before another one's turn comes, so a
 * rotating refresh token is not presented by two workers at once.
 */
const AHEAD_FACTOR = 0.5 + Math.random() / 2;

type FailureKind = 'endpoint' | 'grant' | 'noRefreshToken' | 'refused' | 'signingKey' | 'lockHeld';

interface RefreshFailure {
	kind: FailureKind;
	/** What went wrong, safe to show: no token, no quoted token response. */
	detail: string;
	at: number;
}

/** What this process knows about refreshing one connection. */
interface RefreshState {
	inFlight?: Promise<RefreshFailure | undefined>;
	/** The last failed refresh, until the pause is over. */
	failure?: RefreshFailure;
	/**
	 * The token the last refresh stored, when, whether the API had refused the one before, and
	 * whether the API has since accepted it (then a refusal of it is news, not a persisting one).
	 */
	refreshed?: { token: string | undefined; at: number; afterRefusal: boolean; accepted: boolean };
	/** A token whose stored expiry is already past when issued (the provider sent expires_in 0 or none). */
	expiryUnknownFor?: string;
}

const states = new Map<string, RefreshState>();

/** Accounts remembered per process; the oldest are forgotten past this (rotations add one each). */
const MAX_STATES = 1_000;

/**
 * The state of one account of the connection: with n8n's per-user credentials one credential
 * holds each user's own tokens, and one user's failed refresh must not pause another's.
 */
function accountKey(context: RefreshingContext, connection: Connection): string {
	const id = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? CREDENTIAL_TYPE;
	return connection.account ? `${id}:${connection.account}` : id;
}

function remember(key: string, state: RefreshState): void {
	states.delete(key);
	states.set(key, state);
	while (states.size > MAX_STATES) states.delete(states.keys().next().value as string);
}

function stateOf(context: RefreshingContext, connection: Connection): RefreshState {
	const key = accountKey(context, connection);
	let state = states.get(key);
	if (state === undefined) {
		state = {};
		remember(key, state);
	}
	return state;
}

function recentFailure(state: RefreshState): RefreshFailure | undefined {
	const failure = state.failure;
	return failure && Date.now() - failure.at < PAUSE_AFTER_FAILURE_MS ? failure : undefined;
}

function timeLeft(connection: Connection, state: RefreshState): number | undefined {
	if (connection.expiresAt === undefined || state.expiryUnknownFor === connection.accessToken)
		return undefined;
	return connection.expiresAt - Date.now();
}

/**
 * A token that lives shorter than the margin would count as expiring the moment it is issued, and
 * every item would refresh again: the margin is at most half the token's lifetime.
 */
function expiresWithin(connection: Connection, marginMs: number, state: RefreshState): boolean {
	const left = timeLeft(connection, state);
	const margin =
		connection.lifetimeMs === undefined ? marginMs : Math.min(marginMs, connection.lifetimeMs / 2);
	return left !== undefined && left <= margin * AHEAD_FACTOR;
}

function stillUsable(connection: Connection, state: RefreshState): boolean {
	const left = timeLeft(connection, state);
	return left !== undefined && left > STILL_USABLE_MS;
}

/** Whether the host would still send this token: an ambiguous expiry status (403) does not refresh it. */
export function tokenIsFresh(connection: Connection): boolean {
	return (
		connection.expiresAt !== undefined && connection.expiresAt - Date.now() > HOST_EXPIRY_BUFFER_MS
	);
}

function canRefresh(connection: Connection): boolean {
	return connection.grantType === 'clientCredentials' || connection.hasRefreshToken;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'the token endpoint';
	}
}

/** What the host's OAuth2 client threw, in words that name the token endpoint and no secret. */
function describeTokenEndpointError(error: unknown, connection: Connection): string {
	const failure = error as {
		message?: string;
		code?: string;
		status?: number;
		response?: { status?: number };
		cause?: { code?: string };
	};
	const host = hostOf(connection.tokenUrl);
	const status = failure.response?.status ?? failure.status;
	const message = redactTokenEndpointText(String(failure.message ?? error), connection.secrets);
	if (typeof status === 'number' && status >= 500) return `${host} answered ${status}`;
	const code = failure.code ?? failure.cause?.code;
	if (code && /^E[A-Z]+$/.test(code) && !['ESTATUS', 'EAUTH'].includes(code))
		return `could not reach ${host} (${code})`;
	return `${host} answered: ${message}`;
}

/**
 * The host could not sign the client assertion (private_key_jwt) from the key or certificate in
 * the connection: nothing was sent, so the token endpoint is not to blame. Told by the host's words.
 */
function signingKeyProblem(error: unknown): string | undefined {
	const message = String((error as { message?: unknown })?.message ?? '');
	if (/Private Key field must contain|requires an RSA private key/i.test(message))
		return `the private key is malformed (${message.replace(/\.$/, '')})`;
	if (/Certificate field must contain/i.test(message))
		return `the certificate is malformed (${message.replace(/\.$/, '')})`;
	return undefined;
}

/**
 * The host refreshes under a lock all n8n processes share (Redis in queue mode), but once it has
 * waited 10 s for that lock it refreshes without it: with a token endpoint slower than that, two
 * workers present the same refresh token, and a provider that revokes the grant on reuse ends the
 * connection. The host logs a warning through the caller's logger right before; this logger
 * refuses it by throwing, which ends the host's call before any token request. The caller then
 * re-reads the stored token (the other process's refresh lands there) instead of racing it.
 */
const UNLOCKED_REFRESH_WARNING = /could not acquire refresh lock/i;

class RefreshLockHeldElsewhere extends Error {
	constructor() {
		super('Another n8n process holds the refresh lock of this connection');
		this.name = 'RefreshLockHeldElsewhere';
	}
}

function refusingUnlockedRefresh(context: RefreshingContext): RefreshingContext {
	const logger = context.logger;
	const guardedLogger: Logger = Object.create(logger);
	guardedLogger.warn = (message, metadata) => {
		if (UNLOCKED_REFRESH_WARNING.test(String(message))) throw new RefreshLockHeldElsewhere();
		logger.warn(message, metadata);
	};
	const guarded: RefreshingContext = Object.create(context);
	Object.defineProperty(guarded, 'logger', { value: guardedLogger });
	return guarded;
}

async function refreshThroughHost(
	context: RefreshingContext,
	connection: Connection,
	timeoutMs: number,
): Promise<RefreshFailure | undefined> {
	const timeout = AbortSignal.timeout(Math.max(timeoutMs, 1));
	const timedOut = new Promise<'timedOut'>((resolve) =>
		timeout.addEventListener('abort', () => resolve('timedOut'), { once: true }),
	);
	const guarded = refusingUnlockedRefresh(context);
	const outcome = await Promise.race([
		settle(
			context.helpers.refreshOAuth2Token.call(guarded, CREDENTIAL_TYPE, { tokenType: 'Bearer' }),
		),
		timedOut,
	]);
	const at = Date.now();
	if (outcome === 'timedOut') {
		return {
			kind: 'endpoint',
			detail: `${hostOf(connection.tokenUrl)} did not answer within ${Math.ceil(timeoutMs / 1000)} s`,
			at,
		};
	}
	if (outcome.error === undefined) return undefined;
	if ((outcome.error as Error)?.name === 'RefreshLockHeldElsewhere')
		return { kind: 'lockHeld', detail: 'another n8n process is refreshing it', at };
	const error = unwrapHostError(outcome.error);
	const signing = signingKeyProblem(error);
	if (signing) return { kind: 'signingKey', detail: signing, at };
	const body = (error as { body?: { error?: unknown } }).body;
	if (isReconnectError(error) || body?.error === 'invalid_grant') {
		return { kind: 'grant', detail: 'the provider no longer accepts its refresh token', at };
	}
	return { kind: 'endpoint', detail: describeTokenEndpointError(error, connection), at };
}

/**
 * In queue mode another process may have stored a newer token while this one's refresh failed
 * (its refresh won the rotated refresh token, or the host's lock wait ran out): then that token is
 * used, and the failure no longer holds the connection back.
 */
function storedSinceFailure(state: RefreshState, before: Connection, current: Connection): boolean {
	if (current.accessToken === undefined || current.accessToken === before.accessToken) return false;
	state.failure = undefined;
	return true;
}

/**
 * Refreshes unless `isStillNeeded` says another item, run or process already did. Items that ask
 * while a refresh is in flight share its outcome; the outcome is data, never an error built for
 * one node. While another process holds the refresh lock, this one re-reads the stored token and
 * asks again (the host then finds the other's token and sends nothing), within `timeoutMs`; with
 * `mayKeepCurrent` it stops waiting as soon as the current token is still usable.
 */
async function refreshOnce(
	context: RefreshingContext,
	connection: Connection,
	itemIndex: number | undefined,
	timeoutMs: number,
	isStillNeeded: (current: Connection) => boolean,
	afterRefusal: boolean,
	mayKeepCurrent = false,
): Promise<RefreshFailure | undefined> {
	const state = stateOf(context, connection);
	state.inFlight ??= (async (): Promise<RefreshFailure | undefined> => {
		const deadline = Date.now() + timeoutMs;
		let current = await loadConnection(context, itemIndex);
		if (!isStillNeeded(current)) return undefined;
		if (!canRefresh(current)) return { kind: 'noRefreshToken', detail: '', at: Date.now() };
		let failure = await refreshThroughHost(context, current, deadline - Date.now());
		while (failure?.kind === 'lockHeld') {
			current = await loadConnection(context, itemIndex);
			if (!isStillNeeded(current)) return undefined;
			if (mayKeepCurrent && stillUsable(current, state)) return failure;
			if (Date.now() >= deadline) {
				failure = {
					kind: 'endpoint',
					detail: `another n8n process was still refreshing it after ${Math.ceil(timeoutMs / 1000)} s`,
					at: Date.now(),
				};
				break;
			}
			failure = await refreshThroughHost(context, current, deadline - Date.now());
		}
		if (failure) {
			// A key that cannot sign sent nothing: no pause for the token endpoint's sake.
			if (failure.kind !== 'signingKey') state.failure = failure;
			return failure;
		}
		const refreshed = await loadConnection(context, itemIndex);
		// A rotated refresh token is the same account: its state follows it.
		remember(accountKey(context, refreshed), state);
		state.failure = undefined;
		state.refreshed = {
			token: refreshed.accessToken,
			at: Date.now(),
			afterRefusal,
			accepted: false,
		};
		// Without a usable expires_in the host keeps the old token's expiry: it says nothing of this one.
		const expiryKept =
			refreshed.expiresAt !== undefined &&
			(refreshed.expiresAt === current.expiresAt || refreshed.expiresAt <= Date.now());
		state.expiryUnknownFor = expiryKept ? refreshed.accessToken : undefined;
		return undefined;
	})().finally(() => {
		state.inFlight = undefined;
	});
	return await state.inFlight;
}

function refreshError(
	context: RefreshingContext,
	connection: Connection,
	failure: RefreshFailure,
	itemIndex: number | undefined,
	paused = false,
): NodeOperationError {
	const clientCredentials = connection.grantType === 'clientCredentials';
	const verb = clientCredentials ? 'get' : 'refresh';
	const subject = `Could not ${verb} the token of connection '${connection.name}'`;
	const texts: Record<FailureKind, { message: string; description: string }> = {
		endpoint: {
			message: `${subject}: ${failure.detail}`,
			description: clientCredentials
				? `The provider’s token endpoint did not give a token. Wait a minute and run the node again; if it keeps failing, check Access Token URL, Client ID, Client Secret and Scopes in the connection.`
				: `The provider’s token endpoint failed. Wait a minute and run the node again; if it keeps failing, check Access Token URL in the connection, or click Reconnect.`,
		},
		grant: {
			message: `${subject}: ${failure.detail} (invalid_grant)`,
			description:
				'Access was revoked, the refresh token expired, or the account’s password or permissions changed. Open the connection and click Reconnect, then run the node again.',
		},
		noRefreshToken: {
			message: `${subject}: the token expired and the provider sent no refresh token`,
			description:
				'Open the connection and click Reconnect. To stay connected, ask for offline access when connecting (e.g. the offline_access scope, or access_type=offline in the extra authorization parameters) so the provider issues a refresh token.',
		},
		signingKey: {
			message: `${subject}: ${failure.detail}`,
			description:
				'Nothing was sent: n8n could not sign the client assertion with the connection’s key. Open the connection and paste the whole Private Key (an RSA key in PEM, -----BEGIN PRIVATE KEY-----) and the Certificate that belongs to it, then run the node again.',
		},
		lockHeld: {
			message: `${subject}: ${failure.detail}`,
			description:
				'Another n8n process (a queue-mode worker) is refreshing this connection. Run the node again in a minute.',
		},
		refused: {
			message: `Connection '${connection.name}': the token was refused even after a refresh (${failure.detail})`,
			description:
				'The provider issued a new token and the API refused it too. Check that the connection’s scopes cover this call and the account may make it, or click Reconnect. If the API uses this status for something other than an expired token, remove it from Token Expired Status Codes in the connection.',
		},
	};
	const { message, description } = texts[failure.kind];
	const error = new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: paused
			? `${description} The token endpoint is asked again ${PAUSE_AFTER_FAILURE_MS / 1000} s after the last failure.`
			: description,
	});
	// Set after construction: n8n swaps a message naming a network code for a generic one without the host.
	error.message = message;
	const problems: Record<FailureKind, ConnectionProblem> = {
		endpoint: 'refreshFailing',
		grant: 'needsReconnect',
		noRefreshToken: 'needsReconnect',
		refused: 'needsReconnect',
		signingKey: 'misconfigured',
		lockHeld: 'refreshFailing',
	};
	return withProblem(error, problems[failure.kind]);
}

/**
 * Refreshes now, whatever the token's expiry (the OAuth2 Connection node's Refresh, which keeps an
 * idle connection alive): through the host like every refresh, and not held back by the pause.
 */
export async function refreshNow(
	context: RefreshingContext,
	connection: Connection,
	itemIndex: number | undefined,
	timeoutMs: number,
): Promise<Connection> {
	const failure = await refreshOnce(context, connection, itemIndex, timeoutMs, () => true, false);
	if (failure) throw refreshError(context, connection, failure, itemIndex);
	return await loadConnection(context, itemIndex);
}

/** The API answered a request sent with this token without refusing it. */
export function noteTokenAccepted(context: RefreshingContext, connection: Connection): void {
	const refreshed = stateOf(context, connection).refreshed;
	if (refreshed !== undefined && refreshed.token === connection.accessToken)
		refreshed.accepted = true;
}

/** The API refused the token a refresh just issued: refreshing again would not help. */
export function refusedAfterRefresh(
	context: RefreshingContext,
	connection: Connection,
	itemIndex: number | undefined,
	answer: string,
): NodeOperationError {
	return refreshError(
		context,
		connection,
		{ kind: 'refused', detail: answer, at: Date.now() },
		itemIndex,
	);
}

/**
 * Before sending: refreshes a token that expires within the margin, and gets a client-credentials
 * connection its first token (once for all items). When the token endpoint fails and the token
 * still has time left, the request goes out with it.
 */
export async function ensureUsableToken(
	context: RefreshingContext,
	connection: Connection,
	itemIndex: number | undefined,
	marginMs: number,
	timeoutMs: number,
): Promise<Connection> {
	const state = stateOf(context, connection);
	const missing = connection.grantType === 'clientCredentials' && !connection.accessToken;
	if (!missing && !(canRefresh(connection) && expiresWithin(connection, marginMs, state)))
		return connection;
	const paused = recentFailure(state);
	if (paused) {
		if (paused.kind === 'endpoint' && !missing && stillUsable(connection, state)) return connection;
		throw refreshError(context, connection, paused, itemIndex, true);
	}
	const failure = await refreshOnce(
		context,
		connection,
		itemIndex,
		timeoutMs,
		(current) => (missing ? !current.accessToken : expiresWithin(current, marginMs, state)),
		false,
		!missing,
	);
	const current = await loadConnection(context, itemIndex);
	if (failure === undefined) return current;
	if (storedSinceFailure(state, connection, current)) return current;
	const keepsCurrent = failure.kind === 'endpoint' || failure.kind === 'lockHeld';
	if (keepsCurrent && !missing && stillUsable(current, state)) return current;
	throw refreshError(context, current, failure, itemIndex);
}

/**
 * After the API answered `rejected`'s token with the expiry signal (`answer` says who and how):
 * refreshes once, unless that token is the one a refresh just issued (then the refusal persists).
 */
export async function refreshRejectedToken(
	context: RefreshingContext,
	rejected: Connection,
	itemIndex: number | undefined,
	timeoutMs: number,
	answer: string,
): Promise<Connection> {
	const state = stateOf(context, rejected);
	// A token issued to replace a refused one, refused too before the API ever accepted it: the
	// refusal is not about expiry.
	const refusedAgain =
		state.refreshed !== undefined &&
		state.refreshed.afterRefusal &&
		!state.refreshed.accepted &&
		state.refreshed.token === rejected.accessToken &&
		Date.now() - state.refreshed.at < PAUSE_AFTER_FAILURE_MS;
	if (refusedAgain) throw refusedAfterRefresh(context, rejected, itemIndex, answer);
	const paused = recentFailure(state);
	if (paused) throw refreshError(context, rejected, paused, itemIndex, true);
	const failure = await refreshOnce(
		context,
		rejected,
		itemIndex,
		timeoutMs,
		(current) => current.accessToken === rejected.accessToken,
		true,
	);
	const current = await loadConnection(context, itemIndex);
	if (failure === undefined) return current;
	if (storedSinceFailure(state, rejected, current)) return current;
	throw refreshError(context, current, failure, itemIndex);
}
