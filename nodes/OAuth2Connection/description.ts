import type { INodeProperties } from 'n8n-workflow';

export const healthProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'check',
		options: [
			{
				name: 'Check',
				value: 'check',
				action: 'Check a connection',
				description:
					'Call the connection’s check endpoint with its token (refreshing it when due) and report its health',
			},
			{
				name: 'Refresh',
				value: 'refresh',
				action: 'Refresh a connection',
				description:
					'Refresh the token now (once per run, however many items come in), so an idle connection stays alive, then report its health in every item',
			},
			{
				name: 'Get Info',
				value: 'getInfo',
				action: 'Get connection info',
				description: 'Report what the stored token data says, without any request',
			},
		],
	},
	{
		displayName:
			'For a custom API call, use the OAuth2 HTTP Request node with this connection: this node only checks connections.',
		name: 'customApiCallNotice',
		type: 'notice',
		default: '',
		// The value n8n gives the "Custom API Call" operation it adds.
		displayOptions: { show: { operation: ['__CUSTOM_API_CALL__'] } },
	},
	{
		displayName: 'Check URL',
		name: 'checkUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. /me or https://api.example.com/v1/users/me',
		description:
			'An endpoint that answers with the signed-in account (a userinfo or "me" endpoint), absolute or relative to the API base URL. Empty: the preset’s own; a Custom connection without one is checked from its stored data only.',
		displayOptions: { show: { operation: ['check', 'refresh'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Warn When the Refresh Token Expires Within (Days)',
				name: 'warnRefreshTokenDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 7,
				description:
					'A connection whose refresh token expires sooner goes to Needs Attention, so it can be reconnected before it stops working (where the provider says when it expires)',
			},
			{
				displayName: 'Accept Narrower Scopes',
				name: 'acceptNarrowerScopes',
				type: 'boolean',
				default: false,
				description:
					'Whether a connection granted fewer scopes than it asks for stays Healthy (missingScopes still lists them); off, it goes to Needs Attention',
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30000,
				description: 'Time to wait for the check endpoint and for the token endpoint',
			},
		],
	},
];
