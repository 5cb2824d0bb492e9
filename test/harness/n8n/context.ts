// What every scenario gets: the running servers, the REST client and small helpers.
import type { OpenIdServer } from '../openIdProvider';
import type { N8nRest, N8nServer } from './server';
import type { N8nInstall } from './install';
import type { ResourceServer } from '../resourceServer';

import { CREDENTIAL_TYPE as PACKAGE_CREDENTIAL_TYPE } from '../../../nodes/shared/transport/connection';

/** The credential type name; e2e/run.ts confirms it from the HTTP node's description (it was renamed once). */
export let CREDENTIAL_TYPE = PACKAGE_CREDENTIAL_TYPE;

export function setCredentialType(name: string): void {
	CREDENTIAL_TYPE = name;
}
export const NODE_TYPES = {
	httpRequest: 'n8n-nodes-oauth2-connections.oAuth2HttpRequest',
	fetchVariables: 'n8n-nodes-oauth2-connections.fetchVariables',
	connection: 'n8n-nodes-oauth2-connections.oAuth2Connection',
};

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string; required?: boolean }>;
	properties: Array<{
		name: string;
		type: string;
		default?: unknown;
		options?: Array<{ value?: unknown; name: string }>;
		displayOptions?: unknown;
	}>;
}

export interface CredentialTypeDescription {
	name: string;
	displayName: string;
	properties: Array<{
		name: string;
		type: string;
		default?: unknown;
		displayOptions?: { show?: Record<string, unknown[]> };
		options?: Array<{ value?: unknown; name: string }>;
	}>;
}

export interface E2eContext {
	install: N8nInstall;
	auth: OpenIdServer;
	/** The same kind of server over HTTPS, standing in for Keycloak (the preset's URLs are https://). */
	keycloak?: OpenIdServer;
	api: ResourceServer;
	n8n: N8nServer;
	rest: N8nRest;
	workDir: string;
	screenshotDir: string;
	/** Decodes n8n's flatted execution data. */
	parseFlatted: (text: string) => unknown;
	credentialType?: CredentialTypeDescription;
	nodeTypes: Map<string, NodeTypeDescription>;
	/** Resets what the auth and resource servers recorded. */
	clearRecords(): void;
}

export interface Scenario {
	name: string;
	/** Why it cannot run here (a node type missing, ...); undefined when it can. */
	skip?: (ctx: E2eContext) => string | undefined;
	run: (ctx: E2eContext) => Promise<void>;
	timeoutMs?: number;
}
