/**
 * The fields n8n's credential modal shows, top to bottom, computed the way the host builds the
 * form: n8n's own `oAuth2Api` (from the pinned n8n install, with the domain fields n8n injects)
 * first, this credential's fields merged over it (a redeclared field keeps the parent's place),
 * then each field shown when its display options match the defaults and the given values.
 * The end-to-end suite checks the same order in the real modal.
 */
import path from 'node:path';

import {
	injectDomainRestrictionFields,
	NodeHelpers,
	type ICredentialType,
	type INodeParameters,
	type INodeProperties,
} from 'n8n-workflow';

function hostOAuth2Api(install: string): ICredentialType {
	const file = path.join(
		install,
		'node_modules/n8n-nodes-base/dist/credentials/OAuth2Api.credentials.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { OAuth2Api } = require(file) as { OAuth2Api: new () => ICredentialType };
	const type = new OAuth2Api();
	return { ...type, properties: injectDomainRestrictionFields(type) };
}

export function mergedCredentialProperties(
	install: string,
	ours: ICredentialType,
): INodeProperties[] {
	// As the host's CredentialsHelper: the parent's `doNotInherit` fields stay with the parent.
	const properties: INodeProperties[] = [];
	NodeHelpers.mergeNodeProperties(properties, hostOAuth2Api(install).properties);
	NodeHelpers.mergeNodeProperties(properties, injectDomainRestrictionFields(ours));
	return properties;
}

/** Display names of the fields shown for these values (notices as `notice`), in order. */
export function visibleFieldLabels(
	install: string,
	ours: ICredentialType,
	values: Record<string, unknown>,
): string[] {
	const properties = mergedCredentialProperties(install, ours);
	const data: Record<string, unknown> = Object.fromEntries(
		properties.map((property) => [property.name, property.default]),
	);
	Object.assign(data, values);
	return properties
		.filter((property) => property.type !== 'hidden')
		.filter((property) =>
			NodeHelpers.displayParameter(data as INodeParameters, property, null, null),
		)
		.map((property) => (property.type === 'notice' ? 'notice' : property.displayName));
}

/** The sections of the form, in their order. */
const CLIENT_AND_SCOPES = ['Client ID', 'Client Secret', 'Scopes', 'notice'];
const CUSTOM_SETTINGS = [
	'Authorization URL',
	'Access Token URL',
	'Send Client Secret In',
	'Scope Separator',
	'API Base URL',
	'API Base URL From Token Response',
	'Trust Any API Host From Token Response',
];
const ADVANCED = [
	'Extra Authorization Parameters',
	'Extra Token Parameters',
	'Resource',
	'Token Expired Status Codes',
	'Token Expired Response Path',
	'Allowed HTTP Request Domains',
	'Allowed Domains',
];

/**
 * What the modal must show, top to bottom. Grant Type stays first: it is n8n's own field, because
 * the editor shows the OAuth Redirect URL and Connect only from its stored value.
 */
export const EXPECTED_FORM_ORDER = {
	custom: [
		'Grant Type',
		'Provider',
		...CLIENT_AND_SCOPES,
		...CUSTOM_SETTINGS,
		'Client Secret or Private Key',
		...ADVANCED,
	],
	keycloak: [
		'Grant Type',
		'Provider',
		'notice',
		'Keycloak Host',
		'Keycloak Realm',
		...CLIENT_AND_SCOPES,
		...ADVANCED,
	],
};
