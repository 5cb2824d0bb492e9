/**
 * Refreshing through the host (its lock and its token storage apply): ahead of expiry, and when a
 * response carries the connection's expiry signal in its body. The host alone reacts to status
 * codes, only after a request failed; these two cases it does not cover.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, loadConnection, type Connection } from './connection';
import { redact } from './redact';
import { settle } from './settle';

type RefreshingContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Refresh when the token has less than this left; the host itself treats 60 s as expired. */
export const DEFAULT_REFRESH_MARGIN_MS = 120_000;

/** One refresh at a time per credential in this process; items waiting on it reuse its result. */
const refreshesInFlight = new Map<string, Promise<void>>();

/** A token with at least this much time left is still sent when refreshing it ahead failed. */
const STILL_USABLE_MS = 15_000;

/** After a failed refresh ahead of expiry, the token endpoint is left alone this long. */
const RETRY_AHEAD_AFTER_MS = 30_000;

/** When refreshing ahead last failed, per credential in this process. */
const aheadRefreshFailedAt = new Map<string, number>();

function credentialIdOf(context: RefreshingContext): string {
	return context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? CREDENTIAL_TYPE;
}

function stillUsable(connection: Connection): boolean {
	return connection.expiresAt !== undefined && connection.expiresAt - Date.now() > STILL_USABLE_MS;
}

/**
 * A token that lives shorter than the margin would count as expiring the moment it is issued, and
 * every item would refresh again: the margin is at most half the token's lifetime.
 */
function expiresWithin(connection: Connection, marginMs: number): boolean {
	const margin =
		connection.lifetimeMs === undefined ? marginMs : Math.min(marginMs, connection.lifetimeMs / 2);
	return connection.expiresAt !== undefined && connection.expiresAt - Date.now() <= margin;
}

function canRefresh(connection: Connection): boolean {
	return connection.grantType === 'clientCredentials' || connection.hasRefreshToken;
}

async function refreshThroughHost(
	context: RefreshingContext,
	connection: Connection,
): Promise<void> {
	const { error } = await settle(
		context.helpers.refreshOAuth2Token.call(context, CREDENTIAL_TYPE, { tokenType: 'Bearer' }),
	);
	if (error === undefined) return;
	// The host's own errors (e.g. "needs to be reconnected" on invalid_grant) already say what to do.
	if (error instanceof NodeOperationError || error instanceof NodeApiError) throw error;
	const message = redact(
		error instanceof Error ? error.message : String(error),
		connection.secrets,
	);
	throw new NodeApiError(context.getNode(), { message } as JsonObject, {
		message: `Could not refresh the token of connection '${connection.name}': ${message}`,
		description:
			'Check that the provider’s token endpoint is reachable. If it keeps failing, open the connection and click Reconnect.',
	});
}

/**
 * Checks and refreshes as one step per credential: items that ask while a refresh is in flight
 * wait for it and then read the token it stored, instead of refreshing again.
 */
async function refreshOnce(
	context: RefreshingContext,
	itemIndex: number | undefined,
	isStillNeeded: (current: Connection) => boolean,
): Promise<Connection> {
	const credentialId = credentialIdOf(context);
	let refresh = refreshesInFlight.get(credentialId);
	if (refresh === undefined) {
		refresh = (async () => {
			const current = await loadConnection(context, itemIndex);
			if (isStillNeeded(current)) await refreshThroughHost(context, current);
		})();
		refreshesInFlight.set(credentialId, refresh);
		const settled = refresh;
		void settled.then(
			() => refreshesInFlight.delete(credentialId),
			() => refreshesInFlight.delete(credentialId),
		);
	}
	await refresh;
	return await loadConnection(context, itemIndex);
}

/**
 * Refreshes a token that expires within the margin, so no request is sent with it. When the token
 * endpoint fails (it is down, not a revoked grant) and the token still has time left, the request
 * goes out with it, and the endpoint is asked again only after a pause.
 */
export async function refreshIfExpiring(
	context: RefreshingContext,
	connection: Connection,
	itemIndex: number | undefined,
	marginMs: number,
): Promise<Connection> {
	if (!expiresWithin(connection, marginMs) || !canRefresh(connection)) return connection;
	const credentialId = credentialIdOf(context);
	const failedAt = aheadRefreshFailedAt.get(credentialId);
	if (
		failedAt !== undefined &&
		Date.now() - failedAt < RETRY_AHEAD_AFTER_MS &&
		stillUsable(connection)
	) {
		return connection;
	}
	const outcome = await settle(
		refreshOnce(context, itemIndex, (current) => expiresWithin(current, marginMs)),
	);
	if (outcome.value !== undefined) {
		aheadRefreshFailedAt.delete(credentialId);
		return outcome.value;
	}
	// A NodeOperationError is the host's "needs to be reconnected": the grant is gone, stop here.
	if (outcome.error instanceof NodeApiError && stillUsable(connection)) {
		aheadRefreshFailedAt.set(credentialId, Date.now());
		return connection;
	}
	throw outcome.error;
}

/** Refreshes after the API rejected `rejectedToken`, unless it was already replaced. */
export async function refreshRejectedToken(
	context: RefreshingContext,
	connection: Connection,
	itemIndex: number | undefined,
): Promise<Connection> {
	const rejectedToken = connection.accessToken;
	return await refreshOnce(context, itemIndex, (current) => current.accessToken === rejectedToken);
}
