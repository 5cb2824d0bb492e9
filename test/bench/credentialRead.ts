/**
 * What one read of a credential costs n8n (issue 25): n8n's HTTP Request node reads the
 * credential three times per item, and each read applies the defaults of every field (display
 * options decide which are kept) and evaluates every `={{ }}` field. Reads resolved the way n8n's
 * CredentialsHelper does (test/harness/resolveCredential.ts) under n8n's vm engine, one workflow
 * and isolate for all of them, as in a running execution. Microseconds per read, medians.
 *
 * Variants: n8n's generic OAuth2 credential as is, with one and with four constant expressions
 * (the fields every preset must derive); this credential for a Basic-header preset (Spotify), a
 * body preset (Google) and Custom; and this credential with its expression fields made constants
 * (the cost of its fields alone), without its notices, or with a single expression field left.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	applyDefaults,
	credentialProperties,
	credentialWorkflow,
	resolveIn,
} from '../harness/resolveCredential';
import { ensureExpressionEngine } from '../harness/expressionEngine';
import { loadBuiltinHttpRequest } from './builtin';
import { loadGenericOAuth2Properties } from './generic';
import { median, round } from './stats';

const READS = Number(process.env.BENCH_CREDENTIAL_READS ?? 1500);

const tokenData = {
	access_token: 'bench-access',
	refresh_token: 'bench-refresh',
	token_type: 'Bearer',
	expires_in: 3600,
	n8n_expires_at: String(Date.now() + 3_600_000),
};

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** This credential's fields with every expression default but `keep`'s made a constant. */
function withExpressionsOnly(keep: string[]): INodeProperties[] {
	return credentialProperties().map((property) =>
		isExpression(property.default) && !keep.includes(property.name)
			? { ...property, default: 'constant' }
			: property,
	);
}

export async function credentialRead(): Promise<Record<string, unknown>> {
	await ensureExpressionEngine();
	const workflow = credentialWorkflow();
	await workflow.expression.acquireIsolate();
	const read = (properties: INodeProperties[], stored: Record<string, unknown>) =>
		resolveIn(workflow, applyDefaults(stored, properties));
	/** Median microseconds per read over three batches, after a warm-up. */
	const measure = (properties: INodeProperties[], stored: Record<string, unknown>) => {
		for (let index = 0; index < 100; index++) read(properties, stored);
		const batches = [0, 1, 2].map(() => {
			const started = performance.now();
			for (let index = 0; index < READS / 3; index++) read(properties, stored);
			return ((performance.now() - started) * 1000) / (READS / 3);
		});
		return round(median(batches), 0);
	};

	const builtin = await loadBuiltinHttpRequest();
	const generic = loadGenericOAuth2Properties(builtin.install);
	const genericStored = {
		grantType: 'authorizationCode',
		authUrl: 'https://auth.example.com/authorize',
		accessTokenUrl: 'https://auth.example.com/token',
		clientId: 'bench-client',
		clientSecret: 'bench-secret',
		scope: 'contacts.read',
		authentication: 'header',
		allowedHttpRequestDomains: 'domains',
		allowedDomains: 'api.example.com',
		oauthTokenData: tokenData,
	};
	const constant = (value: string) => `={{ ${JSON.stringify(value)} }}`;
	const ours = (provider: string, extra: Record<string, unknown> = {}) => ({
		grantType: 'authorizationCode',
		provider,
		appClientId: 'bench-client',
		appClientSecret: 'bench-secret',
		oauthTokenData: tokenData,
		...extra,
	});
	const custom = ours('custom', {
		customAuthUrl: 'https://auth.example.com/authorize',
		customTokenUrl: 'https://auth.example.com/token',
		customApiBaseUrl: 'https://api.example.com',
	});
	const all = credentialProperties();
	const expressionFields = all.filter((property) => isExpression(property.default));
	const figures: Record<string, unknown> = {
		credential_read_reads: READS,
		credential_read_us_generic: measure(generic, genericStored),
		credential_read_us_generic_one_expression: measure(generic, {
			...genericStored,
			scope: constant('contacts.read'),
		}),
		credential_read_us_generic_four_expressions: measure(generic, {
			...genericStored,
			authUrl: constant(genericStored.authUrl),
			accessTokenUrl: constant(genericStored.accessTokenUrl),
			scope: constant('contacts.read'),
			allowedDomains: constant('api.example.com'),
		}),
		credential_read_us_ours_spotify: measure(all, ours('spotify')),
		credential_read_us_ours_google: measure(all, ours('google')),
		credential_read_us_ours_custom: measure(all, custom),
		credential_read_us_ours_fields_only: measure(withExpressionsOnly([]), ours('google')),
		credential_read_us_ours_fields_only_without_notices: measure(
			withExpressionsOnly([]).filter((property) => property.type !== 'notice'),
			ours('google'),
		),
		credential_read_ours_fields: all.length,
		credential_read_ours_notices: all.filter((property) => property.type === 'notice').length,
	};
	for (const field of expressionFields) {
		figures[`credential_read_us_ours_google_only_${field.name}`] = measure(
			withExpressionsOnly([field.name]),
			ours('google'),
		);
	}
	await workflow.expression.releaseIsolate();
	return figures;
}
