/**
 * A connection's health as data: the status, who it is signed in as, its scopes and expiries,
 * and for anything but healthy what is wrong and what to click. Never a token.
 */
import type { IDataObject } from 'n8n-workflow';

import { PROVIDER_PRESETS } from '../../credentials/providerPresets';
import {
	type Connection,
	type ConnectionProblem,
	isBrowserGrant,
	missingScopes,
	type TokenFacts,
} from '../shared/transport';

export type HealthStatus = 'healthy' | ConnectionProblem;

export interface Finding {
	status: HealthStatus;
	problem?: string;
	fix?: string;
}

export interface LiveCheck {
	url: string;
	statusCode: number;
	/** The account the check endpoint answered with. */
	account?: string;
}

const DAY_MS = 86_400_000;

function isoOrUndefined(epochMs: number | undefined): string | undefined {
	return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** What the stored data alone says is wrong, if anything. */
export function findFromStoredData(connection: Connection): Finding | undefined {
	if (connection.misconfiguration) {
		return {
			status: 'misconfigured',
			problem: connection.misconfiguration.message,
			fix: connection.misconfiguration.description,
		};
	}
	const browserGrant = isBrowserGrant(connection.grantType);
	if (browserGrant && !connection.accessToken) {
		return {
			status: 'needsReconnect',
			problem: `Connection '${connection.name}' was never connected`,
			fix: 'Open the connection in Credentials and click Connect, then finish the sign-in in the popup.',
		};
	}
	const expired = connection.expiresAt !== undefined && connection.expiresAt <= Date.now();
	if (browserGrant && expired && !connection.hasRefreshToken) {
		return {
			status: 'needsReconnect',
			problem: `The access token of connection '${connection.name}' expired and the provider sent no refresh token`,
			fix: 'Open the connection and click Reconnect. To stay connected, ask for offline access (e.g. the offline_access scope) so the provider issues a refresh token.',
		};
	}
	return undefined;
}

/** A refresh token that the provider says expires within the warning window. */
export function findExpiringRefreshToken(
	connection: Connection,
	facts: TokenFacts,
	warnWithinMs: number,
): Finding | undefined {
	const expiresAt = facts.refreshTokenExpiresAt;
	if (expiresAt === undefined || expiresAt - Date.now() > warnWithinMs) return undefined;
	const days = Math.max(0, Math.floor((expiresAt - Date.now()) / DAY_MS));
	return {
		status: 'needsReconnect',
		problem: `The refresh token of connection '${connection.name}' expires ${new Date(expiresAt).toISOString()} (in ${days} day${days === 1 ? '' : 's'})`,
		fix: 'Open the connection and click Reconnect before then: the provider does not extend it, and the connection stops working when it expires.',
	};
}

/** Scopes asked for and not granted, unless the user accepts narrower grants. */
export function findMissingScopes(
	connection: Connection,
	facts: TokenFacts,
	acceptNarrower: boolean,
): Finding | undefined {
	const missing = missingScopes(facts);
	if (acceptNarrower || missing.length === 0) return undefined;
	return {
		status: 'needsReconnect',
		problem: `Connection '${connection.name}' was granted fewer scopes than it asks for: ${missing.join(', ')} missing`,
		fix: 'Allow the missing scopes for the app at the provider (or have an admin consent to them), then open the connection and click Reconnect. If the narrower grant is intended, remove them from Scopes, or turn on Accept Narrower Scopes in this node.',
	};
}

/** What a check endpoint's answer says, when it is not a success. */
export function findFromCheck(connection: Connection, check: LiveCheck): Finding | undefined {
	const { statusCode } = check;
	if (statusCode < 400) return undefined;
	const where = new URL(check.url).host;
	if (statusCode >= 500) {
		return {
			status: 'unreachable',
			problem: `${where} answered ${statusCode} to the check`,
			fix: 'The provider has trouble on its side: check again later, or look at its status page.',
		};
	}
	if (statusCode === 403) {
		return {
			status: 'needsReconnect',
			problem: `${where} refused the check with 403: the connection is not allowed to read the signed-in account`,
			fix: `Add the scope the check endpoint needs in connection '${connection.name}' and click Reconnect, or set Check URL to an endpoint this connection may call.`,
		};
	}
	return {
		status: 'misconfigured',
		problem: `${where} answered ${statusCode} to the check (${check.url})`,
		fix: 'Set Check URL to an endpoint that answers with the signed-in account, e.g. a userinfo or /me endpoint.',
	};
}

export function buildReport(
	connection: Connection,
	providerId: unknown,
	facts: TokenFacts,
	finding: Finding | undefined,
	check: LiveCheck | undefined,
): IDataObject {
	const preset = PROVIDER_PRESETS.find((entry) => entry.id === providerId);
	const status = finding?.status ?? 'healthy';
	const secondsLeft =
		connection.expiresAt === undefined
			? undefined
			: Math.round((connection.expiresAt - Date.now()) / 1000);
	// A token response without scopes grants what was asked (RFC 6749 5.1); say which it is.
	const scopesFromResponse = (facts.grantedScopes?.length ?? 0) > 0;
	const scopesFromRequest = !scopesFromResponse && facts.requestedScopes.length > 0;
	const report: IDataObject = {
		status,
		connection: connection.name,
		provider: preset?.displayName ?? 'Custom',
		// The id token first, so Check and Get Info name the same account.
		account: facts.idTokenAccount ?? check?.account ?? null,
		grantedScopes: scopesFromResponse
			? facts.grantedScopes
			: scopesFromRequest
				? facts.requestedScopes
				: null,
		grantedScopesFrom: scopesFromResponse ? 'token response' : scopesFromRequest ? 'request' : null,
		missingScopes: missingScopes(facts),
		accessTokenExpiresAt: isoOrUndefined(connection.expiresAt) ?? null,
		accessTokenSecondsLeft: secondsLeft ?? null,
		hasRefreshToken: connection.hasRefreshToken,
		refreshTokenExpiresAt: isoOrUndefined(facts.refreshTokenExpiresAt) ?? null,
		checkedAt: new Date().toISOString(),
		checkedLive: check !== undefined,
		checkUrl: check?.url ?? null,
		checkStatusCode: check?.statusCode ?? null,
	};
	if (finding?.problem) {
		report.problem = finding.problem;
		report.fix = finding.fix ?? '';
	}
	return report;
}
