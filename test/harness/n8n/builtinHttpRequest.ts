/**
 * n8n's own HTTP Request node (n8n-nodes-base) sending a GET with an OAuth2 credential, as the
 * bench, the real-n8n timing and the end-to-end scenarios run it: with this package's credential
 * as a predefined credential type, or with n8n's generic OAuth2 credential.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../nodes/shared/transport/connection';

export const BUILTIN_HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';

/** n8n's generic OAuth2 credential type (n8n-nodes-base's `oAuth2Api`). */
export const GENERIC_OAUTH2_TYPE = 'oAuth2Api';

/**
 * The node's parameters for a GET of `url`: `ours` picks "Any Service OAuth2 API" under
 * predefined credential types, `generic` n8n's generic OAuth2 credential (or a type extending it).
 */
export function builtinHttpRequestGet(
	url: string,
	credential: 'ours' | { genericType: string },
): INodeParameters {
	const authentication =
		credential === 'ours'
			? { authentication: 'predefinedCredentialType', nodeCredentialType: CREDENTIAL_TYPE }
			: { authentication: 'genericCredentialType', genericAuthType: credential.genericType };
	return { method: 'GET', url, ...authentication, options: {} };
}
