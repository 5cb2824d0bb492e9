/**
 * The defaults a user sees in the node panels are the ones the request path applies when an option
 * is not set: both come from nodes/shared/transport/defaults.ts (the panels repeat them as
 * literals, which n8n's linter reads).
 */
import assert from 'node:assert/strict';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { FetchVariables } from '../dist/nodes/FetchVariables/FetchVariables.node.js';
import { OAuth2Connection } from '../dist/nodes/OAuth2Connection/OAuth2Connection.node.js';
import { OAuth2HttpRequest } from '../dist/nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js';
import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_REQUESTS_PER_SECOND,
	DEFAULT_MAX_RESPONSE_BYTES,
	DEFAULT_MAX_TOTAL_MEGABYTES,
	DEFAULT_REFRESH_MARGIN_MS,
	DEFAULT_RETRY_POLICY,
	DEFAULT_TIMEOUT_MS,
	DEFAULT_WARN_REFRESH_TOKEN_DAYS,
	MAX_PAGES_LIMIT,
} from '../nodes/shared/transport/defaults';

/** Every property of a description, options of collections included, by name. */
function propertiesOf(description: INodeTypeDescription): Map<string, INodeProperties> {
	const found = new Map<string, INodeProperties>();
	const visit = (properties: INodeProperties[]) => {
		for (const property of properties) {
			found.set(property.name, property);
			const nested = (property.options ?? []) as INodeProperties[];
			if (property.type === 'collection') visit(nested);
		}
	};
	visit(description.properties);
	return found;
}

function defaultOf(properties: Map<string, INodeProperties>, name: string): unknown {
	const property = properties.get(name);
	assert.ok(property, `no property ${name}`);
	return property.default;
}

const REQUEST_OPTION_DEFAULTS: Record<string, unknown> = {
	concurrency: DEFAULT_CONCURRENCY,
	maxRequestsPerSecond: DEFAULT_MAX_REQUESTS_PER_SECOND,
	maxAttempts: DEFAULT_RETRY_POLICY.maxAttempts,
	maxRetryWaitSeconds: DEFAULT_RETRY_POLICY.maxTotalWaitMs / 1000,
	retryNonIdempotent: DEFAULT_RETRY_POLICY.retryNonIdempotent,
	refreshMarginSeconds: DEFAULT_REFRESH_MARGIN_MS / 1000,
	maxResponseMegabytes: DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024,
	timeout: DEFAULT_TIMEOUT_MS,
};

describe('the node panels show the request path’s defaults', () => {
	for (const [name, node] of [
		['OAuth2 HTTP Request', new OAuth2HttpRequest()],
		['Fetch Variables', new FetchVariables()],
	] as const) {
		test(`${name}: every request option`, () => {
			const properties = propertiesOf(node.description);
			for (const [option, expected] of Object.entries(REQUEST_OPTION_DEFAULTS))
				assert.equal(defaultOf(properties, option), expected, option);
		});
	}

	test('OAuth2 HTTP Request: pagination limits', () => {
		const properties = propertiesOf(new OAuth2HttpRequest().description);
		assert.equal(defaultOf(properties, 'maxTotalMegabytes'), DEFAULT_MAX_TOTAL_MEGABYTES);
		assert.equal(properties.get('maxPages')?.typeOptions?.maxValue, MAX_PAGES_LIMIT);
	});

	test('OAuth2 Connection: timeout and refresh-token warning', () => {
		const properties = propertiesOf(new OAuth2Connection().description);
		assert.equal(defaultOf(properties, 'timeout'), DEFAULT_TIMEOUT_MS);
		assert.equal(defaultOf(properties, 'warnRefreshTokenDays'), DEFAULT_WARN_REFRESH_TOKEN_DAYS);
	});
});
