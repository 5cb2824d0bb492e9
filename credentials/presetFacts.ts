/**
 * Written from the catalogue re-verification of 2026-12-03 (issue 23), one research note per
 * preset; edited by hand since.
 * Per preset and per fact, the provider's page (with its section anchor) that states what the
 * row holds, a short quote, and the date it was read; or why the fact is unconfirmed (with the
 * lead that was found, if any), or why it does not apply. `open`: the provider documents more
 * than the row can hold yet (docs/catalogue-todo.md). test/presetFacts.test.ts checks that every
 * preset has every fact and that pages are on the provider's own domains.
 */

export const PRESET_FACT_KEYS = [
	'authUrl',
	'tokenUrl',
	'tokenAuthMethod',
	'pkce',
	'scopeSeparator',
	'refreshScopes',
	'tokenLifetimes',
	'grants',
	'clientCredentialsScopes',
	'apiBaseUrl',
	'apiHosts',
	'tokenResponseHost',
	'checkRequest',
	'consoleSettings',
	'regions',
] as const;

export type PresetFactKey = (typeof PRESET_FACT_KEYS)[number];

export type PresetFactRecord =
	| { page: string; quote?: string; readOn: string; note?: string; open?: string }
	| { unconfirmed: string; lead?: string; open?: string }
	| { notApplicable: string };

/** Confirmed: the provider's page states what the row holds, and nothing is left open. */
export function isConfirmedFact(record: PresetFactRecord): boolean {
	return 'page' in record && !record.open;
}

/** The provider's own documentation per preset: a host suffix, or a GitHub owner holding its API docs. */
export const PRESET_DOC_DOMAINS: Record<string, string[]> = {
	adobeIms: ['adobe.com'],
	airtable: ['airtable.com'],
	amazonCognito: ['aws.amazon.com', 'github.com/awsdocs'],
	apigee: ['google.com', 'googleapis.com'],
	asana: ['asana.com'],
	atlassian: ['atlassian.com'],
	attio: ['attio.com'],
	auth0: ['auth0.com'],
	authelia: ['authelia.com', 'github.com/authelia'],
	authentik: ['goauthentik.io', 'github.com/goauthentik'],
	aWeber: ['aweber.com'],
	autodeskPlatformServices: ['autodesk.com'],
	basecamp: ['github.com/basecamp', '37signals.com', 'basecamp.com'],
	bitbucketCloud: ['atlassian.com', 'bitbucket.org'],
	box: ['box.com'],
	calendly: ['calendly.com'],
	canva: ['canva.dev', 'canva.com'],
	clickUp: ['clickup.com'],
	close: ['close.com'],
	constantContact: ['constantcontact.com'],
	datadog: ['docs.datadoghq.com', 'github.com/DataDog'],
	dailymotion: ['dailymotion.com'],
	digitalOcean: ['digitalocean.com', 'github.com/digitalocean'],
	discord: ['discord.com'],
	docuSign: ['docusign.com'],
	dropbox: ['dropbox.com', 'dropbox.tech'],
	etsy: ['etsy.com'],
	forgejo: ['forgejo.org'],
	fortnox: ['fortnox.se'],
	freshBooks: ['freshbooks.com'],
	front: ['frontapp.com'],
	fusionAuth: ['fusionauth.io', 'github.com/FusionAuth'],
	genesysCloud: ['genesys.cloud', 'genesys.com', 'github.com/MyPureCloud'],
	gitea: ['gitea.com', 'github.com/go-gitea'],
	gitHub: ['docs.github.com', 'github.blog'],
	gitLab: ['gitlab.com'],
	google: ['google.com', 'googleapis.com'],
	gorgias: ['gorgias.com'],
	goTo: ['goto.com', 'logmeininc.com', 'logmein.com'],
	gusto: ['gusto.com'],
	harvest: ['getharvest.com'],
	helpScout: ['helpscout.com'],
	hubSpot: ['hubspot.com'],
	intercom: ['intercom.com', 'intercom-developer-hub.readme.io'],
	keycloak: ['keycloak.org'],
	kick: ['kick.com', 'github.com/KickEngineering'],
	kinde: ['kinde.com', 'github.com/kinde-oss'],
	klaviyo: ['klaviyo.com'],
	linear: ['linear.app'],
	linkedIn: ['learn.microsoft.com', 'linkedin.com'],
	loginWithAmazon: ['amazon.com'],
	logto: ['logto.io', 'github.com/logto-io'],
	mailchimp: ['mailchimp.com', 'github.com/mailchimp'],
	mastodon: ['joinmastodon.org', 'github.com/mastodon'],
	mattermost: ['mattermost.com', 'github.com/mattermost'],
	meta: ['facebook.com'],
	microsoftDynamics365: ['learn.microsoft.com'],
	microsoftEntraId: ['learn.microsoft.com'],
	microsoftOutlook: ['learn.microsoft.com'],
	microsoftSharePoint: ['learn.microsoft.com'],
	miro: ['miro.com'],
	mollie: ['mollie.com'],
	mondayCom: ['monday.com'],
	mural: ['mural.co'],
	myob: ['myob.com', 'myobdev.com'],
	netSuite: ['docs.oracle.com'],
	notion: ['notion.com'],
	okta: ['okta.com'],
	oktaCustomAuthServer: ['okta.com'],
	osu: ['osu.ppy.sh', 'github.com/ppy'],
	oryNetwork: ['ory.sh', 'ory.com', 'github.com/ory'],
	oura: ['ouraring.com'],
	oneLogin: ['onelogin.com'],
	outreach: ['outreach.io', 'github.com/getoutreach'],
	pagerDuty: ['pagerduty.com', 'github.com/PagerDuty'],
	pandaDoc: ['pandadoc.com', 'github.com/PandaDoc'],
	patreon: ['patreon.com', 'github.com/Patreon'],
	payPal: ['paypal.com'],
	pinterest: ['pinterest.com'],
	pipedrive: ['pipedrive.com', 'pipedrive.readme.io'],
	procore: ['procore.com', 'github.com/procore'],
	quickBooks: ['intuit.com'],
	reddit: ['github.com/reddit-archive', 'reddit.com', 'redditinc.com'],
	ringCentral: ['ringcentral.com', 'github.com/ringcentral', 'ringcentral.github.io'],
	sageAccounting: ['sage.com'],
	salesforce: ['salesforce.com'],
	salesloft: ['salesloft.com'],
	serviceNow: ['servicenow.com'],
	shopify: ['shopify.dev', 'shopify.com'],
	slack: ['slack.dev', 'slack.com'],
	smartsheet: ['smartsheet.com'],
	spotify: ['spotify.com'],
	square: ['squareup.com'],
	stackExchange: ['api.stackexchange.com', 'stackapps.com', 'meta.stackexchange.com'],
	strava: ['strava.com', 'strava.github.io'],
	stripeConnect: ['stripe.com'],
	supabase: ['supabase.com', 'github.com/supabase'],
	teamleaderFocus: ['github.com/teamleadercrm', 'teamleader.eu'],
	teslaFleetApi: ['developer.tesla.com'],
	todoist: ['todoist.com'],
	tumblr: ['tumblr.com', 'github.com/tumblr'],
	twitch: ['twitch.tv'],
	twitter: ['x.com', 'twitter.com'],
	typeform: ['typeform.com'],
	vimeo: ['vimeo.com'],
	vismaConnect: ['vismasoftware.no', 'visma.com'],
	webflow: ['webflow.com'],
	whoop: ['whoop.com'],
	wrike: ['wrike.com'],
	xero: ['xero.com'],
	yandex: ['yandex.com', 'yandex.ru'],
	zendesk: ['zendesk.com'],
	zitadel: ['zitadel.com', 'github.com/zitadel'],
	zoho: ['zoho.com'],
	zoom: ['zoom.us', 'github.com/zoom'],
};

export const PRESET_FACTS: Record<string, Record<PresetFactKey, PresetFactRecord>> = {
	adobeIms: {
		authUrl: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#openid-configuration',
			quote: '"authorization_endpoint": "https://ims-na1.adobelogin.com/ims/authorize/v2"',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#openid-configuration',
			quote: '"token_endpoint": "https://ims-na1.adobelogin.com/ims/token/v3"',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#fetching-access-tokens',
			quote:
				'`authorization`| Required for confidential clients|Basic Authorization header.`Authorization: Basic Base64(clientId:clientSecret)`',
			readOn: '2026-12-03',
			note: 'research not followed: The page confirms the row (Basic header) for the authorization code; the research names no page where Basic fails for client credentials, and Adobe discovery lists client_secret_basic and client_secret_post.',
		},
		pkce: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#authorize-request',
			quote: '`code_challenge`|Required for Public Clients|',
			readOn: '2026-12-03',
			note: "Optional for OAuth Web App (confidential) credentials; the Web App request example has no code_challenge; S256 and plain accepted. Resolves the row's unconfirmed PKCE item.",
		},
		scopeSeparator: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#authorize-request',
			quote:
				'The requested scopes in the form of a list of space or comma-delimited, case-sensitive strings.',
			readOn: '2026-12-03',
			note: "Both accepted on authorize; the Server-to-Server token request says 'The list of comma separated scopes'. Resolves the row's unconfirmed separator item.",
		},
		refreshScopes: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#fetching-access-tokens',
			quote:
				'The refresh token is only present if the `offline_access` scope is requested in the authorize step and subsequently consented to by the user.',
			readOn: '2026-12-03',
			note: "'Please note that not all APIs and Services support the offline_access scope' (#refreshing-access-tokens).",
		},
		tokenLifetimes: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#fetching-access-tokens',
			quote: '`refresh_token`|Generated refresh token. By default they expire in 14 days.|',
			readOn: '2026-12-03',
			note: "Access: 'Generated access token. By default they expire in 24 hours.' The refresh response returns a new refresh_token (#refreshing-access-tokens sample). Resolves the row's unconfirmed lifetime item.",
		},
		grants: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims#fetching-access-tokens',
			quote:
				'The OAuth Server-to-server credential uses the `client_credentials` grant to generate access tokens.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims#fetching-access-tokens',
			quote:
				'`scope` | Yes | The list of comma separated scopes you are requesting. To see the scopes available to your credential, visit your project on the Adobe Developer Console',
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes)',
		},
		apiBaseUrl: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#userinfo',
			quote:
				"curl -X GET 'https://ims-na1.adobelogin.com/ims/userinfo/v2?client_id={YOUR_CLIENT_ID}'",
			readOn: '2026-12-03',
			note: 'Only IMS itself is on this host; product APIs are on their own *.adobe.io hosts (e.g. api.adobe.io, lr.adobe.io), so relative paths only fit IMS calls.',
		},
		apiHosts: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims#list-all-client-secrets',
			quote:
				"curl -X GET 'https://api.adobe.io/console/organizations/{org_id}/credentials/{credential_id}/secrets'",
			readOn: '2026-12-03',
			note: "AEM as a Cloud Service OpenAPIs (a row source, experienceleague 'invoke-api-using-oauth-web-app') are called on author-p<program>-e<env>.adobeaemcloud.com, not *.adobe.io: add *.adobeaemcloud.com if AEM is in scope (not re-read today: unconfirmed).",
		},
		tokenResponseHost: { notApplicable: 'Token response has no host field.' },
		checkRequest: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#userinfo',
			quote: '|`sub`|`openid`|The user ID|',
			readOn: '2026-12-03',
			note: 'Row: no check with client credentials (userinfo names a user).',
		},
		consoleSettings: {
			page: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims#refreshing-access-tokens',
			quote:
				'A refresh token is only presented when the `offline_access` scope is requested in the authorize step.',
			readOn: '2026-12-03',
			note: 'No console toggle documented; offline_access must be among the scopes the API offers for the credential (not all APIs support it).',
		},
		regions: { notApplicable: 'IMS documents only ims-na1.adobelogin.com.' },
	},
	airtable: {
		authUrl: {
			page: 'https://airtable.com/developers/web/api/oauth-reference#authorization-request',
			quote: 'GET https://airtable.com/oauth2/v1/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			unconfirmed:
				"the page was not quoted this round: Section 'Token creation request' listed in the page's table of contents; URL also in Airtable's own example (github.com/Airtable/oauth-example index.js: url: `${baseUrl}/oauth2/v1/token`). Quote from the section body not in the excerpt. Re-tried 2026-12-03: the stored copies of the oauth-reference page (html and .md) stop at the table of contents and the authorization request; the token section body is not stored.",
			lead: 'https://airtable.com/developers/web/api/oauth-reference#token-creation-request',
		},
		tokenAuthMethod: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/Airtable/oauth-example/blob/main/index.js',
		},
		pkce: {
			page: 'https://airtable.com/developers/web/api/oauth-reference#authorization-request-query',
			quote:
				'code_challenge | The base64 url-encoding of the sha256 of the code_verifier you generated for the request.',
			readOn: '2026-12-03',
			note: 'Listed among the authorization query parameters; code_challenge_method is the string "S256".',
		},
		scopeSeparator: {
			page: 'https://airtable.com/developers/web/api/oauth-reference#authorization-request-query',
			quote: 'scope | A string that is a space delimited list of unique scopes.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			unconfirmed:
				'No scope is needed for a refresh token as far as the excerpts show; section body not read.',
			lead: 'https://airtable.com/developers/web/api/oauth-reference#token-expiry-refresh-tokens',
		},
		tokenLifetimes: {
			unconfirmed:
				"Section exists (TOC 'Token expiry & refresh tokens') but its text was not in the excerpts; rotation (old refresh token invalidated on use) and 60 days are from Nango's blog only. Keep as unconfirmed but n8n must store the new refresh token.",
			lead: 'https://airtable.com/developers/web/api/oauth-reference#token-expiry-refresh-tokens',
		},
		grants: {
			unconfirmed:
				'Only the authorization code routes are documented; no client-credentials route found.',
			lead: 'https://airtable.com/developers/web/api/oauth-reference#routes',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://airtable.com/developers/web/api/get-user-id-scopes',
			quote: 'get https://api.airtable.com/v0/meta/whoami',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://airtable.com/developers/web/api/upload-attachment',
			quote:
				'posthttps://content.airtable.com/v0/{baseId}/{recordId}/{attachmentFieldIdOrName}/uploadAttachment',
			readOn: '2026-12-03',
			note: 'fixed in the row: content.airtable.com added to allowedDomains',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			page: 'https://airtable.com/developers/web/api/get-user-id-scopes',
			quote: 'Scope | No scopes are required for this endpoint',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://airtable.com/developers/web/api/oauth-reference#authorization-request-query',
			quote:
				'Important: In order to use an integration outside of development your integration you will need to set a valid Terms of Service URL, Support Email, and Privacy Policy URL',
			readOn: '2026-12-03',
			note: 'fixed in the row: setupHint names the Terms of Service URL, Support Email and Privacy Policy URL',
		},
		regions: { unconfirmed: 'No regional hosts documented.' },
	},
	amazonCognito: {
		authUrl: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/authorization-endpoint.md#sample-authorization-code-grant',
			quote: 'GET https://mydomain.auth.us-east-1.amazoncognito.com/oauth2/authorize?',
			readOn: '2026-12-03',
			note: "AWS's own developer-guide source repository (awsdocs). The host is the user pool domain: the prefix domain <prefix>.auth.<region>.amazoncognito.com or a custom domain.",
		},
		tokenUrl: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/token-endpoint.md#post-token-positive-exchanging-authorization-code-for-tokens',
			quote: 'POST https://mydomain.auth.us-east-1.amazoncognito.com/oauth2/token',
			readOn: '2026-12-03',
			note: "Current page (docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): 'The OAuth 2.0 token endpoint at /oauth2/token issues JSON web tokens (JWTs)'.",
		},
		tokenAuthMethod: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/token-endpoint.md#post-token-request-parameters',
			quote:
				'If the client was issued a secret, the client can pass its `client_id` and `client_secret` in the authorization header as `client_secret_basic` HTTP authorization',
			readOn: '2026-12-03',
			note: "The same section adds client_secret_post ('You can also include the client_id and client_secret in the request body'); the preset sends Basic. Read on the repository's main branch (the developer guide's source, archived by AWS).",
		},
		pkce: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/authorization-endpoint.md#get-authorize-request-parameters',
			quote:
				'The PKCE RFC defines two methods, S256 and plain; however, Amazon Cognito authentication server supports only S256',
			readOn: '2026-12-03',
			note: 'code_challenge_method is optional.',
		},
		scopeSeparator: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/authorization-endpoint.md#get-authorize-request-parameters',
			quote: 'Scopes must be separated by spaces',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/token-endpoint.md#post-token-request-parameters-in-body',
			quote:
				'The token endpoint returns `refresh_token` only when the `grant_type` is `authorization_code`',
			readOn: '2026-12-03',
			note: 'Every code exchange returns a refresh token; no scope or parameter asks for it.',
		},
		tokenLifetimes: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/amazon-cognito-user-pools-using-the-refresh-token.md',
			quote:
				'By default, the refresh token expires 30 days after your application user signs into your user pool',
			readOn: '2026-12-03',
			note: 'Refresh token expiration is fixed from sign-in, not extended by refreshing; rotation (an optional newer app client setting) not read.',
		},
		grants: {
			page: 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html',
			quote:
				'The OAuth 2.0 token endpoint at /oauth2/token issues JSON web tokens (JWTs) to applications that want to complete authorization-code and client-credentials grant flows.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/token-endpoint.md#post-token-request-parameters-in-body',
			quote:
				"If the client doesn't request any scopes, the authentication server uses all custom scopes associated with the client.",
			readOn: '2026-12-03',
			note: "The scope parameter: 'Can be a combination of any custom scopes associated with a client'. The preset sends no default scope on client credentials (the defaults are OpenID scopes only).",
		},
		apiBaseUrl: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/userinfo-endpoint.md#get-userinfo-positive-exchanging-authorization-code-for-userinfo-sample-request',
			quote: 'GET https://<your-user-pool-domain>/oauth2/userInfo',
			readOn: '2026-12-03',
			note: "The APIs a Cognito token protects are the user's own (API Gateway, ...): they add those hosts to the allowed domains.",
		},
		apiHosts: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/userinfo-endpoint.md#get-userinfo-positive-exchanging-authorization-code-for-userinfo-sample-request',
			quote: 'GET https://<your-user-pool-domain>/oauth2/userInfo',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/userinfo-endpoint.md#get-userinfo',
			quote: 'The `openid` scope must be one of the access token claims.',
			readOn: '2026-12-03',
			note: 'userInfo page, intro; openid is in the default scopes. Client credentials tokens have no user: no check on that grant.',
		},
		consoleSettings: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/amazon-cognito-user-pools-using-the-refresh-token.md',
			quote:
				"When you create an application for your user pool, you can set the application's refresh token expiration to any value between 60 minutes and 10 years.",
			readOn: '2026-12-03',
			note: 'Console menu names in the setup hint are from the current console, not quoted.',
		},
		regions: {
			page: 'https://github.com/awsdocs/amazon-cognito-developer-guide/blob/main/doc_source/authorization-endpoint.md#sample-authorization-code-grant',
			quote: 'GET https://mydomain.auth.us-east-1.amazoncognito.com/oauth2/authorize?',
			readOn: '2026-12-03',
		},
	},
	apigee: {
		authUrl: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient',
			quote: 'https://accounts.google.com/o/oauth2/v2/auth',
			readOn: '2026-12-03',
			note: 'Shared Google constants (GOOGLE_AUTH_URL); see google.json.',
		},
		tokenUrl: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code',
			quote: 'POST /token HTTP/1.1 Host: oauth2.googleapis.com',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://accounts.google.com/.well-known/openid-configuration',
			quote:
				'"token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"]',
			readOn: '2026-12-03',
			note: "Row's 'body' works.",
		},
		pkce: {
			page: 'https://accounts.google.com/.well-known/openid-configuration',
			quote: '"code_challenge_methods_supported": ["plain", "S256"]',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient',
			quote:
				"A space-delimited list of scopes that identify the resources that your application could access on the user's behalf.",
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#offline',
			quote:
				'Set the value to offline if your application needs to refresh access tokens when the user is not present at the browser.',
			readOn: '2026-12-03',
			note: 'Row sends both as authQueryParameters.',
		},
		tokenLifetimes: {
			page: 'https://developers.google.com/identity/protocols/oauth2#expiration',
			quote:
				'A Google Cloud Platform project with an OAuth consent screen configured for an external user type and a publishing status of "Testing" is issued a refresh token expiring in 7 days',
			readOn: '2026-12-03',
			note: '7 days in Testing (External), 6 months unused otherwise',
		},
		grants: {
			page: 'https://developers.google.com/identity/protocols/oauth2#serviceaccount',
			quote: 'use service accounts',
			readOn: '2026-12-03',
			note: 'Server-to-server is service-account JWT bearer, not client_credentials.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://cloud.google.com/apigee/docs/reference/apis/apigee/rest/v1/organizations/get',
			quote: 'GET https://apigee.googleapis.com/v1/{name=organizations/*}',
			readOn: '2026-12-03',
			note: 'Global host confirmed; regional hosts see regions.',
		},
		apiHosts: {
			page: 'https://cloud.google.com/apigee/docs/hybrid/v1.12/using-data-residency-with-apigee-hybrid',
			quote:
				'United States us (multiple regions in United States) Service endpoint: us-apigee.googleapis.com',
			readOn: '2026-12-03',
			note: 'Row: Apigee API Host field, apigee.googleapis.com (the default) or {location}-apigee.googleapis.com, held to that pattern.',
		},
		tokenResponseHost: { notApplicable: 'Token response names no host.' },
		checkRequest: {
			page: 'https://cloud.google.com/apigee/docs/reference/apis/apigee/rest/v1/organizations/get',
			quote:
				'Authorization requires the following IAM permission on the specified resource name: apigee.organizations.get',
			readOn: '2026-12-03',
			note: "Default scope cloud-platform is what the method requires ('Requires the following OAuth scope: https://www.googleapis.com/auth/cloud-platform'). A data-residency org needs the regional host.",
		},
		consoleSettings: {
			page: 'https://developers.google.com/identity/protocols/oauth2#expiration',
			quote: 'a publishing status of "Testing" is issued a refresh token expiring in 7 days',
			readOn: '2026-12-03',
			note: 'fixed in the row: setupHint: publish the app or refresh tokens expire after 7 days',
		},
		regions: {
			page: 'https://cloud.google.com/apigee/docs/hybrid/v1.12/using-data-residency-with-apigee-hybrid',
			quote: 'Canada ca (multiple regions in Canada) Service endpoint: ca-apigee.googleapis.com',
			readOn: '2026-12-03',
			note: 'Row: Apigee API Host field, apigee.googleapis.com (the default) or {location}-apigee.googleapis.com, held to that pattern.',
		},
	},
	asana: {
		authUrl: {
			page: 'https://developers.asana.com/docs/oauth#quick-reference',
			quote: 'The endpoint for user authorization is GET https://app.asana.com/-/oauth_authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.asana.com/docs/oauth#quick-reference',
			quote: 'The endpoint for token exchange is POST https://app.asana.com/-/oauth_token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				"The token-exchange parameter list of developers.asana.com/docs/oauth was not reached in the stored excerpts; keep body (client_id/client_secret form parameters, as in Asana's devrel-examples). Re-tried 2026-12-03: developers.asana.com/docs/oauth's quick reference names POST https://app.asana.com/-/oauth_token but the stored excerpt stops before the parameter table; Asana/developer_docs_prerelease (2019) has no token parameters.",
		},
		pkce: {
			unconfirmed:
				"Asana's OAuth page has a PKCE section per the row's sources, but its text was not in the stored excerpts; keep supported.",
		},
		scopeSeparator: {
			unconfirmed: 'Separator itself not stated in the excerpt; space is standard and kept.',
			lead: 'https://developers.asana.com/docs/oauth-scopes#list-of-oauth-scopes',
		},
		refreshScopes: {
			unconfirmed:
				'No scope or parameter for the refresh token is mentioned in the reached excerpts; the token exchange returns a refresh token by default.',
		},
		tokenLifetimes: { unconfirmed: 'Token response section not in the stored excerpts.' },
		grants: {
			page: 'https://developers.asana.com/docs/oauth#quick-reference',
			quote: 'Asana supports the authorization code grant flow',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				"Base path /api/1.0 is in Asana's OpenAPI (servers) and the row's examples; no excerpt of a provider page stated it verbatim.",
			lead: 'https://developers.asana.com/docs/oauth-scopes#list-of-oauth-scopes',
		},
		apiHosts: {
			unconfirmed:
				'Attachment download_url values are pre-signed storage URLs fetched without the bearer token, so they need not be allowed; not confirmed in an excerpt.',
		},
		tokenResponseHost: { notApplicable: 'Single API host; the token response names none.' },
		checkRequest: {
			unconfirmed:
				'The users:read row of the scope table was not in the excerpt; row notes already say /users/me needs users:read with granular scopes. Defaults are empty, so this works only for Full-permissions apps: keep the note.',
			lead: 'https://developers.asana.com/docs/oauth-scopes#list-of-oauth-scopes',
		},
		consoleSettings: {
			unconfirmed: "From the row's setupHint; no provider page excerpt on refresh-token life.",
		},
		regions: { unconfirmed: 'No regional API hosts found.' },
	},
	atlassian: {
		authUrl: {
			page: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#1--direct-the-user-to-the-authorization-url-to-get-an-authorization-code',
			quote:
				'https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=YOUR_CLIENT_ID&scope=REQUESTED_SCOPE_ONE%20REQUESTED_SCOPE_TWO&redirect_uri=https://YOUR_APP_CALLBACK_URL&state=YOUR_USER_B...',
			readOn: '2026-12-03',
			note: "Row's authQueryParameters audience=api.atlassian.com and prompt=consent match. Quote from the row's documented source (not re-fetched in full this round).",
		},
		tokenUrl: {
			page: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/#exchanging-refresh-tokens-for-access-tokens-and-new-refresh-tokens',
			quote: "curl --request POST --url 'https://auth.atlassian.com/oauth/token'",
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/#exchanging-refresh-tokens-for-access-tokens-and-new-refresh-tokens',
			quote:
				'client_id: (required) Set this to the Client ID for your app. ... client_secret: (required) Set this to the Secret for your app.',
			readOn: '2026-12-03',
			note: "Docs send a JSON body (--header 'Content-Type: application/json'); form-encoded acceptance is not stated on the page (works in practice per many clients): unconfirmed detail.",
		},
		pkce: { unconfirmed: 'No 3LO page read mentions code_challenge.' },
		scopeSeparator: {
			page: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#1--direct-the-user-to-the-authorization-url-to-get-an-authorization-code',
			quote: 'scope=REQUESTED_SCOPE_ONE%20REQUESTED_SCOPE_TWO',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/#obtaining-a-refresh-token',
			quote:
				'To get a refresh token in your initial authorization flow, add offline_access to the scope parameter of the authorization URL.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
			quote:
				'You receive a new refresh token as well and the refresh token you used for the request is disabled.',
			readOn: '2026-12-03',
			note: 'Rotation per the page; 1 h access, 90 days idle / 365 days absolute refresh per Atlassian staff on developer.atlassian.com community',
		},
		grants: {
			page: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
			readOn: '2026-12-03',
			note: 'OAuth 2.0 (3LO) integrations are authorization-code only; service accounts with client credentials are an admin feature (Atlassian Guard), not this app type: unconfirmed detail.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant for 3LO apps.' },
		apiBaseUrl: {
			page: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3-1-get-the-cloudid-for-your-site',
			quote: 'GET https://api.atlassian.com/oauth/token/accessible-resources',
			readOn: '2026-12-03',
			note: "Row's notes give the /ex/jira/{cloudId} form.",
		},
		apiHosts: {
			unconfirmed:
				"Jira attachment content (GET .../attachment/content/{id}) answers with a redirect (redirect parameter, default true) to Atlassian's media service host (api.media.atlassian.com seen in practice); the target host is not named on a stored Atlassian page.",
			lead: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3-2-construct-the-request-url',
		},
		tokenResponseHost: {
			notApplicable: 'Token response has no host; cloudId comes from accessible-resources.',
		},
		checkRequest: {
			unconfirmed:
				'the page was not quoted this round: read:me is in the defaults and both scope sets, but not sent when the user types other scopes; an always-sent alternative is GET https://api.atlassian.com/oauth/token/accessible-resources (no extra scope). Quote not re-read this round.',
			lead: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#how-do-i-retrieve-the-public-profile-of-the-authenticated-user-',
		},
		consoleSettings: {
			page: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
			readOn: '2026-12-03',
			note: 'Notice should also say refresh tokens die after 90 days unused and 365 days absolute, after which the user must reconnect.',
		},
		regions: { notApplicable: 'Single gateway api.atlassian.com for all sites.' },
	},
	attio: {
		authUrl: {
			page: 'https://docs.attio.com/docs/oauth/authorize',
			quote: 'curl --request GET \\ --url https://app.attio.com/authorize',
			readOn: '2026-12-03',
			note: "Resolves the row's unconfirmed authorize-path item.",
		},
		tokenUrl: {
			page: 'https://docs.attio.com/docs/oauth/token',
			quote: 'curl --request POST \\ --url https://app.attio.com/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.attio.com/docs/oauth/token',
			quote:
				"client_secret string required Your app's client secret. You can find this in your app's settings pages at build.attio.com.",
			readOn: '2026-12-03',
			note: 'client_id and client_secret are required form-body fields; HTTP Basic is not documented.',
		},
		pkce: {
			page: 'https://docs.attio.com/docs/oauth/authorize',
			quote: 'client_id ... response_type ... redirect_uri ... state',
			readOn: '2026-12-03',
			note: "The authorize reference lists only client_id, response_type, redirect_uri and state; no code_challenge. Keep 'unsupported' (not documented).",
		},
		scopeSeparator: {
			page: 'https://docs.attio.com/docs/oauth/introspect',
			quote: 'A space-separated list of scopes associated with this token.',
			readOn: '2026-12-03',
			note: 'Scopes are set on the app, not requested; the separator only matters for display.',
		},
		refreshScopes: {
			page: 'https://docs.attio.com/docs/oauth/token',
			quote:
				'grant_type string required The grant type. This should always be "authorization_code".',
			readOn: '2026-12-03',
			note: 'Attio issues no refresh token: the token response has only access_token and token_type.',
		},
		tokenLifetimes: {
			page: 'https://docs.attio.com/docs/oauth/introspect',
			quote:
				'The time at which this token will expire, if set, as a number of seconds since January 1 1970 UTC.',
			readOn: '2026-12-03',
			note: "Token response fields: access_token, token_type only (https://docs.attio.com/docs/oauth/token). Resolves the row's third-party 'does not expire' item as far as the docs go: no expiry is documented.",
		},
		grants: {
			page: 'https://docs.attio.com/docs/oauth/token',
			quote: 'The grant type. This should always be "authorization_code".',
			readOn: '2026-12-03',
			note: 'Single-workspace API keys exist instead of client credentials (https://docs.attio.com/rest-api/guides/authentication).',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			page: 'https://docs.attio.com/rest-api/endpoint-reference/meta/identify',
			quote: 'openapi: 3.1.0 ... servers: - url: https://api.attio.com ... get /v2/self',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://docs.attio.com/rest-api/endpoint-reference/meta/identify',
			quote: 'servers:\n  - url: https://api.attio.com\n    description: Production',
			readOn: '2026-12-03',
		},
		tokenResponseHost: { notApplicable: 'Token response names no host.' },
		checkRequest: {
			page: 'https://docs.attio.com/rest-api/endpoint-reference/meta/identify',
			quote:
				'Identify the current access token, the workspace it is linked to, and any permissions it has.',
			readOn: '2026-12-03',
			note: "Resolves the row's unconfirmed checkUrl item.",
		},
		consoleSettings: {
			notApplicable:
				'No refresh token exists; nothing in the console affects token life. Scopes are ticked on the app (build.attio.com).',
		},
		regions: { notApplicable: 'One production server documented.' },
	},
	auth0: {
		authUrl: {
			page: 'https://auth0.com/docs/api/authentication/authorization-code-flow/authorize-application',
			quote:
				'GET /authorize To begin an OAuth 2.0 Authorization flow, your application should first send the user to the authorization URL.',
			readOn: '2026-12-03',
			note: "The path is on the tenant's domain: Auth0's Authorization Code guide shows the example authorization URL https://{yourDomain}/authorize? (auth0.com/docs/flows/guides/auth-code/call-api-auth-code).",
		},
		tokenUrl: {
			page: 'https://auth0.com/docs/api-auth/config/asking-for-access-tokens#request-tokens',
			quote: "--url 'https://{yourDomain}/oauth/token'",
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://auth0.com/docs/get-started/applications/credentials#authentication-methods',
			quote:
				'Client Secret (Basic): Use Basic for a confidential application using the HTTP BASIC authentication scheme to send a Client Secret. Client Secret (Post): Use Post',
			readOn: '2026-12-03',
			note: "The app's Authentication Method setting (Credentials tab) picks one; 'body' (Client Secret Post) matches the default for Regular Web Apps, but the notice should say the setting must match.",
		},
		pkce: { unconfirmed: 'Authorization Code Flow with PKCE page not read in this session; keep.' },
		scopeSeparator: {
			unconfirmed:
				'Auth0 examples use space-separated scope (openid profile email) but no Auth0 excerpt quoted this session.',
		},
		refreshScopes: {
			page: 'https://auth0.com/docs/secure/tokens/refresh-tokens',
			quote:
				'To allow your users to get refresh tokens offline, select Allow Offline Access in API Settings.',
			readOn: '2026-12-03',
			note: "Quote translated back from the ja-jp copy of the page (the English page states the same in its 'Offline access' card). offline_access scope is needed as well (auth0-oidc-client-net docs: 'You can request a refresh token by requesting the offline_access scope').",
		},
		tokenLifetimes: {
			page: 'https://auth0.com/docs/secure/tokens/refresh-tokens/configure-refresh-token-expiration',
			quote:
				'Maximum Lifetime: Set a refresh token or refresh token family lifetime after which the user must re-authenticate before being issued a new access token.',
			readOn: '2026-12-03',
			note: 'access 86400 s by default; refresh per application settings',
		},
		grants: {
			page: 'https://auth0.com/docs/flows/concepts/client-credentials',
			quote: 'This flow is best suited for Machine-to-Machine (M2M) applications',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://auth0.com/docs/get-started/authentication-and-authorization-flow/client-credentials-flow/call-your-api-using-the-client-credentials-flow#request-tokens',
			quote:
				"audience | The audience for the token, which is your API. You can find this in the Identifier field on your API's settings tab.",
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes); Row: client credentials send no OpenID scope (defaults without openid profile email); API scopes are typed, audience in Extra Token Parameters.',
		},
		apiBaseUrl: {
			unconfirmed: 'Authentication API and Management API (/api/v2) live on the tenant domain.',
		},
		apiHosts: {
			unconfirmed:
				"Custom APIs called with an audience live on the user's own hosts (not Auth0): user must add them.",
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://auth0.com/docs/api/authentication/user-profile/get-user-info',
			readOn: '2026-12-03',
			note: 'Row: no check with client credentials (userinfo names a user).',
		},
		consoleSettings: {
			page: 'https://auth0.com/docs/secure/tokens/refresh-tokens',
			quote: 'select Allow Offline Access in API Settings',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: Allow Offline Access on the API',
		},
		regions: {
			notApplicable:
				'Region is part of the tenant domain the user enters (acme.us.auth0.com, .eu., .au., .jp.).',
		},
	},
	authelia: {
		authUrl: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#discoverable-endpoints',
			quote:
				'https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/api/oidc/authorization',
			readOn: '2026-12-03',
			note: "Read in Authelia's docs source (github.com/authelia/authelia, docs/content/integration/openid-connect/introduction.md); the page renders the host as auth.example.com: https://auth.example.com/api/oidc/authorization. 'The paths are appended to the end of the primary URL used to access Authelia.'",
		},
		tokenUrl: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#discoverable-endpoints',
			quote:
				'https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/api/oidc/token',
			readOn: '2026-12-03',
			note: 'Rendered: https://auth.example.com/api/oidc/token.',
		},
		tokenAuthMethod: {
			page: 'https://www.authelia.com/configuration/identity-providers/openid-connect/clients/#token_endpoint_auth_method',
			quote:
				'If no method is defined the confidential client type will default to `client_secret_basic` as this is required by the specification.',
			readOn: '2026-12-03',
			note: 'A per-client setting; client_secret_post is also supported. Authelia rejects a method other than the registered one unless allow_multiple_auth_methods is set.',
		},
		pkce: {
			page: 'https://www.authelia.com/configuration/identity-providers/openid-connect/clients/#require_pkce',
			quote: 'This configuration option enforces the use of [PKCE] for this registered client.',
			readOn: '2026-12-03',
			note: 'require_pkce defaults to false; the integration guide lists Proof Key Code Exchange as Certified.',
		},
		scopeSeparator: {
			unconfirmed:
				'Not stated on the pages read; Authelia is OpenID Certified (Core), whose scope parameter is space-delimited.',
		},
		refreshScopes: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#grant-types',
			quote:
				'This Grant Type should only be used for clients which have the `offline_access` scope',
			readOn: '2026-12-03',
			note: "Row of the refresh_token grant type; the client's grant_types must include refresh_token and its scopes offline_access.",
		},
		tokenLifetimes: {
			unconfirmed:
				"Values of the provider page's example configuration; the lifespans section stating the defaults was not read. A 90-minute refresh lifespan would end idle connections: raise it for n8n.",
			lead: 'https://www.authelia.com/configuration/identity-providers/openid-connect/provider/#configuration',
		},
		grants: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#grant-types',
			quote:
				'If this is the only grant type for a client then the `openid`, `offline`, and `offline_access` scopes are not allowed',
			readOn: '2026-12-03',
			note: 'Row of the client_credentials grant type (Supported: Yes).',
		},
		clientCredentialsScopes: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#grant-types',
			quote:
				'If this is the only grant type for a client then the `openid`, `offline`, and `offline_access` scopes are not allowed',
			readOn: '2026-12-03',
		},
		apiBaseUrl: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#endpoint-implementations',
			quote: 'The paths are appended to the end of the primary URL used to access Authelia.',
			readOn: '2026-12-03',
			note: "Tokens are for the customer's own services; on the Authelia host they reach userinfo.",
		},
		apiHosts: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#endpoint-implementations',
			quote: 'The paths are appended to the end of the primary URL used to access Authelia.',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'Standard OIDC token response; no host field.',
		},
		checkRequest: {
			page: 'https://www.authelia.com/integration/openid-connect/introduction/#discoverable-endpoints',
			quote:
				'https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/api/oidc/userinfo',
			readOn: '2026-12-03',
			note: 'A client-credentials token names no user: no check on that grant.',
		},
		consoleSettings: {
			page: 'https://www.authelia.com/configuration/identity-providers/openid-connect/clients/#token_endpoint_auth_method',
			quote:
				'The registered client authentication mechanism used by this client for the [Token Endpoint].',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'Self-hosted: one host, a field.',
		},
	},
	authentik: {
		authUrl: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/#oauth2-endpoints-and-bindings',
			quote: 'Authorization | `/application/o/authorize/`',
			readOn: '2026-12-03',
			note: 'Read in goauthentik/authentik website/docs/add-secure-apps/providers/oauth2/index.mdx; the endpoints are global (not per application slug).',
		},
		tokenUrl: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/#oauth2-endpoints-and-bindings',
			quote: 'Token | `/application/o/token/`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/machine_to_machine/#automatic-service-account-creation',
			quote:
				'Alternatively, you can pass the configured `client_secret` value of an OAuth provider.',
			readOn: '2026-12-03',
			note: "The example posts 'grant_type=client_credentials&client_id=<client_id>&client_secret=<client_secret>' as application/x-www-form-urlencoded to /application/o/token/, the same token endpoint the code exchange uses. A Basic header is not documented.",
		},
		pkce: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/',
			quote: 'OAuth 2.0 in authentik supports OAuth, PKCE, Github compatibility',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/machine_to_machine/#static-authentication',
			quote:
				'request their scope names in the token request with the `scope` parameter, for example `scope=profile custom-scope`.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/#authorization-code',
			quote:
				'To receive a refresh token, both applications and authentik must be configured to request the `offline_access` scope.',
			readOn: '2026-12-03',
			note: "Since authentik 2024.2. Default & special scopes: 'offline_access: An OAuth 2.0 scope which indicates that the application is requesting a refresh token.'",
		},
		tokenLifetimes: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/#authorization-code',
			quote:
				'an access token (short-lived, hours, can be customised) and a refresh token (typically longer validity, days or infinite)',
			readOn: '2026-12-03',
			note: "The page also names 'the configuration of automatic rotation of refresh tokens'. Exact defaults not stated on the pages read.",
		},
		grants: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/',
			quote:
				'All standard OAuth 2.0 flows (authorization code, client_credentials, implicit, hybrid, device code) and grant types are supported in authentik',
			readOn: '2026-12-03',
			note: "Client credentials with the provider's client_secret make authentik create the service account ak-<provider_name>-client_credentials (machine_to_machine#automatic-service-account-creation).",
		},
		clientCredentialsScopes: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/machine_to_machine/#static-authentication',
			quote:
				'Scopes, if required, must be defined in the request and follow the same behavior as other OAuth requests.',
			readOn: '2026-12-03',
		},
		apiBaseUrl: {
			unconfirmed:
				"No page names a base for relative calls; the OAuth endpoints live under /application/o/ and authentik's own API under /api/v3/ (needs the goauthentik.io/api scope). The host is the base.",
		},
		apiHosts: {
			unconfirmed:
				"Self-hosted: one host; apps protected by authentik live elsewhere and are not this preset's API.",
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/#oauth2-endpoints-and-bindings',
			quote: 'User Info | `/application/o/userinfo/`',
			readOn: '2026-12-03',
			note: 'No check with client credentials: the token belongs to a generated service account, and userinfo without openid is not documented for it.',
		},
		consoleSettings: {
			page: 'https://docs.goauthentik.io/add-secure-apps/providers/oauth2/create-oauth2-provider/',
			quote:
				'To receive a refresh token, applications and authentik must be configured to request the `offline_access` scope. Do this in the Scope mapping area',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable:
				'Self-hosted: the server is the host the user enters; no data centres to offer.',
		},
	},
	aWeber: {
		authUrl: {
			page: 'https://help.aweber.com/hc/en-us/articles/360021258174-How-do-I-use-OAuth-2-authentication-with-AWeber-s-API',
			quote: 'Authorize URL: https://auth.aweber.com/oauth2/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://help.aweber.com/hc/en-us/articles/360021258174-How-do-I-use-OAuth-2-authentication-with-AWeber-s-API',
			quote: 'Access Token / Refresh Token URL: https://auth.aweber.com/oauth2/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://api.aweber.com/#tag/OAuth-2.0-Reference',
			quote:
				'This endpoint must be provided with the `client_id` and `client_secret` either in the `Authorization` header (preferred) or in the request body.',
			readOn: '2026-12-03',
			note: "Text of AWeber's OpenAPI document, which api.aweber.com renders ('Get a token', POST /oauth2/token); read through the copy kept in api-evangelist/aweber (openapi/aweber-oauth-2-0-reference-api-openapi.yml) because the stored api.aweber.com page text stops after its introduction.",
		},
		pkce: {
			unconfirmed:
				"AWeber's reference names 'trying to pass in a client secret for a public client' and 'public clients MUST NOT include secrets' as errors; PKCE is for public clients (API Evangelist's summary: required for public, refused for confidential clients). n8n holds a secret, so the row does not send PKCE...",
		},
		scopeSeparator: {
			unconfirmed:
				"'scope is a list of space separated permissions' is from a copy of the help article's walkthrough (openparl2014.org); the stored help.aweber.com excerpt stops before that paragraph.",
		},
		refreshScopes: {
			page: 'https://help.aweber.com/hc/en-us/articles/360002941894-Do-AWeber-API-access-tokens-expire',
			quote:
				'To refresh, you will need the refresh_token that was returned with your access token.',
			readOn: '2026-12-03',
			note: 'Every token response carries a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			page: 'https://help.aweber.com/hc/en-us/articles/360002941894-Do-AWeber-API-access-tokens-expire',
			quote: 'AWeber\u2019s OAuth 2 access tokens expire two hours after they are issued.',
			readOn: '2026-12-03',
			note: 'Refresh-token lifetime and rotation not stated on the page read.',
		},
		grants: {
			page: 'https://api.aweber.com/#tag/OAuth-2.0-Reference',
			quote:
				'In the initial authorization, a `grant_type` of `authorization_code` is used with the `authorization_code` received from the URL the user is redirected to',
			readOn: '2026-12-03',
			note: 'Only authorization_code and refresh_token grants are documented (same copy of the reference as tokenAuthMethod).',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://api.aweber.com/',
			quote: "These resources are contained under version '1.0' of the API.",
			readOn: '2026-12-03',
		},
		apiHosts: {
			unconfirmed:
				"The host is the reference's own (servers: https://api.aweber.com/1.0 in its OpenAPI document); the quote does not name the host.",
			lead: 'https://api.aweber.com/',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			unconfirmed:
				"AWeber's OpenAPI document (copy) lists for account.read: 'Required for the following endpoints: get accounts, get account, get integrations, get integration'; not read on a stored aweber.com page.",
		},
		consoleSettings: {
			page: 'https://api.aweber.com/',
			quote:
				'To start developing, you will first need to create a free developer account. After you create a developer account, log in and create an app.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'No regional hosts documented.',
		},
	},
	autodeskPlatformServices: {
		authUrl: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2/tutorials/get-3-legged-token#step-1-direct-the-user-to-the-authorization-web-flow',
			quote:
				'you will redirect the user to the GET authorize endpoint in their browser. For example, you might provide a link that looks like the following: https://developer.api.autodesk.com/authentication/v2/...',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://aps.autodesk.com/node/2649',
			quote:
				'The base URL changes from – APS_HOST/authentication/v1/authenticate To APS_HOST/authentication/v2/token',
			readOn: '2026-12-03',
			note: 'Full URL POST https://developer.api.autodesk.com/authentication/v2/token on https://aps.autodesk.com/en/docs/ssa/v1/reference/http/ssa-exchange-jwt-assertion-POST/.',
		},
		tokenAuthMethod: {
			page: 'https://aps.autodesk.com/node/2649',
			quote:
				'V2 accepts client id and client secret in the Authorization header with Basic auth type.',
			readOn: '2026-12-03',
			note: 'Migration guide OAuth2 v1 to v2 (APS blog). The token reference for JWT assertions adds that the credentials may be in the header or the body, not both.',
		},
		pkce: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2',
			quote: 'Get a 3-Legged Token with Authorization Code Grant (PKCE) for Private Clients',
			readOn: '2026-12-03',
			note: 'How-to guide title in the Authentication v2 table of contents: PKCE is documented for private (confidential) clients too.',
		},
		scopeSeparator: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v1/reference/http',
			quote: 'scope string Space-separated list of required scopes',
			readOn: '2026-12-03',
			note: 'Read on the v1 token reference (same scopes in v2).',
		},
		refreshScopes: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2/tutorials/get-3-legged-token',
			quote:
				'The authorization code grant type is used to obtain both access tokens and refresh tokens and is optimized for confidential clients.',
			readOn: '2026-12-03',
			note: 'No scope or parameter is needed for a refresh token.',
		},
		tokenLifetimes: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2/reference/typescript-sdk/classes/AuthenticationClient/',
			quote:
				'Any access tokens you obtain are valid for 60 minutes, and refresh tokens remain valid for 15 days.',
			readOn: '2026-12-03',
			note: 'Whether each refresh returns a new refresh token was not read on an APS page.',
		},
		grants: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2/reference/dot-net-sdk/Autodesk.Authentication.Model/GrantType/',
			quote:
				'client_credentials - For a 2-legged access token. authorization_code - For a 3-legged access token. refresh_token - For a refresh token.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2/tutorials/get-2-legged-token',
			quote:
				'Learn how to use the simplest authentication mechanism on APS with this example that acquires a token with the data:read scope.',
			readOn: '2026-12-03',
			note: 'The defaults minus openid (data:read) are what client credentials send.',
		},
		apiBaseUrl: {
			page: 'https://aps.autodesk.com/en/docs/ssa/v1/reference/http/ssa-exchange-jwt-assertion-POST/',
			quote: 'POST https://developer.api.autodesk.com/authentication/v2/token',
			readOn: '2026-12-03',
			note: 'APIs (Data Management, Model Derivative, OSS) are served from developer.api.autodesk.com; the newer profile API from api.aps.autodesk.com.',
		},
		apiHosts: {
			page: 'https://aps.autodesk.com/en/docs/profile/v2/tutorials/tutorial_01/task2/',
			quote:
				'Modern APS Endpoint (Recommended): https://api.aps.autodesk.com/userinfo Legacy Endpoint (Still Supported): https://developer.api.autodesk.com/userinfo',
			readOn: '2026-12-03',
			note: 'Signed download URLs (OSS signeds3download) go to storage hosts that need no token; not added.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://aps.autodesk.com/en/docs/profile/v2/reference/restapireference/oidcuserinfo/',
			quote:
				'Required OAuth Scopes openid (mandatory). Additional scopes control which fields are returned.',
			readOn: '2026-12-03',
			note: "Same page: 'user context required' - no check for 2-legged tokens.",
		},
		consoleSettings: {
			page: 'https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/traditionalweb',
			quote:
				'Choose the Traditional Web App application type when you are building a server-side (or web-site) application that is capable of securely storing secrets on your web server.',
			readOn: '2026-12-03',
		},
		regions: {
			unconfirmed:
				'Data residency (US/EMEA/AUS) is chosen per API call (region parameters/headers on developer.api.autodesk.com), not per host; not checked in detail.',
		},
	},
	basecamp: {
		authUrl: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#oauth-2-overview',
			quote:
				'Tell it to use `https://launchpad.37signals.com/authorization/new` to request authorization and `https://launchpad.37signals.com/authorization/token` to get access tokens.',
			readOn: '2026-12-03',
			note: 'Standard response_type=code / grant_type now documented; legacy type=web_server still accepted (#legacy-parameter-support).',
		},
		tokenUrl: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#3-exchange-the-code-for-an-access-token',
			quote: 'POST https://launchpad.37signals.com/authorization/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#3-exchange-the-code-for-an-access-token',
			quote:
				'Required parameters: grant_type=authorization_code client_id=your-client-id redirect_uri=your-redirect-uri client_secret=your-client-secret code=verification-code',
			readOn: '2026-12-03',
			note: 'Refresh also lists client_id and client_secret as required parameters (#refreshing-access-tokens). Basic header not documented.',
		},
		pkce: {
			unconfirmed:
				'authentication.md (commit 617fb75, 2026-03-25) documents no code_challenge; kept unsupported.',
		},
		scopeSeparator: { notApplicable: 'No scopes exist.' },
		refreshScopes: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#3-exchange-the-code-for-an-access-token',
			quote: 'The response includes an access token and a refresh token',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#refreshing-access-tokens',
			quote:
				'Access tokens expire after 2 weeks. Use the refresh token to request a new access token without requiring the user to re-authorize',
			readOn: '2026-12-03',
			note: 'Access lifetime confirmed; refresh lifetime and whether the returned refresh_token differs are not stated.',
		},
		grants: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#oauth-2-from-scratch',
			quote: 'request access, receive a verification code, trade it for an access token.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#get-authorization',
			quote:
				'Pick the account with "product": "bc3" and use its `href` as the base URL for Basecamp 4 API requests.',
			readOn: '2026-12-03',
			note: 'Row base https://3.basecampapi.com with paths starting at the account ID matches (href example https://3.basecampapi.com/99999999).',
		},
		apiHosts: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/attachments.md',
			quote:
				'"download_url": "https://3.basecamp-static.com/195539477/blobs/490857bc2f3fa187475e9ca1b891918df6ec400c/download/company-logo.png"',
			readOn: '2026-12-03',
			note: 'fixed in the row: 3.basecamp-static.com and storage.3.basecamp.com added to allowedDomains',
		},
		tokenResponseHost: {
			notApplicable: 'Token response has no host; the account href comes from authorization.json.',
		},
		checkRequest: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/README.md#identifying-your-application',
			quote: "If you don't include a `User-Agent` header, you'll get a `400 Bad Request` response.",
			readOn: '2026-12-03',
			note: 'Row: apiHeaders User-Agent from the User-Agent field (default names the package and its URL), on the check and every request of the nodes.',
		},
		consoleSettings: {
			page: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md#oauth-2-overview',
			quote:
				"Register your app at launchpad.37signals.com/integrations. You'll be assigned a `client_id` and `client_secret`.",
			readOn: '2026-12-03',
			note: 'No documented setting affects refresh tokens.',
		},
		regions: { notApplicable: 'Single host.' },
	},
	bitbucketCloud: {
		authUrl: {
			page: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2#oauth-2-0',
			quote:
				"Once that is in place, you'll have the following 2 URLs: https://bitbucket.org/site/oauth2/authorize",
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2#oauth-2-0',
			quote: 'https://bitbucket.org/site/oauth2/access_token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2#1--authorization-code-grant--4-1-',
			quote:
				'$ curl -X POST -u "client_id:secret" https://bitbucket.org/site/oauth2/access_token -d grant_type=authorization_code -d code={code}',
			readOn: '2026-12-03',
			note: 'Basic auth (-u client_id:secret) in every documented example.',
		},
		pkce: { unconfirmed: 'PKCE is not mentioned on the OAuth 2.0 page; keep unsupported.' },
		scopeSeparator: {
			unconfirmed:
				'Scopes are the permissions ticked on the consumer; no scope parameter format found. Keep.',
		},
		refreshScopes: {
			page: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2',
			quote: 'The full-blown 3-LO flow.',
			readOn: '2026-12-03',
			note: 'No scope or parameter needed: the authorization-code exchange returns a refresh token (no offline scope exists).',
		},
		tokenLifetimes: {
			page: 'https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003',
			quote:
				'Consumers must support rotating refresh tokens; each use of a refresh token will generate a new refresh token. Unused refresh tokens will expire after 3 months',
			readOn: '2026-12-03',
			note: 'rotating refresh tokens, expire after 3 months unused',
		},
		grants: {
			page: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2#3--client-credentials-grant--4-4-',
			quote:
				'Obtain an access token that represents not an end user, but the owner of the client/consumer',
			readOn: '2026-12-03',
			note: "Since May 2026: 'Client credentials grants will no longer issue refresh tokens' and 'will authenticate as an app_user' (https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003).",
		},
		clientCredentialsScopes: {
			page: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2#3--client-credentials-grant--4-4-',
			quote: '-d grant_type=client_credentials',
			readOn: '2026-12-03',
			note: 'The documented request carries only grant_type.',
		},
		apiBaseUrl: {
			unconfirmed:
				'Base of the REST API reference (developer.atlassian.com/cloud/bitbucket/rest); not quoted from an excerpt.',
		},
		apiHosts: {
			unconfirmed:
				'Downloads and raw files may redirect to pre-signed storage hosts (bbuseruploads.s3.amazonaws.com) that need no bearer token; not found in a provider excerpt.',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			unconfirmed:
				'Whether /2.0/user answers for an app_user token is not documented in the excerpts; keep and watch.',
			lead: 'https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003',
		},
		consoleSettings: {
			page: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
			quote: 'Callback URL: Required for OAuth 2.0 consumers.',
			readOn: '2026-12-03',
			note: 'Private-consumer requirement for client credentials remains unconfirmed.',
		},
		regions: { notApplicable: 'Single cloud (bitbucket.org).' },
	},
	box: {
		authUrl: {
			page: 'https://developer.box.com/reference/get-authorize/',
			quote: 'GET https://account.box.com/api/oauth2/authorize',
			readOn: '2026-12-03',
			note: 'Not re-read in a stored copy today (reference page); Box guides and SDKs use this URL.',
		},
		tokenUrl: {
			page: 'https://developer.box.com/guides/authentication/tokens/access-tokens/#oauth-20-authentication',
			quote: 'curl -X POST https://api.box.com/oauth2/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.box.com/guides/authentication/client-credentials/#how-to-use',
			quote: 'your request body needs to contain your client ID and client Secret',
			readOn: '2026-12-03',
			note: 'HTTP Basic is not documented.',
		},
		pkce: {
			unconfirmed:
				"Box's authorize reference lists no code_challenge in the guides read; row keeps it unconfirmed.",
		},
		scopeSeparator: {
			unconfirmed: 'Scopes are normally set on the app; separator not re-read today.',
			lead: 'https://developer.box.com/reference/get-authorize/',
		},
		refreshScopes: {
			page: 'https://developer.box.com/guides/authentication/tokens/access-tokens/#oauth-20-authentication',
			quote:
				'When an Access Token is requested using OAuth 2.0, an Access Token and Refresh Token pair are returned.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developer.box.com/guides/authentication/tokens/refresh/#refresh-token-expiration',
			quote:
				'A Refresh Token is valid for 60 days and can be used to obtain a new Access Token and Refresh Token only once.',
			readOn: '2026-12-03',
			note: "'Every time an application uses the Refresh Token to get a new Access Token the Refresh Token is invalidated and a new Refresh Token is returned'.",
		},
		grants: {
			page: 'https://developer.box.com/guides/authentication/client-credentials/',
			quote:
				"Follow the steps below if you would like to leverage server authentication and verify your application's identity using a client ID and client secret.",
			readOn: '2026-12-03',
			note: 'Needs a separate Server Authentication (CCG) app authorized in the Admin Console; token body needs box_subject_type=enterprise|user and box_subject_id.',
		},
		clientCredentialsScopes: {
			page: 'https://developer.box.com/guides/authentication/client-credentials/#how-to-use',
			quote: 'set `box_subject_type` to `enterprise` - set `box_subject_id` to the enterprise ID',
			readOn: '2026-12-03',
		},
		apiBaseUrl: {
			page: 'https://developer.box.com/guides/downloads/file/#download-url',
			quote: 'curl -i -L -X GET "https://api.box.com/2.0/files/12345/content"',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developer.box.com/guides/downloads/file/#download-url',
			quote:
				'this API call returns an HTTP 302 Found status code with a location header containing a link to the download URL, like https://dl.boxcloud.com/d/1/[long-random-string]/download',
			readOn: '2026-12-03',
			note: 'fixed in the row: dl.boxcloud.com (download redirects) added to allowedDomains',
		},
		tokenResponseHost: { notApplicable: 'Token response names no host.' },
		checkRequest: {
			unconfirmed:
				'users/me answers for a CCG token authenticated as the Service Account or a user; the quote is only the page title (not re-read).',
			lead: 'https://developer.box.com/guides/authentication/user-types/service-account/',
		},
		consoleSettings: {
			page: 'https://developer.box.com/guides/authentication/client-credentials/#prerequisites',
			quote: 'The application is authorized in the Box Admin Console',
			readOn: '2026-12-03',
			note: 'OAuth 2.0 user apps need nothing for refresh tokens; they die after 60 days unused.',
		},
		regions: {
			notApplicable:
				'Box serves all regions from the same API hosts (no regional API host documented).',
		},
	},
	calendly: {
		authUrl: {
			page: 'https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/get-oauth-authorize#web-applications',
			quote: 'GET https://auth.calendly.com/oauth/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-refresh-token',
			quote: 'POST https://auth.calendly.com/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-refresh-token#authentication',
			quote: 'Web clients: pass client_id and client_secret via Basic HTTP Authorization header',
			readOn: '2026-12-03',
		},
		pkce: {
			page: 'https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/get-oauth-authorize',
			quote:
				'While this flow is supported, we recommend using the PKCE flow for all OAuth applications.',
			readOn: '2026-12-03',
			note: "Row 'supported' fits: PKCE recommended, not required for web clients.",
		},
		scopeSeparator: {
			unconfirmed:
				'Scope catalog page lists scopes but the excerpt does not show how several are joined in the authorize URL.',
		},
		refreshScopes: {
			page: 'https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users',
			quote: 'Use a refresh token to get a new access token.',
			readOn: '2026-12-03',
			note: 'A refresh token comes with every code exchange; no scope needed.',
		},
		tokenLifetimes: {
			page: 'https://developer.calendly.com/refresh-token-rotation-guide',
			quote: 'A refresh token is revoked immediately after a successful POST /oauth/token call.',
			readOn: '2026-12-03',
			note: 'access 2 h; refresh single use (rotated)',
		},
		grants: {
			unconfirmed: 'No client-credentials grant documented; only code (web/native) and PKCE.',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: {
			page: 'https://developer.calendly.com/docs/api-guides/how-to-find-the-organization-or-user-uri.md',
			quote: '--url https://api.calendly.com/users/me',
			readOn: '2026-12-03',
		},
		apiHosts: { unconfirmed: 'the page was not quoted this round' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://developer.calendly.com/api-docs/calendly-api/users/get-user.md',
			quote:
				'GET https://api.calendly.com/users/{uuid} Returns information about a specified User. > `users:read`',
			readOn: '2026-12-03',
			note: 'fixed in the row: defaultScopes: users:read, which /users/me needs',
		},
		consoleSettings: {
			page: 'https://developer.calendly.com/docs/authentication/scopes',
			quote:
				'When a user installs your app, the scopes you request determine what actions your app is permitted to perform.',
			readOn: '2026-12-03',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	canva: {
		authUrl: {
			page: 'https://www.canva.dev/docs/connect/authentication/#create-the-authorization-url',
			quote:
				'https://www.canva.com/api/oauth/authorize?code_challenge=<code challenge string>&code_challenge_method=s256&scope=<list of scopes>&response_type=code&client_id=<client ID>',
			readOn: '2026-12-03',
			note: "Previously unconfirmed in the row; the Connect authentication page states it. Canva's starter kit uses BASE_CANVA_CONNECT_AUTH_URL=https://www.canva.com/api + /oauth/authorize.",
		},
		tokenUrl: {
			unconfirmed:
				"Only Canva's starter-kit OpenAPI spec (SDK code, a lead) moves the token endpoint to /auth/v1; the research says the row's /rest/v1 URL still works. Kept; to re-check on canva.dev. Re-tried 2026-12-03: canva.dev's Generate an access token page is stored only up to its Endpoint authentication section (Basic recommended, body accepted), before the URL.",
			lead: 'https://github.com/canva-sdks/canva-connect-api-starter-kit/blob/main/openapi/spec.yml',
		},
		tokenAuthMethod: {
			page: 'https://www.canva.dev/docs/connect/api-reference/authentication/generate-access-token/',
			quote:
				"Basic access authentication (Recommended): ... Body parameters: Provide your integration's credentials using the client_id and client_secret body parameters.",
			readOn: '2026-12-03',
			note: "Row's 'header' is the recommended one.",
		},
		pkce: {
			page: 'https://www.canva.dev/docs/connect/authentication/',
			quote:
				'the Connect APIs use OAuth 2.0 with the Authorization Code flow with Proof Key for Code Exchange (PKCE) using SHA-256.',
			readOn: '2026-12-03',
			note: 'code_challenge is marked Required on the authorize URL (#code_challenge).',
		},
		scopeSeparator: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/canva-sdks/canva-connect-api-starter-kit/blob/main/openapi/spec.yml',
		},
		refreshScopes: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/canva-sdks/canva-connect-api-starter-kit/blob/main/openapi/spec.yml',
		},
		tokenLifetimes: {
			page: 'https://www.canva.dev/docs/connect/api-reference/authentication/generate-access-token/',
			quote:
				'You will also receive a new refresh token that you can use to refresh the access token again.',
			readOn: '2026-12-03',
			note: "Access: 'The expiry time (currently 4 hours) is shown in the endpoint response and is subject to change.' Rotation quote is from the same endpoint description (spec.yml line ~3897). Whether the old refresh token dies on use (single use) is not stated: unconfirmed.",
		},
		grants: {
			page: 'https://www.canva.dev/docs/connect/api-reference/authentication/generate-access-token/',
			quote:
				'To generate an access token, you must provide one of the following: An authorization code; A refresh token',
			readOn: '2026-12-03',
			note: 'Client credentials exists only for the separate Canva Admin API (canva.dev/docs/admin/authentication), not the Connect API.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials for Connect.' },
		apiBaseUrl: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/canva-sdks/canva-connect-api-starter-kit/blob/main/openapi/spec.yml',
		},
		apiHosts: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/canva-sdks/canva-connect-api-starter-kit/blob/main/openapi/spec.yml',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://www.canva.dev/docs/connect/api-reference/users/users-me/',
			quote:
				'Returns the User ID and Team ID of the user account associated with the provided access token.',
			readOn: '2026-12-03',
			note: 'Quote from spec.yml operation usersMe (the page text is generated from it); no scope listed, so default scopes suffice.',
		},
		consoleSettings: {
			page: 'https://www.canva.dev/docs/connect/authentication/#prerequisites',
			quote:
				'Generating and saving a client secret; Selecting scopes; Setting at least one authentication redirect URL',
			readOn: '2026-12-03',
			note: 'No documented setting that withholds refresh tokens.',
		},
		regions: { notApplicable: 'Single host.' },
	},
	clickUp: {
		authUrl: {
			unconfirmed:
				"The OAuth-flow section (authorization URL) was cut off in the stored excerpts; keep the row's value.",
			lead: 'https://developer.clickup.com/docs/authentication#oauth-flow',
		},
		tokenUrl: {
			unconfirmed:
				'The OpenAPI path of the reference page was not in the excerpt; keep. Re-tried 2026-12-03: developer.clickup.com/reference/getaccesstoken.md is stored but cut before the OpenAPI path.',
			lead: 'https://developer.clickup.com/reference/getaccesstoken',
		},
		tokenAuthMethod: {
			unconfirmed:
				"Per the row's sources the reference lists client_id, client_secret and code as query parameters of the POST; whether form-body parameters are accepted is not documented.",
			lead: 'https://developer.clickup.com/reference/getaccesstoken',
		},
		pkce: { unconfirmed: 'Not mentioned in the excerpts.' },
		scopeSeparator: {
			notApplicable:
				'ClickUp has no OAuth scopes; the user picks Workspaces at consent (row notes).',
		},
		refreshScopes: {
			page: 'https://developer.clickup.com/docs/authentication#oauth-flow',
			quote: 'Grant Type: Authorization Code.',
			readOn: '2026-12-03',
			note: 'No refresh token is issued; nothing to request.',
		},
		tokenLifetimes: {
			unconfirmed:
				"The token-lifetime sentence of the OAuth-flow section was not in the excerpts; only 'Personal tokens never expire.' was.",
		},
		grants: {
			page: 'https://developer.clickup.com/docs/authentication#oauth-flow',
			quote: 'Grant Type: Authorization Code.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				'The OpenAPI servers entry was not in the excerpt. ClickUp also serves API v3 under https://api.clickup.com/api/v3 (same host).',
			lead: 'https://developer.clickup.com/reference/getaccesstoken',
		},
		apiHosts: {
			unconfirmed:
				"Attachment URLs point at ClickUp's attachment storage host; not confirmed whether it needs the token.",
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			unconfirmed:
				'GET /v2/user (Get Authorized User) is in the v2 reference; page excerpt not reached.',
			lead: 'https://developer.clickup.com/docs/authentication',
		},
		consoleSettings: {
			unconfirmed:
				'Only owner/admin can create the app (help.clickup.com); nothing found affecting token life.',
		},
		regions: { unconfirmed: 'No regional hosts found.' },
	},
	close: {
		authUrl: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#authorization',
			quote: 'https://app.close.com/oauth2/authorize/?client_id=CLIENT_ID&response_type=code',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#obtain-access-token',
			quote:
				'performing a POST request with form-encoded parameters to https://api.close.com/oauth2/token/',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#obtain-access-token',
			quote:
				'client_id=CLIENT_ID&client_secret=CLIENT_SECRET&grant_type=authorization_code&code=CODE',
			readOn: '2026-12-03',
			note: 'HTTP Basic not documented.',
		},
		pkce: { unconfirmed: 'The OAuth page documents no code_challenge; not stated either way.' },
		scopeSeparator: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#obtain-access-token',
			quote: '"scope": "all.full_access offline_access"',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#obtain-access-token',
			quote:
				'If your application has offline_access scope refresh_token property will be present in the response',
			readOn: '2026-12-03',
			note: "Resolves the row's unconfirmed scopes item: https://developer.close.com/integrations/create-an-oauth-app#scopes 'All OAuth applications are granted the all.full_access offline_access scopes'.",
		},
		tokenLifetimes: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#refresh-access-token',
			quote:
				'Note that the authorization server issues a new Refresh Token and the client must discard the old Refresh Token and replace it with the new one.',
			readOn: '2026-12-03',
			note: "Access: 'the Access Token has a limited lifetime and expires in expires_in seconds' with expires_in 3600 in the sample. Resolves the row's unconfirmed access-lifetime item.",
		},
		grants: {
			page: 'https://developer.close.com/integrations',
			quote: 'There are two ways to authenticate with the Close REST API or MCP server.',
			readOn: '2026-12-03',
			note: 'API keys or OAuth 2.0 (authorization code) only.',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				"Base https://api.close.com/api/v1/ is Close's documented API root (API reference); the quoted section's curl example was not in the stored excerpt.",
			lead: 'https://developer.close.com/api/overview/oauth-authentication#perform-api-calls-with-access-token',
		},
		apiHosts: {
			page: 'https://developer.close.com/api/overview/oauth-authentication#obtain-access-token',
			quote: 'Host: api.close.com',
			readOn: '2026-12-03',
			note: 'Files API uploads/downloads go through pre-signed storage URLs (not re-read; unconfirmed whether any redirect host is needed).',
		},
		tokenResponseHost: { notApplicable: 'Response carries organization_id and user_id, no host.' },
		checkRequest: {
			unconfirmed:
				"GET /me/ is Close's 'fetch your user info' endpoint; page not re-read in a stored copy today.",
		},
		consoleSettings: {
			page: 'https://developer.close.com/integrations/create-an-oauth-app',
			quote:
				'OAuth apps are Private by default, meaning only members of your own Close organization can authorize them.',
			readOn: '2026-12-03',
			note: 'Nothing affects refresh tokens; a Private app only serves members of the creating organization (other orgs need the app made public).',
		},
		regions: { notApplicable: 'Single API host.' },
	},
	constantContact: {
		authUrl: {
			page: 'https://developer.constantcontact.com/api_guide/server_flow.html#step-1-create-an-authorization-request',
			quote:
				'make a GET call to the authorization endpoint https://authz.constantcontact.com/oauth2/default/v1/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			unconfirmed:
				"Step 4 heading seen, body not in excerpt. Keep. Re-tried 2026-12-03: only Constant Contact API Developer Support's community answers (community.constantcontact.com, not documentation) show 'POST https://authz.constantcontact.com/oauth2/default/v1/token?code={auth_code}&redirect_uri=...&grant_type=authorization_code'.",
			lead: 'https://developer.constantcontact.com/api_guide/server_flow.html#step-4-get-the-access-token-and-refresh-token',
		},
		tokenAuthMethod: {
			page: 'https://developer.constantcontact.com/api_guide/faqs_manage_applications.html',
			quote:
				'During the OAuth flow, you use your Secret for basic authentication along with your API key to generate access tokens and refresh tokens.',
			readOn: '2026-12-03',
		},
		pkce: {
			page: 'https://developer.constantcontact.com/api_guide/pkce_flow.html',
			quote:
				'Constant Contact strongly suggests that you use the Proof Key for Code Exchange (PKCE) Flow for all public or untrusted clients.',
			readOn: '2026-12-03',
			note: 'PKCE flow is the no-secret flow for public clients; the secret-based flow is the one n8n uses.',
		},
		scopeSeparator: { unconfirmed: 'Example authorization request cut in the excerpt.' },
		refreshScopes: {
			unconfirmed: 'Not in the excerpts read (server flow step 1 parameter table cut). Keep.',
		},
		tokenLifetimes: {
			page: 'https://community.constantcontact.com/t5/API-Developer-Support/Refresh-token-expiry/td-p/402882',
			quote:
				'the access token lifetime is now a static 24 hours, and you have the option of using rotating refresh tokens or long lived refresh tokens.',
			readOn: '2026-12-03',
			note: 'access 24 h; rotating or long-lived refresh tokens (Constant Contact API support)',
		},
		grants: {
			unconfirmed:
				'Flows documented: Authorization Code, PKCE, Implicit, Device; no client credentials.',
			lead: 'https://developer.constantcontact.com/api_guide/auth_overview.html',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: { unconfirmed: 'Not re-read this session.' },
		apiHosts: { unconfirmed: 'no provider page states it' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: { unconfirmed: 'account_read is in the defaults; endpoint page not read.' },
		consoleSettings: {
			page: 'https://community.constantcontact.com/t5/API-Developer-Support/Refresh-token-expiry/td-p/402882',
			quote:
				"Long Lived Refresh Tokens (which can be configured within your V3 key's settings), allow you to use the same refresh token continuously",
			readOn: '2026-12-03',
			note: 'research not followed: The quote confirms the row (the refresh-token type is chosen in the key settings); no quoted page states the proposed 180-day idle expiry.',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	datadog: {
		authUrl: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_in_datadog/#implement-the-oauth-protocol',
			quote:
				'is required to construct the URL for this GET request to the Authorize endpoint: `<site>/oauth2/v1/authorize?...`.',
			readOn: '2026-12-03',
			note: "Read in the docs source, DataDog/documentation content/en/developers/authorization/oauth2_in_datadog.md (stored version 22f35d07736e, the one matching the published extend/ page's opening; the repository is too large to fetch whole). The endpoints page's example: https://app.datadoghq.com/oauth2/...",
		},
		tokenUrl: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_in_datadog/#implement-the-oauth-protocol',
			quote:
				'It is required to construct the URL for this POST request to the token endpoint: `https://api.<domain>/oauth2/v1/token`.',
			readOn: '2026-12-03',
			note: "The endpoints page's cURL example posts to https://api.datadoghq.com/oauth2/v1/token; the refresh uses the same endpoint with grant_type refresh_token.",
		},
		tokenAuthMethod: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_endpoints/#exchange-authorization-code-for-access-token',
			quote:
				'The access token request is made with the following parameters in the body of the `POST` request with the `application/x-www-form-urlencoded` format:',
			readOn: '2026-12-03',
			note: "The parameters include 'client_secret (if issued) | The client secret of your OAuth2 confidential client.' (oauth2_endpoints.md, stored version 0823579b9be4).",
		},
		pkce: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_in_datadog/#implement-the-oauth-protocol',
			quote:
				'redirect them to the OAuth2 Authorization endpoint with the appropriate URL parameters, which includes the added `code_challenge` parameter generated by your application.',
			readOn: '2026-12-03',
			note: "The endpoints page marks code_challenge '(if PKCE is enabled)'; the implementation steps always send it and use S256. The row requires the PKCE grant type.",
		},
		scopeSeparator: {
			notApplicable:
				"The authorize request has no scope parameter: the consent page shows 'the list of scopes requested by your application', configured on the OAuth client.",
		},
		refreshScopes: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_endpoints/#exchange-authorization-code-for-access-token',
			quote: 'your application can exchange this code for an access token and a refresh token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_endpoints/#exchange-authorization-code-for-access-token',
			quote:
				'Datadog access tokens are short-lived tokens with a time-to-live (TTL) of 1 hour that grant access to Datadog APIs.',
			readOn: '2026-12-03',
			note: "Same section: 'Refresh tokens for Marketplace OAuth clients are long-lived tokens with no expiration (TTL of infinity)'; grant_type refresh_token returns 'any subsequent access and refresh tokens'.",
		},
		grants: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_endpoints/',
			quote: 'These endpoints direct the application through the authorization code grant flow.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_in_datadog/#implement-the-oauth-protocol',
			quote:
				'to make a call to the Events endpoint, you would build your request URL as `https://api.<domain>/api/v1/events`.',
			readOn: '2026-12-03',
			note: 'Paths start with /api/v1 or /api/v2. The API reference pages pair each site with its API host (e.g. app.datadoghq.eu -> api.datadoghq.eu, us3.datadoghq.com -> api.us3.datadoghq.com).',
		},
		apiHosts: {
			page: 'https://docs.datadoghq.com/api/latest/users/',
			quote: '| app.datadoghq.eu  | POST https://api.datadoghq.eu/api/v2/users      |',
			readOn: '2026-12-03',
			note: 'Each API reference page lists the nine sites and their API hosts; the row allows the host of the picked site.',
		},
		tokenResponseHost: {
			notApplicable:
				'The site comes back as a redirect parameter (site/domain), not in the token response; the user picks it instead.',
		},
		checkRequest: {
			page: 'https://docs.datadoghq.com/api/latest/users/get-current-user/',
			quote: 'Get the user associated with the current authentication context.',
			readOn: '2026-12-03',
			note: "Same page: 'No additional permissions are required beyond valid authentication.' Its site table lists eight sites (not uk1).",
		},
		consoleSettings: {
			page: 'https://docs.datadoghq.com/extend/authorization/oauth2_in_datadog/#implement-the-oauth-protocol',
			quote:
				'Within your Datadog Partner Sandbox Account, create and configure your OAuth client in the Developer Platform.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://docs.datadoghq.com/api/latest/oauth2-client-public/',
			quote: '| uk1.datadoghq.com | POST https://api.uk1.datadoghq.com/api/v2/oauth2/register |',
			readOn: '2026-12-03',
			note: 'Read on the stored copy of that page (nine sites); the getting-started site page (getting_started/site) gives the site URL and site parameter per site.',
		},
	},
	dailymotion: {
		authUrl: {
			page: 'https://developers.dailymotion.com/docs/authenticate-using-authorization-codes#step-1--build-your-authorization-url',
			quote:
				'The authorization URL https://api.dailymotion.com/oauth/authorize requires the following parameters:',
			readOn: '2026-12-03',
			note: "Legacy API (v0) documentation; API v2's migration guide lists 'Public API keys with authorization_code grant type' as coming soon.",
		},
		tokenUrl: {
			page: 'https://developers.dailymotion.com/reference/generate-access-token-with-authorization-code',
			quote: 'post https://api.dailymotion.com/oauth/token',
			readOn: '2026-12-03',
			note: "Single-endpoint reference page 'Generate access token with authorization code'; refresh uses the same endpoint (guides/refresh-token).",
		},
		tokenAuthMethod: {
			page: 'https://developers.dailymotion.com/guides/refresh-token#implementation',
			quote: '&client_secret=<API_SECRET>',
			readOn: '2026-12-03',
			note: 'The request example is Content-Type application/x-www-form-urlencoded with grant_type, client_id, client_secret and refresh_token in the body; the code-exchange reference lists client_id and client_secret as required parameters. No Basic header.',
		},
		pkce: {
			unconfirmed:
				'The parameters listed are response_type, client_id, redirect_uri and scope; code_challenge is not mentioned. Kept off.',
			lead: 'https://developers.dailymotion.com/docs/authenticate-using-authorization-codes#step-1--build-your-authorization-url',
		},
		scopeSeparator: {
			page: 'https://developers.dailymotion.com/docs/authenticate-using-client-credentials',
			quote: 'scope: Space-separated list of required scopes.',
			readOn: '2026-12-03',
			note: 'Stated for the client-credentials request of the same (legacy) API.',
		},
		refreshScopes: {
			page: 'https://developers.dailymotion.com/reference/generate-access-token-with-authorization-code',
			quote:
				'The refresh_token enables you to request another access token without the need to ask for user credentials again.',
			readOn: '2026-12-03',
			note: 'The code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed: "Only the example value is given; the refresh token's lifetime is not stated.",
			lead: 'https://developers.dailymotion.com/guides/refresh-token#overview',
		},
		grants: {
			page: 'https://developers.dailymotion.com/docs/authenticate-using-client-credentials',
			quote:
				'This grant_type is only accessible using Private API keys and using the partner.api.dailymotion.com endpoints.',
			readOn: '2026-12-03',
			note: 'Client credentials use another token URL (https://partner.api.dailymotion.com/oauth/v1/token) and private keys; the preset covers public keys with the authorization code.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials on this preset.',
		},
		apiBaseUrl: {
			page: 'https://developers.dailymotion.com/v0/reference/perform-an-api-call',
			quote:
				'GET https://api.dailymotion.com/videos?fields=id,title,language&channel=news&limit=100',
			readOn: '2026-12-03',
			note: 'The same page: https://api.dailymotion.com serves public API keys (partner.api.dailymotion.com private keys). API v2 lives under https://api.dailymotion.com/v2 but takes client-credentials tokens today.',
		},
		apiHosts: {
			page: 'https://developers.dailymotion.com/v0/reference/perform-an-api-call',
			quote:
				'GET https://api.dailymotion.com/videos?fields=id,title,language&channel=news&limit=100',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no host.',
		},
		checkRequest: {
			page: 'https://developers.dailymotion.com/guides/retrieve-access-token-details',
			quote:
				'If you want to retrieve information about your access token, you can perform a GET request on /auth.',
			readOn: '2026-12-03',
			note: "'This request returns diverse information on the user authenticated in your application: id, username, screen name, extended permissions accepted'.",
		},
		consoleSettings: {
			page: 'https://developers.dailymotion.com/docs/authenticate-using-authorization-codes#step-1--build-your-authorization-url',
			quote:
				'This URI needs to match the Callback URL of your API key. If these values are different, the authorization server will reject your request.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One API host.',
		},
	},
	digitalOcean: {
		authUrl: {
			page: 'https://docs.digitalocean.com/reference/api/oauth#authorize',
			quote:
				'Use the https://cloud.digitalocean.com/v1/oauth/authorize endpoint as an authorization link to send to a user for your registered OAuth application.',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://www.digitalocean.com/community/tutorials/how-to-use-oauth-authentication-with-digitalocean-as-a-user-or-developer',
			quote: 'Next, send a POST request to: https://cloud.digitalocean.com/v1/oauth/token',
			readOn: '2026-12-03',
			note: "The OAuth API reference lists the endpoints of https://cloud.digitalocean.com/v1/oauth: '/token Request an authorized access token'. Tutorial read through a copy of its markdown (source line names the digitalocean.com URL).",
		},
		tokenAuthMethod: {
			page: 'https://www.digitalocean.com/community/tutorials/how-to-use-oauth-authentication-with-digitalocean-as-a-user-or-developer',
			quote:
				'Include your client ID, client secret, the callback URL as the redirect_uri value, the code you received from the user redirect, and set grant_type=authorization_code.',
			readOn: '2026-12-03',
			note: 'Client ID and secret are request parameters (the example puts them in the query string of the POST; n8n sends them in the form body). No Basic header is documented.',
		},
		pkce: {
			unconfirmed:
				'PKCE is documented for public clients; whether confidential clients may add it was not read. Kept unsupported.',
			lead: 'https://docs.digitalocean.com/documentation/oauth',
		},
		scopeSeparator: {
			page: 'https://www.digitalocean.com/community/tutorials/how-to-use-oauth-authentication-with-digitalocean-as-a-user-or-developer',
			quote:
				'You can optionally set the scope of token that you are requesting (e.g. scope=read%20write for full access).',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://docs.digitalocean.com/documentation/oauth',
			quote: '/token (with grant_type=refresh_token) Refresh an access token using a',
			readOn: '2026-12-03',
			note: 'Refresh is the standard refresh_token grant at /token; no scope asks for a refresh token.',
		},
		tokenLifetimes: {
			unconfirmed:
				'Only an example response; the refresh section of the OAuth API page was not in the stored copy.',
			lead: 'https://www.digitalocean.com/community/tutorials/an-introduction-to-oauth-2',
		},
		grants: {
			page: 'https://docs.digitalocean.com/reference/api/oauth',
			quote:
				'Our OAuth API supports the authorization code flow meant for web applications running on a server. It also supports the implicit authorization flow.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get',
			quote:
				'To show information about the current user account, send a GET request to /v2/account.',
			readOn: '2026-12-03',
			note: "Paths start with /v2/...; read in the reference's source (github.com/digitalocean/openapi specification/resources/account/account_get.yml).",
		},
		apiHosts: {
			page: 'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get',
			quote:
				'curl -X GET -H "Content-Type: application/json" -H "Authorization: Bearer $DIGITALOCEAN_TOKEN" "https://api.digitalocean.com/v2/account"',
			readOn: '2026-12-03',
			note: "The reference's cURL sample (source: github.com/digitalocean/openapi, servers: https://api.digitalocean.com). Spaces (*.digitaloceanspaces.com) uses its own keys, not OAuth tokens.",
		},
		tokenResponseHost: {
			notApplicable:
				"The token response names no API host (it carries info with the user's name and email).",
		},
		checkRequest: {
			page: 'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get',
			quote:
				'To show information about the current user account, send a GET request to /v2/account.',
			readOn: '2026-12-03',
			note: "Security: bearer_auth account:read; the read scope grants all GET requests ('Grants read-only access to user account', tutorial's Accepted Scopes).",
		},
		consoleSettings: {
			page: 'https://www.digitalocean.com/community/tutorials/how-to-use-oauth-authentication-with-digitalocean-as-a-user-or-developer',
			quote:
				'You will also need to supply a callback URL for the application. This is a location where you will configured your application to handle authorization responses.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'Single API host.',
		},
	},
	discord: {
		authUrl: {
			page: 'https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls',
			quote: 'https://discord.com/oauth2/authorize | Base authorization URL',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls',
			quote: 'https://discord.com/api/oauth2/token | Token URL',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://discord.com/developers/docs/topics/oauth2#authorization-code-grant',
			quote:
				'All calls to the OAuth2 endpoints require either HTTP Basic authentication or `client_id` and `client_secret` supplied in the form data body.',
			readOn: '2026-12-03',
			note: "Client credentials: 'using Basic authentication with your client id as the username and your client secret as the password' (#client-credentials-grant); row's 'header' fits both grants.",
		},
		pkce: {
			page: 'https://discord.com/developers/docs/discord-social-sdk/development-guides/account-linking-on-mobile',
			quote:
				"PKCE (Proof Key for Code Exchange) is mandatory for all mobile apps using deep links, regardless of whether you're using a public or confidential client",
			readOn: '2026-12-03',
			note: "S256 (embedded-app-sdk: code_challenge_method? 'S256'). The topics/oauth2 page itself does not mention PKCE; row also cites discord.com/.well-known/oauth-authorization-server.",
		},
		scopeSeparator: {
			page: 'https://discord.com/developers/docs/topics/oauth2#client-credentials-grant',
			quote:
				'You can specify scopes with the `scope` parameter, which is a list of OAuth2 scopes separated by spaces',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-response',
			quote: '"refresh_token": "D43f5y0ahjqew82jZ4NViEr2YafMKhue"',
			readOn: '2026-12-03',
			note: "Code grant always returns a refresh token; client credentials returns 'an access token (without a refresh token)'.",
		},
		tokenLifetimes: {
			page: 'https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-response',
			quote: '"expires_in": 604800,',
			readOn: '2026-12-03',
			note: "Access lifetime read from Discord's own example responses (code, client credentials, bot, webhook); the text says expires_in is authoritative. Refresh lifetime/rotation not stated.",
		},
		grants: {
			page: 'https://discord.com/developers/docs/topics/oauth2#client-credentials-grant',
			quote: 'you will be returned an access token for the bot owner',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://discord.com/developers/docs/topics/oauth2#client-credentials-grant',
			quote:
				'Team applications are limited to the `identify` and `applications.commands.update` scope, because teams are not bound to a specific user.',
			readOn: '2026-12-03',
			note: 'Row: clientCredentialsScopes identify.',
		},
		apiBaseUrl: {
			unconfirmed: 'v10 base not re-read this round (reference.mdx not opened); row value kept.',
			lead: 'https://discord.com/developers/docs/reference#api-versioning',
		},
		apiHosts: {
			page: 'https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls',
			quote: 'https://discord.com/api/oauth2/token',
			readOn: '2026-12-03',
			note: 'CDN hosts (cdn.discordapp.com, media.discordapp.net) serve files without the bearer token; not added.',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information',
			quote:
				'Returns info about the current authorization. Requires authentication with a bearer token.',
			readOn: '2026-12-03',
			note: "Works for both grants; 'user?' is present only 'if the user has authorized with the identify scope'.",
		},
		consoleSettings: {
			page: 'https://discord.com/developers/docs/topics/oauth2#client-credentials-grant',
			quote:
				'Team applications are limited to the `identify` and `applications.commands.update` scope',
			readOn: '2026-12-03',
			note: 'No console setting withholds refresh tokens; team ownership limits client-credentials scopes (see clientCredentialsScopes).',
		},
		regions: { notApplicable: 'Single host.' },
	},
	docuSign: {
		authUrl: {
			page: 'https://developers.docusign.com/platform/auth/reference/obtain-consent',
			quote:
				'The syntax and parameters used for calling this endpoint in your browser are shown below. https://account-d.docusign.com/oauth/auth? response_type=CODE_OR_TOKEN',
			readOn: '2026-12-03',
			note: "Developer host in the example; the Authentication reference (developers.docusign.com/platform/auth/reference#endpoints) gives https://account-d.docusign.com for development and https://account.docusign.com for all production environments, the row's {docuSignAccountHost}.",
		},
		tokenUrl: {
			page: 'https://www.docusign.com/blog/developers/authorization-code-grant-refresh-tokens#token-generation',
			quote:
				'Developer environment: https://account-d.docusign.com/oauth/token - Production environment: https://account.docusign.com/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developers.docusign.com/platform/auth/reference/obtain-access-token',
			quote:
				'The Authorization header contains your integration key and secret key, concatenated by a colon character, converted into Base64 and prefixed with the word Basic.',
			readOn: '2026-12-03',
		},
		pkce: {
			unconfirmed:
				'PKCE belongs to the public flow; whether a confidential client may add it was not stated in the excerpts. Keep.',
			lead: 'https://developers.docusign.com/platform/auth/authcode',
		},
		scopeSeparator: { unconfirmed: 'Scope list format not in the excerpts; space kept.' },
		refreshScopes: {
			page: 'https://developers.docusign.com/platform/auth/authcode',
			quote:
				'you can request a special extended scope that enables almost indefinite refresh of tokens',
			readOn: '2026-12-03',
			note: 'fixed in the row: refreshScopes: extended',
		},
		tokenLifetimes: {
			page: 'https://www.docusign.com/blog/developers/authorization-code-grant-refresh-tokens',
			quote:
				"I have an access token of type Bearer with a lifetime of 28800 seconds (eight hours) and a refresh token. (While it's not specified in the response, refresh tokens have a lifetime of 30 days.)",
			readOn: '2026-12-03',
			note: 'access 8 h; refresh 30 days (sliding with extended)',
		},
		grants: {
			page: 'https://developers.docusign.com/platform/auth/reference/obtain-access-token',
			quote:
				'Exchange a JWT for an access token using the JSON Web Token (JWT) Grant authentication flow.',
			readOn: '2026-12-03',
			note: 'Service integrations use JWT Grant (RSA key), not client credentials with a secret.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				"Row's notes already say to use full URLs from base_uri; base_uri is not in the token response, so tokenResponseHost cannot set it. Keep as notes.",
			lead: 'https://developers.docusign.com/platform/auth/reference/user-info',
		},
		apiHosts: {
			unconfirmed:
				'*.docusign.net covers eSignature base_uri hosts (na*, eu, au, ca, demo) and Admin API (api.docusign.net / api-d.docusign.net). Rooms (rooms.docusign.com) and the newer APIs on api.docusign.com / api-d.docusign.com (Navigator, Maestro) are not allowed; not confirmed in excerpts, left as a lead.',
		},
		tokenResponseHost: {
			notApplicable:
				'The token response carries no host; the API host comes from /oauth/userinfo accounts[].base_uri.',
		},
		checkRequest: {
			unconfirmed: "Row's notes mention userinfo call limits; not re-read in an excerpt.",
			lead: 'https://developers.docusign.com/platform/auth/reference/user-info',
		},
		consoleSettings: {
			unconfirmed:
				"From the row's setupHint; go-live is DocuSign's known production step, not quoted here.",
			lead: 'https://developers.docusign.com/platform/auth/confidential-authcode-get-token',
		},
		regions: {
			page: 'https://www.docusign.com/blog/developers/authorization-code-grant-refresh-tokens#token-generation',
			quote: 'Developer environment: https://account-d.docusign.com/oauth/token',
			readOn: '2026-12-03',
			note: 'Data-centre regions are reached through base_uri, not a separate sign-in host.',
		},
	},
	dropbox: {
		authUrl: {
			page: 'https://dropbox.tech/developers/using-oauth-2-0-with-offline-access#choosing-online-or-offline-access',
			quote:
				'https://www.dropbox.com/oauth2/authorize?client_id=<APP KEY>&response_type=code&token_access_type=online&state=<STATE>&redirect_uri=<REDIRECT URI>',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			unconfirmed:
				"Dropbox's HTTP reference names this URL (api.dropbox.com/oauth2/token also answers); not re-read in a stored copy today.",
			lead: 'https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token',
		},
		tokenAuthMethod: {
			unconfirmed:
				"The /oauth2/token reference accepts the app key/secret via HTTP Basic or as client_id/client_secret POST parameters (from memory of the reference; no stored copy read). Row's 'header' works.",
			lead: 'https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token',
		},
		pkce: {
			page: 'https://developers.dropbox.com/oauth-guide',
			quote:
				"Topics include access tokens, PKCE, scopes, and authorizing your app to access a users' Dropbox data.",
			readOn: '2026-12-03',
			note: 'PKCE (code_challenge S256/plain) is in the OAuth Guide; optional for apps with a secret.',
		},
		scopeSeparator: {
			unconfirmed: "Space-separated 'scope' parameter per the OAuth guide (not re-read).",
			lead: 'https://developers.dropbox.com/oauth-guide',
		},
		refreshScopes: {
			page: 'https://dropbox.tech/developers/using-oauth-2-0-with-offline-access#choosing-online-or-offline-access',
			quote:
				'The Dropbox API now returns short-lived access tokens, and optionally returns refresh tokens.',
			readOn: '2026-12-03',
			note: "Offline access = token_access_type=offline on /oauth2/authorize (row's authQueryParameters).",
		},
		tokenLifetimes: {
			unconfirmed:
				"The 4-hour figure is in Dropbox forum answers and the blog's samples, not quoted from a stored Dropbox page; refresh is not rotated (the refresh response has no refresh_token).",
			lead: 'https://dropbox.tech/developers/using-oauth-2-0-with-offline-access',
		},
		grants: {
			unconfirmed:
				"Client credentials for Dropbox are not documented in the guides read (only the 'app authentication' of some endpoints with app key/secret Basic auth).",
			lead: 'https://developers.dropbox.com/oauth-guide',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				"Same URL as in Dropbox's HTTP reference; the quoted copy is a third-party tutorial, so unconfirmed by a stored Dropbox page.",
			lead: 'https://riptutorial.com/dropbox-api/topic/410/getting-account-information',
		},
		apiHosts: {
			page: 'https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder-longpoll',
			quote: 'https://notify.dropboxapi.com/2/files/list_folder/longpoll',
			readOn: '2026-12-03',
			note: 'fixed in the row: notify.dropboxapi.com added to allowedDomains',
		},
		tokenResponseHost: { notApplicable: 'Token response names account_id/uid, no host.' },
		checkRequest: {
			page: 'https://dropbox.tech/developers/a-preview-of-the-new-dropbox-api-v2#whats-different',
			quote:
				"Overall, we've simplified our use of HTTP. For example, most endpoints always use HTTP POST, including those that return structured data.",
			readOn: '2026-12-03',
			note: 'Row: checkRequest POST, no body.',
		},
		consoleSettings: {
			unconfirmed:
				'Nothing in the App Console affects refresh-token life; offline access is a request parameter.',
			lead: 'https://developers.dropbox.com/oauth-guide',
		},
		regions: { notApplicable: 'No regional API hosts.' },
	},
	etsy: {
		authUrl: {
			page: 'https://developers.etsy.com/documentation/essentials/authentication#step-1-request-an-authorization-code',
			quote: 'direct the user to https://www.etsy.com/oauth/connect with a GET request',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.etsy.com/documentation/essentials/authentication',
			quote:
				'an authorization code an app includes in a token request (https://api.etsy.com/v3/public/oauth/token)',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				'Token request (step 3) body not in excerpt; the row says client_id + code_verifier only (no secret). Keep.',
		},
		pkce: {
			page: 'https://developers.etsy.com/documentation/essentials/authentication#requesting-an-oauth-token',
			quote:
				'A code verifier and generated code challenge proof key for code exchange (PKCE) pair required in the token request and authorization code request',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://developers.etsy.com/documentation/essentials/authentication#step-1-request-an-authorization-code',
			quote:
				'scope | A URL-encoded, space-separated list of one or more scopes (e.g., shops_r%20shops_w)',
			readOn: '2026-12-03',
		},
		refreshScopes: { unconfirmed: 'No refresh-related scope documented in the excerpt.' },
		tokenLifetimes: { unconfirmed: 'Not in the excerpts of the authentication page.' },
		grants: {
			page: 'https://developers.etsy.com/documentation/essentials/authentication',
			quote:
				"Etsy's Open API supports OAuth 2.0 Authorization Code Grants to generate OAuth tokens for app security.",
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: {
			page: 'https://developers.etsy.com/documentation/essentials/requests',
			quote:
				'Etsy API endpoints are accessible at URLs starting with https://api.etsy.com/v3/ or https://openapi.etsy.com/v3/. The two hostnames are equivalent',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.etsy.com/documentation/essentials/requests',
			quote: 'The two hostnames are equivalent and you can use either.',
			readOn: '2026-12-03',
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://developers.etsy.com/documentation/essentials/requests#making-requests',
			quote:
				'Every request to a v3 endpoint must include: ... header | API key | x-api-key: ... | Your Etsy App API Key keystring',
			readOn: '2026-12-03',
			note: 'Row: apiHeaders x-api-key: {clientId} (the keystring) on the check and every request of the nodes.',
		},
		consoleSettings: {
			page: 'https://developers.etsy.com/documentation/essentials/authentication#requesting-an-oauth-token',
			quote:
				'A callback URL your app uses to receive the authorization code ... must implement TLS and use an https:// prefix.',
			readOn: '2026-12-03',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	forgejo: {
		authUrl: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/#endpoints',
			quote: 'Authorization Endpoint | `/login/oauth/authorize`',
			readOn: '2026-12-03',
			note: "Read in a GitHub copy of Forgejo's docs repository (codeberg.org/forgejo/docs, docs/user/oauth2-provider.md, via massoncheg/forgejo-docs).",
		},
		tokenUrl: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/#endpoints',
			quote: 'Access Token Endpoint | `/login/oauth/access_token`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/#confidential-client',
			quote: '"client_secret": "YOUR_CLIENT_SECRET",',
			readOn: '2026-12-03',
			note: 'The confidential-client example sends client_id and client_secret in the body (JSON or x-www-form-urlencoded).',
		},
		pkce: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/#supported-oauth2-grants',
			quote: 'Proof Key for Code Exchange (PKCE)',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			notApplicable:
				"OAuth2 scopes are not implemented in Forgejo ('OAuth2 scopes are not yet implemented.'); the preset sends none.",
		},
		refreshScopes: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/#confidential-client',
			quote:
				'Using the provided `code` from the redirect, you can request a new application and refresh token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://forgejo.org/docs/latest/admin/config-cheat-sheet/#oauth2-oauth2',
			quote:
				'`INVALIDATE_REFRESH_TOKENS`: **true**: Check if a refresh token has already been used.',
			readOn: '2026-12-03',
			note: 'Same section: ACCESS_TOKEN_EXPIRATION_TIME 3600 s, REFRESH_TOKEN_EXPIRATION_TIME 730 h. A used refresh token is refused, so the new one from each refresh must be kept (n8n does).',
		},
		grants: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/#supported-oauth2-grants',
			quote: 'At the moment, Forgejo only supports the Authorization Code Grant standard',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://forgejo.org/docs/latest/user/api-usage/#generating-and-listing-api-tokens',
			quote: 'https://forgejo.example.org/api/v1/users/<username>/tokens',
			readOn: '2026-12-03',
			note: "OAuth2 tokens: 'Access tokens obtained from Forgejo\\'s OAuth2 provider are accepted by these methods: Authorization: Bearer ...' (api-usage#oauth2-provider).",
		},
		apiHosts: {
			page: 'https://forgejo.org/docs/latest/user/api-usage/#oauth2-provider',
			quote: "Access tokens obtained from Forgejo's OAuth2 provider are accepted by these methods:",
			readOn: '2026-12-03',
			note: 'Self-hosted (or codeberg.org): one host.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			unconfirmed:
				"GET /api/v1/user is in each instance's Swagger reference (/api/swagger, per api-usage); no stored forgejo.org page names it. Same route as Gitea's documented 'Get the authenticated user'.",
			lead: 'https://forgejo.org/docs/latest/user/api-usage/#api-guide',
		},
		consoleSettings: {
			page: 'https://forgejo.org/docs/latest/user/oauth2-provider/',
			quote:
				'Third-party applications obtaining a token for a user via such an application will have administrative rights. OAuth2 scopes are not yet implemented.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable:
				'Self-hosted: the server is the host the user enters; no data centres to offer.',
		},
	},
	fortnox: {
		authUrl: {
			page: 'https://www.fortnox.se/developer/authorization/get-authorization-code',
			quote:
				'GET https://apps.fortnox.se/oauth-v1/auth?client_id={Client-ID}&redirect_uri=https%3A%2F%2Fmysite.org%2Factivation&scope=companyinformation&state=somestate123&access_type=offline&response_type=code',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://www.fortnox.se/developer/authorization/get-access-token',
			quote: 'POST https://apps.fortnox.se/oauth-v1/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://www.fortnox.se/developer/authorization/get-access-token',
			quote:
				'Credentials is the Base64 encoding of ClientId and Client-Secret, separated with a colon. ... Authorization: Basic {Credentials}',
			readOn: '2026-12-03',
			note: 'Same on get-refresh-token and get-access-token-using-client-credentials.',
		},
		pkce: {
			unconfirmed:
				'get-authorization-code lists client_id, response_type, state, scope, redirect_uri, access_type, account_type only; no code_challenge. Kept unsupported.',
		},
		scopeSeparator: {
			page: 'https://www.fortnox.se/developer/authorization/get-authorization-code',
			quote:
				'The scope parameter is a list of URL-encoded space-delimited, case-sensitive strings.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://www.fortnox.se/developer/authorization/get-authorization-code',
			quote:
				'access_type (optional) - Indicates whether your app can refresh access tokens when the user is not present at the browser. Should be set to offline.',
			readOn: '2026-12-03',
			note: 'Row sends it as authQueryParameters.',
		},
		tokenLifetimes: {
			page: 'https://www.fortnox.se/developer/authorization/migrate-legacy-token-to-jwt',
			quote:
				'The refresh token (used to obtain a new access token) is valid for 45 days but can only be used once.',
			readOn: '2026-12-03',
			note: "Previously unconfirmed in the row (from a digest). Access: 'The access token (used for API requests) is valid for one hour.' (same page). An older FAQ (developer.fortnox.se/general/faq-frequently-asked-questions) says 31 days; the newer page governs.",
		},
		grants: {
			page: 'https://www.fortnox.se/developer/authorization/get-access-token-using-client-credentials',
			quote:
				'Since we will require tenantId as a parameter in the request for the access token, this is data you need to save on your side in some form.',
			readOn: '2026-12-03',
			note: 'fixed in the row: clientCredentials: false (the token request needs a tenantId the preset cannot send; the notes already point to Custom)',
		},
		clientCredentialsScopes: {
			unconfirmed:
				'Whether a scope parameter is accepted on the client-credentials request was not in the stored excerpt.',
			lead: 'https://www.fortnox.se/developer/authorization/get-access-token-using-client-credentials',
		},
		apiBaseUrl: {
			page: 'https://www.fortnox.se/developer/authorization/get-access-token-using-client-credentials',
			quote:
				'retrieve customer information (including tenantId) via /3/companyinformation or /3/settings/company',
			readOn: '2026-12-03',
			note: 'Host api.fortnox.se not quoted on a stored Fortnox page this round; path prefix /3 confirmed.',
		},
		apiHosts: { unconfirmed: 'Kept; no file-download redirect host found documented.' },
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://www.fortnox.se/developer/authorization/get-access-token-using-client-credentials',
			quote:
				'The requirement is that you include the companyinformation scope to be able to do this.',
			readOn: '2026-12-03',
			note: 'Company endpoint, no user needed, so it also fits client credentials; default scope companyinformation covers it.',
		},
		consoleSettings: {
			page: 'https://www.fortnox.se/developer/authorization/get-authorization-code',
			quote:
				'Service account must also be enabled for the app in the Developer Portal. ... Only system administrators of the customer can authorize service accounts during the authorization process.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: service account enabled in the Developer Portal for client credentials',
		},
		regions: { notApplicable: 'Single host.' },
	},
	freshBooks: {
		authUrl: {
			page: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api#using-the-freshbooks-authorization-grant-flow',
			quote:
				'The format of your authorization url is https://auth.freshbooks.com/oauth/authorize/?response_type=code&redirect_uri=<REDIRECT_URL>&client_id=<CLIENT_ID>',
			readOn: '2026-12-03',
			note: "Quote read in the page's text as stored (a mirror carried the same words); the provider's example has a trailing slash, both forms are the same endpoint.",
		},
		tokenUrl: {
			page: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api#using-the-freshbooks-authorization-grant-flow',
			quote: "curl -L -X POST 'https://api.freshbooks.com/auth/oauth/token'",
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api#using-the-freshbooks-authorization-grant-flow',
			quote:
				'your app must request a access token using the code parameter retrieved above along with your client_id, client_secret, redirect_uri',
			readOn: '2026-12-03',
			note: 'The example posts client_id and client_secret as form fields.',
		},
		pkce: { unconfirmed: 'Not mentioned.' },
		scopeSeparator: {
			unconfirmed:
				"Scopes are ticked on the app ('The user logs in and sees the Scopes your App will have access to'); no scope-parameter format found.",
		},
		refreshScopes: {
			page: 'https://www.freshbooks.com/developers/authentication#basic-flow',
			quote:
				'We return to you a pair of tokens, an access token (called a Bearer token) and a refresh token',
			readOn: '2026-12-03',
			note: 'A refresh token comes with every code exchange; no scope needed.',
		},
		tokenLifetimes: {
			page: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api#authorization-code-grant-flow-explained',
			quote:
				'The Access Token expires after 12 hours, however the Authorization Response also contains a Refresh Token (which never expires, but can only be used once)',
			readOn: '2026-12-03',
			note: 'Each refresh returns a new refresh token that must be stored.',
		},
		grants: {
			page: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api',
			quote:
				'FreshBooks provides OAuth 2.0 authorization code grant flow to authenticate on the FreshBooks api.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				'Paths differ per product (/auth/api/v1/users/me, /accounting/account/{accountId}/..., /timetracking/business/{businessId}/...), so the host is the base; not quoted from an excerpt.',
		},
		apiHosts: { unconfirmed: 'No other API host found in the excerpts.' },
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			unconfirmed:
				"users/me and its scope come from the row's setupHint; the identity page was not reached. Defaults send no scope, so the app must tick user:profile:read (already in the setup hint).",
		},
		consoleSettings: {
			page: 'https://www.freshbooks.com/developers/authentication#redirect-uri-limitations',
			quote: 'For security reasons, redirect URIs must specify HTTPS as their protocol.',
			readOn: '2026-12-03',
		},
		regions: { unconfirmed: 'No regional API hosts found.' },
	},
	front: {
		authUrl: {
			page: 'https://dev.frontapp.com/docs/oauth#1-request-authorization',
			quote:
				'GET https://app.frontapp.com/oauth/authorize?response_type=code&client_id={clientId}&redirect_uri={redirectURI} HTTP/1.1',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://dev.frontapp.com/docs/oauth#3-exchange-authorization-code',
			quote:
				'you need to exchanged it for an API token by sending a POST HTTP request to `https://app.frontapp.com/oauth/token`.',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://dev.frontapp.com/docs/oauth#3-exchange-authorization-code',
			quote:
				'Your request **MUST** be authenticated with Basic authentication using your OAuth application Client ID and Client Secret.',
			readOn: '2026-12-03',
			note: "Same for refresh (#4). Resolves the row's unconfirmed client-authentication item.",
		},
		pkce: {
			page: 'https://dev.frontapp.com/docs/oauth#1-request-authorization',
			quote: 'response_type ... client_id ... redirect_uri ... state (optional)',
			readOn: '2026-12-03',
			note: 'Only these four authorize parameters are documented; no code_challenge.',
		},
		scopeSeparator: { notApplicable: 'No scope parameter: scopes are configured on the app.' },
		refreshScopes: {
			page: 'https://dev.frontapp.com/docs/oauth#3-exchange-authorization-code',
			quote:
				'Front OAuth server response will include two tokens (the API token in the `access_token` param and the refresh token in the `refresh_token` param)',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://dev.frontapp.com/docs/oauth#4-use-refresh-token-to-obtain-new-tokens',
			quote:
				'Otherwise, the `refresh_token` from Step 3 will expire in six months and the OAuth flow will start from Step 1 again.',
			readOn: '2026-12-03',
			note: "'When the access_token from Step 3 has expired after an hour'; the refresh response carries 'the same, or new refresh_token' — always store the returned one. expires_at (a timestamp) instead of expires_in may leave the client without an expiry: refresh on 401. Resolves the row's unconfirmed refre...",
		},
		grants: {
			page: 'https://dev.frontapp.com/docs/oauth#using-oauth-with-front',
			quote: "Front's OAuth implementation only supports the authorization code grant type",
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'Authorization code only.' },
		apiBaseUrl: {
			unconfirmed:
				"Front's API reference lists https://api2.frontapp.com as the base (and per-company https://<company>.api.frontapp.com); no stored copy read today.",
		},
		apiHosts: {
			unconfirmed:
				"Row matches Front's reference servers; not re-read. Attachment downloads are API calls on the same hosts.",
		},
		tokenResponseHost: {
			notApplicable: 'Token response: access_token, refresh_token, expires_at, token_type.',
		},
		checkRequest: {
			unconfirmed: "GET /me ('API Token details') per Front's API reference; not re-read today.",
		},
		consoleSettings: {
			page: 'https://dev.frontapp.com/docs/oauth#intro-to-front-oauth',
			quote:
				'End users authorizing OAuth apps must be admins. This applies to both private and public OAuth apps.',
			readOn: '2026-12-03',
			note: 'No setting affects refresh-token life.',
		},
		regions: { notApplicable: 'No regional data centres documented for the API.' },
	},
	fusionAuth: {
		authUrl: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#authorization-code-grant-request',
			quote:
				'/oauth2/authorize?client_id={client_id}&redirect_uri={redirect_uri}&response_type=code',
			readOn: '2026-12-03',
			note: 'Read in FusionAuth/fusionauth-site astro/src/content/docs/lifecycle/authenticate-users/oauth/endpoints.mdx. The page lists tenantId (for the theme) as a parameter; the preset does not send it.',
		},
		tokenUrl: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#complete-the-authorization-code-grant-request',
			quote: 'POST /oauth2/token HTTP/1.1',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#complete-the-authorization-code-grant-request',
			quote:
				'If providing client authentication using the Basic Authentication Scheme authorization header, the value is created by taking the `clientId` and `clientSecret` properties',
			readOn: '2026-12-03',
			note: "Same Authorization header block: 'The client_secret may be provided in the request body as well'; both work.",
		},
		pkce: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#authorization-code-grant-request',
			quote:
				'The `code_challenge` parameter as described in the Proof Key for Code Exchange by OAuth Public Clients (PKCE) specification.',
			readOn: '2026-12-03',
			note: 'Optional, since 1.8.0; S256.',
		},
		scopeSeparator: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#authorization-code-grant-request',
			quote: 'This parameter may contain multiple space separated scopes.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#authorization-code-grant-request',
			quote:
				'`offline_access` - This scope is used to request a `refresh_token` be returned in the response',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			unconfirmed:
				"The endpoint page says the access-token TTL 'is taken from application.jwtConfiguration.timeToLiveInSeconds if it is set there, otherwise ... tenant.jwtConfiguration.timeToLiveInSeconds' but gives no default; refresh-token lifetime and reuse policy not read.",
			lead: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#refresh-token-grant-request',
		},
		grants: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#client-credentials-grant-request',
			quote:
				'The client Id is the Id of the FusionAuth Entity in which you are attempting to authenticate.',
			readOn: '2026-12-03',
			note: 'Client credentials exist only for Entities (Entity Management, a paid plan) with their own client ID and secret and target-entity scopes, not for the Application this preset signs in to.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials for an Application (Entities only).',
		},
		apiBaseUrl: {
			unconfirmed:
				"FusionAuth's /api/* calls take an API key, not the OAuth token; the OAuth token serves /oauth2/userinfo and the user's own apps. No page read names a base.",
		},
		apiHosts: {
			unconfirmed: 'Self-hosted or FusionAuth Cloud (<name>.fusionauth.io): one host.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#userinfo',
			quote: 'Returns the Claims about the authenticated End-User.',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/endpoints#complete-the-authorization-code-grant-request',
			quote: 'the `Generate refresh tokens` toggle in the FusionAuth admin UI.',
			readOn: '2026-12-03',
			note: "'This field will be returned in the response when offline_access scope was requested unless refresh tokens have been disabled for this application.'",
		},
		regions: {
			notApplicable:
				'Self-hosted: the server is the host the user enters; no data centres to offer.',
		},
	},
	genesysCloud: {
		authUrl: {
			unconfirmed:
				"developer.genesys.cloud 'use-authorization-code' page not in the search excerpts this session; keep. Re-tried 2026-12-03: no developer.genesys.cloud page in the stored corpora; MyPureCloud repositories hold code only.",
		},
		tokenUrl: {
			unconfirmed:
				'Same; a third-party page shows https://login.mypurecloud.de/oauth/token with Basic auth.',
		},
		tokenAuthMethod: { unconfirmed: 'no provider page states it' },
		pkce: { unconfirmed: 'Genesys documents a separate PKCE grant type for clients; not re-read.' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: { unconfirmed: 'No scope or parameter for refresh tokens found.' },
		tokenLifetimes: {
			unconfirmed:
				"Genesys's own Terraform example shows the per-client token duration setting; default value not found on a docs page.",
			lead: 'https://github.com/MyPureCloud/terraform-provider-genesyscloud/blob/main/examples/resources/genesyscloud_oauth_client/resource.tf',
		},
		grants: {
			unconfirmed:
				"Genesys's own tutorial repository (not the docs site). One OAuth client has one grant type: a Code Authorization client cannot do client credentials and vice versa; client-credentials clients get roles, not scopes.",
			lead: 'https://github.com/MyPureCloud/user-provisioning-scripts-js/blob/main/docs/module1_authentication.md',
		},
		clientCredentialsScopes: {
			unconfirmed: "Provider's Terraform example; docs page not read.",
			lead: 'https://github.com/MyPureCloud/terraform-provider-genesyscloud/blob/main/examples/resources/genesyscloud_oauth_client/resource.tf',
		},
		apiBaseUrl: { unconfirmed: 'Paths start /api/v2.' },
		apiHosts: {
			unconfirmed:
				'Also apps.{region} / login.{region}; recordings and exports download from signed S3/CDN URLs (not confirmed).',
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			unconfirmed:
				'tokens/me describes the token, not a user, so it should also fit client credentials; not confirmed on a Genesys page.',
		},
		consoleSettings: { unconfirmed: 'no provider page states it' },
		regions: {
			unconfirmed:
				"Genesys's own SDK (a lead, not docs). All of these are in the row; the row also has mxc1 (Mexico) and apse1 (Singapore), not in this SDK version: check developer.genesys.cloud/platform/api/ regions table.",
			lead: 'https://app.unpkg.com/purecloud-platform-client-v2@223.0.0/files/src/purecloud-platform-client-v2/PureCloudRegionHosts.js',
		},
	},
	gitea: {
		authUrl: {
			page: 'https://docs.gitea.com/development/oauth2-provider#endpoints',
			quote: 'Authorization Endpoint | `/login/oauth/authorize`',
			readOn: '2026-12-03',
			note: "Read in Gitea's docs repository (gitea/docs, docs/development/oauth2-provider.md; also go-gitea/gitea docs/content/development/oauth2-provider.en-us.md).",
		},
		tokenUrl: {
			page: 'https://docs.gitea.com/development/oauth2-provider#endpoints',
			quote: 'Access Token Endpoint | `/login/oauth/access_token`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.gitea.com/development/oauth2-provider#confidential-client',
			quote: '"client_secret": "YOUR_CLIENT_SECRET",',
			readOn: '2026-12-03',
			note: "The confidential-client example sends client_id and client_secret in the body: 'The access token endpoint accepts POST requests with application/json and application/x-www-form-urlencoded body'.",
		},
		pkce: {
			page: 'https://docs.gitea.com/development/oauth2-provider#supported-oauth2-grants',
			quote: 'Proof Key for Code Exchange (PKCE)',
			readOn: '2026-12-03',
			note: 'Listed as a supported extension of the Authorization Code Grant; S256 or plain.',
		},
		scopeSeparator: {
			unconfirmed:
				'Gitea pages list scope names (read:user, openid, ...) but show no request with two scopes; space is the OAuth2/OIDC default.',
		},
		refreshScopes: {
			page: 'https://docs.gitea.com/development/oauth2-provider#confidential-client',
			quote:
				'Using the provided `code` from the redirect, you can request a new application and refresh token.',
			readOn: '2026-12-03',
			note: 'The example response carries refresh_token with no extra scope or parameter.',
		},
		tokenLifetimes: {
			page: 'https://docs.gitea.com/administration/config-cheat-sheet#oauth2-oauth2',
			quote:
				'`REFRESH_TOKEN_EXPIRATION_TIME`: **730**: Lifetime of an OAuth2 refresh token in hours',
			readOn: '2026-12-03',
			note: "Same section: ACCESS_TOKEN_EXPIRATION_TIME 3600 s; 'INVALIDATE_REFRESH_TOKENS: false: Check if refresh token has already been used' (a used refresh token stays valid by default). Server admins can change all three.",
		},
		grants: {
			page: 'https://docs.gitea.com/development/oauth2-provider#supported-oauth2-grants',
			quote: 'At the moment Gitea only supports the Authorization Code Grant standard',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://docs.gitea.com/development/api-usage#more-on-the-authorization-header',
			quote: 'curl "http://localhost:4000/api/v1/repos/test1/test1/issues"',
			readOn: '2026-12-03',
			note: "OAuth2 tokens go in 'Authorization bearer ...' (api-usage#oauth2-provider).",
		},
		apiHosts: {
			page: 'https://docs.gitea.com/development/api-usage#oauth2-provider',
			quote: "Access tokens obtained from Gitea's OAuth2 provider are accepted by these methods:",
			readOn: '2026-12-03',
			note: 'Self-hosted: the API is on the instance the user enters.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			page: 'https://docs.gitea.com/api/next/#tag/user/operation/userGetCurrent',
			quote: 'Get the authenticated user',
			readOn: '2026-12-03',
			note: "From the API reference (gitea/docs static/swagger-latest.json, '/user' get summary). Scope per oauth2-provider#scopes: 'read:user: Grants read access to user operations'.",
		},
		consoleSettings: {
			page: 'https://docs.gitea.com/development/oauth2-provider#granular-scopes',
			quote:
				'If the third party changes its requested scopes in future requests, the entire flow will fail, requiring re-authorization.',
			readOn: '2026-12-03',
			note: 'Gitea 1.23+ granular scopes; earlier versions grant full access whatever the scopes.',
		},
		regions: {
			notApplicable:
				'Self-hosted: the server is the host the user enters; no data centres to offer.',
		},
	},
	gitHub: {
		authUrl: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#1-request-a-users-github-identity',
			quote: 'GET {% data variables.product.oauth_host_code %}/login/oauth/authorize',
			readOn: '2026-12-03',
			note: 'oauth_host_code renders as https://github.com on github.com docs.',
		},
		tokenUrl: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#2-users-are-redirected-back-to-your-site-by-github',
			quote: 'POST {% data variables.product.oauth_host_code %}/login/oauth/access_token',
			readOn: '2026-12-03',
			note: "Default response is form-encoded; JSON with Accept: application/json ('By default, the response takes the following form: access_token=...&scope=repo%2Cgist&token_type=bearer').",
		},
		tokenAuthMethod: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#2-users-are-redirected-back-to-your-site-by-github',
			quote:
				'`client_secret` | `string` | Required | The client secret you received from GitHub for your OAuth app.',
			readOn: '2026-12-03',
			note: 'Documented as request parameters; Basic not documented.',
		},
		pkce: {
			unconfirmed:
				"The stored docs version of authorizing-oauth-apps (commit 029b09a) still says 'The PKCE (Proof Key for Code Exchange) parameters `code_challenge` and `code_challenge_method` are not supported at this time.'; the row relies on the 2025-07-14 changelog, not re-read this round. Keep supported (optio...",
			lead: 'https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication',
		},
		scopeSeparator: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#1-request-a-users-github-identity',
			quote: 'A space-delimited list of scopes.',
			readOn: '2026-12-03',
			note: 'Token response lists them comma-separated (scope=repo,gist).',
		},
		refreshScopes: {
			page: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens#about-user-access-tokens-that-expire',
			quote:
				'If your app uses user access tokens that expire, then you will receive a refresh token when you generate a user access token.',
			readOn: '2026-12-03',
			note: 'No scope; refresh tokens come only from GitHub Apps with token expiration on. OAuth apps get non-expiring tokens and no refresh token.',
		},
		tokenLifetimes: {
			page: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens#about-user-access-tokens-that-expire',
			quote:
				'The user access token expires after eight hours, and the refresh token expires after six months.',
			readOn: '2026-12-03',
			note: "Rotation: 'Once you use a refresh token, that refresh token and the old user access token will no longer work.' Previously unconfirmed in the row.",
		},
		grants: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
			quote:
				"GitHub's OAuth implementation supports the standard authorization code grant type and the OAuth 2.0 Device Authorization Grant",
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#3-use-the-access-token-to-access-the-api',
			quote: 'GET {% data variables.product.rest_url %}/user',
			readOn: '2026-12-03',
		},
		apiHosts: {
			unconfirmed:
				"Redirects are documented; the target host names are not named on GitHub's pages read (quote seen in copies of GitHub's OpenAPI description). The targets are pre-signed, so the token need not follow; only add them if n8n blocks credentialed redirects off the allowed domains.",
			lead: 'https://docs.github.com/en/rest/repos/contents#download-a-repository-archive-zip',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#3-use-the-access-token-to-access-the-api',
			quote:
				'curl -H "Authorization: Bearer OAUTH-TOKEN" {% data variables.product.rest_url %}/user',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens#configuring-your-app-to-use-user-access-tokens-that-expire',
			quote: 'Next to "User-to-server token expiration", click Opt-in or Opt-out.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: GitHub App user-to-server token expiration left on',
		},
		regions: {
			page: 'https://docs.github.com/en/enterprise-cloud@latest/admin/data-residency/about-github-enterprise-cloud-with-data-residency#api-access',
			quote:
				"For example, if your enterprise's subdomain is `octocorp`, users should send requests to `https://api.octocorp.ghe.com`.",
			readOn: '2026-12-03',
			note: 'Row: GitHub Host field, github.com (the default) or <subdomain>.ghe.com: sign-in and token on that host, API on api.<host>.',
		},
	},
	gitLab: {
		authUrl: {
			page: 'https://docs.gitlab.com/api/oauth2/#authorization-code-flow',
			quote:
				'Request authorization code. To do that, you should redirect the user to the `/oauth/authorize` page with the following query parameters: https://gitlab.example.com/oauth/authorize?client_id=APP_ID',
			readOn: '2026-12-03',
			note: "Read in the page's source (doc/api/oauth2.md, gitlabhq/gitlabhq mirror of gitlab-org/gitlab).",
		},
		tokenUrl: {
			page: 'https://docs.gitlab.com/api/oauth2/#cross-origin-resource-sharing',
			quote:
				'The following endpoints also support CORS preflight requests: /oauth/revoke /oauth/token /oauth/userinfo',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.gitlab.com/api/oauth2/#authorization-code-flow',
			quote:
				"parameters = 'client_id=APP_ID&client_secret=APP_SECRET&code=RETURNED_CODE&grant_type=authorization_code&redirect_uri=REDIRECT_URI' RestClient.post 'https://gitlab.example.com/oauth/token', parameters",
			readOn: '2026-12-03',
			note: 'client_id and client_secret are form-body parameters of the token request (also in the refresh example); read in doc/api/oauth2.md.',
		},
		pkce: {
			page: 'https://docs.gitlab.com/api/oauth2/#supported-oauth-20-flows',
			quote:
				'Authorization code with Proof Key for Code Exchange (PKCE): Most secure. ... This flow is recommended for both client and server apps.',
			readOn: '2026-12-03',
		},
		scopeSeparator: { unconfirmed: 'Not stated in the excerpt; space kept.' },
		refreshScopes: {
			page: 'https://docs.gitlab.com/api/oauth2/#supported-oauth-20-flows',
			quote:
				'Authorization code: Secure and common flow. Recommended option for secure server-side apps.',
			readOn: '2026-12-03',
			note: 'Refresh tokens come with the authorization-code flows; no scope needed.',
		},
		tokenLifetimes: {
			unconfirmed:
				"GitLab 15.0 made all OAuth access tokens expire after 2 hours (GitLab's 15.0 breaking-changes post, cited in gitlab-org/gitlab issue 360729). Refresh rotation is the row's own unconfirmed note; not reached in docs excerpts.",
			lead: 'https://about.gitlab.com/blog/2022/04/18/gitlab-releases-15-breaking-changes/#oauth-tokens-without-expiration',
		},
		grants: {
			page: 'https://docs.gitlab.com/api/oauth2/#supported-oauth-20-flows',
			quote:
				'GitLab supports the following authorization flows: Authorization code with Proof Key for Code Exchange (PKCE) ... Authorization code ... Device Authorization Grant',
			readOn: '2026-12-03',
			note: 'No client credentials grant in the list.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: { unconfirmed: 'REST API v4 base; not quoted from an excerpt.' },
		apiHosts: {
			unconfirmed:
				'Object-storage redirects (artifacts, LFS, uploads) go to pre-signed storage URLs that need no token; not confirmed here.',
		},
		tokenResponseHost: { notApplicable: "Host is the user's field." },
		checkRequest: { unconfirmed: 'Standard current-user endpoint; read_user is in defaultScopes.' },
		consoleSettings: {
			page: 'https://docs.gitlab.com/integration/oauth_provider/',
			quote: 'Select OAuth 2 Scopes as defined in Authorized Applications.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://docs.gitlab.com/api/oauth2/',
			quote: 'Offering: GitLab.com, GitLab Self-Managed, GitLab Dedicated',
			readOn: '2026-12-03',
			note: 'Self-managed and Dedicated hosts come from the GitLab Host field.',
		},
	},
	google: {
		authUrl: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient',
			quote: 'https://accounts.google.com/o/oauth2/v2/auth',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code',
			quote: 'POST /token HTTP/1.1 Host: oauth2.googleapis.com',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://accounts.google.com/.well-known/openid-configuration',
			quote:
				'"token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"]',
			readOn: '2026-12-03',
			note: "Google's discovery document (linked from https://developers.google.com/identity/protocols/oauth2/openid-connect#discovery) lists both; the row's 'body' works.",
		},
		pkce: {
			page: 'https://accounts.google.com/.well-known/openid-configuration',
			quote: '"code_challenge_methods_supported": ["plain", "S256"]',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient',
			quote:
				"scope: Required. A space-delimited list of scopes that identify the resources that your application could access on the user's behalf.",
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#offline',
			quote:
				'Set the value to offline if your application needs to refresh access tokens when the user is not present at the browser.',
			readOn: '2026-12-03',
			note: 'prompt=consent makes Google return a refresh token again on re-authorization; row has both as authQueryParameters.',
		},
		tokenLifetimes: {
			page: 'https://developers.google.com/identity/protocols/oauth2#expiration',
			quote:
				'A Google Cloud Platform project with an OAuth consent screen configured for an external user type and a publishing status of "Testing" is issued a refresh token expiring in 7 days',
			readOn: '2026-12-03',
			note: '7 days in Testing (External) unless only openid/email/profile; 6 months unused',
		},
		grants: {
			page: 'https://developers.google.com/identity/protocols/oauth2#serviceaccount',
			quote:
				'Google APIs such as the Prediction API and Google Cloud Storage can act on behalf of your application without accessing user information... use service accounts',
			readOn: '2026-12-03',
			note: 'Server-to-server uses service-account JWT assertions (grant urn:ietf:params:oauth:grant-type:jwt-bearer), not client_credentials; discovery grant_types_supported has no client_credentials.',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#callinganapi',
			quote: 'GET https://www.googleapis.com/drive/v2/files',
			readOn: '2026-12-03',
			note: 'Many APIs have their own host (gmail.googleapis.com, sheets.googleapis.com, people.googleapis.com, ...): relative paths only suit www.googleapis.com APIs; users should give full URLs.',
		},
		apiHosts: {
			page: 'https://developers.google.com/identity/protocols/oauth2/web-server#callinganapi',
			quote: 'GET https://www.googleapis.com/drive/v2/files',
			readOn: '2026-12-03',
			note: "All Google REST APIs live on *.googleapis.com (each API's discovery rootUrl). Drive exportLinks/webContentLink point at docs.google.com / drive.google.com and photo URLs at *.googleusercontent.com; they are not OAuth API calls and are not added (unconfirmed whether Drive alt=media redirects there).",
		},
		tokenResponseHost: { notApplicable: 'Token response names no API host.' },
		checkRequest: {
			page: 'https://developers.google.com/identity/protocols/oauth2/openid-connect#obtaininguserprofileinformation',
			quote:
				'To obtain additional profile information about the user, you can use the access token (which your application receives during the authentication flow) and the OpenID Connect standard',
			readOn: '2026-12-03',
			note: 'Row: checkScopes openid, requested also when the user types or ticks scopes.',
		},
		consoleSettings: {
			page: 'https://developers.google.com/identity/protocols/oauth2#expiration',
			quote: 'a publishing status of "Testing" is issued a refresh token expiring in 7 days',
			readOn: '2026-12-03',
			note: 'fixed in the row: setupHint: publish the app or refresh tokens expire after 7 days',
		},
		regions: { notApplicable: 'Single global endpoint set.' },
	},
	gorgias: {
		authUrl: {
			page: 'https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias#authorization-redirection',
			quote:
				'the app should send an authorization redirect to the following URL: https://{subdomain}.gorgias.com/oauth/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			unconfirmed:
				"Step 4 'Post request to obtain the access token' named, URL not in the excerpt.",
		},
		tokenAuthMethod: { unconfirmed: 'no provider page states it' },
		pkce: { unconfirmed: 'no provider page states it' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: {
			page: 'https://developers.gorgias.com/docs/oauth2-bearer-token#access-token-expiration',
			quote:
				'If your app needs permanent access you should request the offline scope described in OAuth2 Scopes and get a refresh_token',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias#introduction',
			quote:
				'Post request to obtain the access token (has a 24 hours expiration time) 5. Refresh token used to obtain the next token (does not have expiration time)',
			readOn: '2026-12-03',
			note: 'access 24 h; refresh does not expire',
		},
		grants: {
			page: 'https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias',
			quote:
				'In order to be able to have an approved public app with Gorgias, it is required that the app is using OAuth2 for authentication.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: {
			page: 'https://developers.gorgias.com/docs/oauth2-bearer-token',
			quote: '--url https://your-customer-account.gorgias.com/api/account',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.gorgias.com/docs/oauth2-bearer-token',
			quote: 'https://your-customer-account.gorgias.com/api/account',
			readOn: '2026-12-03',
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://developers.gorgias.com/docs/oauth2-bearer-token',
			quote:
				"curl --request GET --url https://your-customer-account.gorgias.com/api/account --header 'Authorization: Bearer YOUR-PLAIN-TEXT-ACCESS-TOKEN'",
			readOn: '2026-12-03',
		},
		consoleSettings: {
			unconfirmed:
				'The quote says an approved app appears in the helpdesk with a Connect button; it does not say a draft app cannot be authorized from the authorize URL (the research marks that unconfirmed).',
			lead: 'https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias#authorization-redirection',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	goTo: {
		authUrl: {
			page: 'https://developer.goto.com/guides/Authentication/03_HOW_accessToken',
			quote:
				'https://authentication.logmeininc.com/oauth/authorize?client_id={clientID}&response_type=code&redirect_uri={redirectUri}',
			readOn: '2026-12-03',
			note: 'The old host api.getgo.com/oauth/v2 was decommissioned on January 15th, 2025 (New_Token_Retrieval_Migration_Guide).',
		},
		tokenUrl: {
			page: 'https://developer.goto.com/guides/Authentication/05_HOW_refreshToken',
			quote: "curl --request POST 'https://authentication.logmeininc.com/oauth/token'",
			readOn: '2026-12-03',
			note: 'Same endpoint in the Personal Access Token guide (03.1_HOW_accessTokenPAT), form-encoded body (Content-Type: application/x-www-form-urlencoded).',
		},
		tokenAuthMethod: {
			page: 'https://developer.goto.com/guides/Authentication/05_HOW_refreshToken',
			quote:
				'The Authorization header value is the same as the one you used to obtain the original token, namely the string of clientID:clientSecret base64 encoded.',
			readOn: '2026-12-03',
			note: "03.1_HOW_accessTokenPAT: 'The Authorization header must contain the client ID and secret encoded in Base64 format.'",
		},
		pkce: {
			unconfirmed:
				'The documented authorize URL has client_id, response_type and redirect_uri only; PKCE not mentioned in the guides read. Kept unsupported.',
		},
		scopeSeparator: {
			notApplicable:
				"No scope parameter on the authorize request; scopes come from the OAuth client. Token responses list them space-separated ('users.v1.lines.read calls.v2.initiate', 05_HOW_refreshToken).",
		},
		refreshScopes: {
			page: 'https://developer.goto.com/guides/Authentication/05_HOW_refreshToken',
			quote:
				'Getting a new access token requires a new login and new token request, or - more easily - a request that contains a refresh token.',
			readOn: '2026-12-03',
			note: 'The code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			page: 'https://developer.goto.com/guides/Authentication/05_HOW_refreshToken',
			quote: 'Access tokens have a lifespan of 60 minutes.',
			readOn: '2026-12-03',
			note: "Same page: a refresh response has no refresh_token field unless 'a new refresh token has been issued because the old one has expired'.",
		},
		grants: {
			page: 'https://developer.goto.com/guides/Authentication/New_Token_Retrieval_Migration_Guide',
			quote:
				'To begin, you will need to get an authorization code if you are using the authorization code grant flow.',
			readOn: '2026-12-03',
			note: "The other documented grant is GoTo's personal_access_token (grant_type=personal_access_token&pat=...), which n8n cannot send; client credentials not found on a GoTo page read, so the row offers none.",
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant in the row.',
		},
		apiBaseUrl: {
			page: 'https://developer.goto.com/guides/GoToConnect/10_HOW_manageAccountUsers',
			quote: "'https://api.getgo.com/admin/rest/v1/accounts/{accountKey}/users'",
			readOn: '2026-12-03',
			note: 'GoTo Connect APIs also live on api.jive.com (users/lines) and api.goto.com; use absolute URLs for those.',
		},
		apiHosts: {
			page: 'https://goto-developer.logmein.com/guides/GoToConnect/09_HOW_fetchAccountUsers/',
			quote: "'https://api.jive.com/users/v1/users?accountKey={accountKey}'",
			readOn: '2026-12-03',
			note: "api.getgo.com on the same page ('https://api.getgo.com/admin/rest/v1/me'); api.goto.com (GoTo Connect's newer API host) not quoted on a page read this round.",
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			unconfirmed:
				"The endpoint and that it names the signed-in user's accounts are quoted; the scope it needs is not stated on the page read, so whether the client's default scopes cover it is unconfirmed.",
			lead: 'https://goto-developer.logmein.com/guides/GoToConnect/09_HOW_fetchAccountUsers/',
		},
		consoleSettings: {
			page: 'https://developer.goto.com/guides/Authentication/03_HOW_accessToken',
			quote:
				'NOTE: Only the scopes set in your OAuth client will be requested from your end users.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'No regional sign-in or API hosts in the guides read.',
		},
	},
	gusto: {
		authUrl: {
			page: 'https://docs.gusto.com/v1/examples/authentication',
			quote: 'URL: https://api.gusto.com/oauth/authorize',
			readOn: '2026-12-03',
			note: "Same page: parameters client_id, redirect_uri, response_type (the literal string code). Demo apps use api.gusto-demo.com (the OAuth2 guide: 'all API calls should be made to Gusto's demo environment api.gusto-demo.com').",
		},
		tokenUrl: {
			page: 'https://docs.gusto.com/embedded-payroll/reference/oauth-access-token',
			quote: 'post https://api.gusto-demo.com/oauth/token',
			readOn: '2026-12-03',
			note: "The reference shows the demo host; the OAuth2 guide (https://docs.gusto.com/app-integrations/docs/oauth2 and embedded-payroll/docs/oauth2) says its instructions 'reference Gusto's production environment api.gusto.com'.",
		},
		tokenAuthMethod: {
			page: 'https://docs.gusto.com/embedded-payroll/reference/oauth-access-token',
			quote: 'client_idstringrequiredYour client IDclient_secretstringrequiredYour client secret',
			readOn: '2026-12-03',
			note: 'Body params of the token request (refresh token request); a Basic header is not documented.',
		},
		pkce: {
			unconfirmed:
				'The authorize parameters listed are client_id, redirect_uri, response_type only; no code_challenge documented. Kept unsupported.',
		},
		scopeSeparator: {
			notApplicable:
				'No scope parameter on the documented authorize request; scopes come from the application. Token info lists them space-delimited.',
		},
		refreshScopes: {
			page: 'https://docs.gusto.com/app-integrations/docs/oauth2',
			quote: 'Exchange authorization code for access/refresh token pair',
			readOn: '2026-12-03',
			note: 'Every code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			page: 'https://docs.gusto.com/app-integrations/v2024-04-01/reference/refresh-access-token',
			quote:
				'The previous refresh_token will be revoked on the first usage of the new access_token.',
			readOn: '2026-12-03',
			note: "expires_in 7200 is in the reference's example response (copy on developers.qodex.ai); the Gusto page says 'The expires_in value is provided in seconds from when the access_token was generated.'",
		},
		grants: {
			page: 'https://docs.gusto.com/embedded-payroll/reference/oauth-access-token',
			quote:
				'Set system_access to create a system access token, refresh_token to refresh an existing token',
			readOn: '2026-12-03',
			note: "Gusto's app-level token uses grant_type=system_access (Embedded Payroll partners), not client_credentials, so n8n's client credentials grant does not apply.",
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://docs.gusto.com/embedded-payroll/v2024-03-01/reference/introspection',
			quote: 'get https://api.gusto-demo.com/v1/token_info',
			readOn: '2026-12-03',
			note: "Production host api.gusto.com per the OAuth2 guide. An X-Gusto-API-Version header is optional ('If none is provided, your application's minimum API version is used').",
		},
		apiHosts: {
			page: 'https://docs.gusto.com/embedded-payroll/docs/oauth2',
			quote:
				"The instructions below reference Gusto's production environment api.gusto.com. Please note that when developing an integration, all API calls should be made to Gusto's demo environment",
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://docs.gusto.com/embedded-payroll/reference/get-v1-token-info',
			quote: 'Returns scope and resource information associated with the current access token.',
			readOn: '2026-12-03',
			note: 'Names the company (resource) and the resource owner (CompanyAdmin) the token belongs to.',
		},
		consoleSettings: {
			page: 'https://docs.gusto.com/app-integrations/docs/oauth2',
			quote:
				'introduced strict access, which restricts an access token to only one company, meaning a multi-company administrator must go through OAuth individually for each company they wish to authorize.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://docs.gusto.com/embedded-payroll/docs/oauth2',
			quote: "all API calls should be made to Gusto's demo environment api.gusto-demo.com.",
			readOn: '2026-12-03',
			note: 'Environment, not region: offered as the gustoEnvironment field.',
		},
	},
	harvest: {
		authUrl: {
			unconfirmed:
				"The stored copies of the v2 authentication page stop at 'OAuth2 application'; the authorize URL appears only in third-party copies of that page (glama.ai: 'Redirect user to: https://id.getharvest.com/oauth2/authorize?client_id={CLIENT_ID}&response_type=code'). The v1 pages use https://{account}.h... Re-tried 2026-12-03: not found in the stored corpora.",
			lead: 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/#oauth2-application',
		},
		tokenUrl: {
			unconfirmed:
				'Not found on a stored Harvest page; only in third-party code. Kept as in the row.',
		},
		tokenAuthMethod: {
			unconfirmed:
				"Only the v1 server-side page shows the token request (form body, 'the Content-Type header for this request must be application/x-www-form-urlencoded'); v2 token request not stored.",
			lead: 'https://help.getharvest.com/api-v1/authentication/authentication/server-side-apps/',
		},
		pkce: { unconfirmed: 'No Harvest page mentions PKCE.' },
		scopeSeparator: {
			unconfirmed:
				'Scope values harvest:all, forecast:all, harvest:{ACCOUNT_ID}, all appear only in third-party copies of the v2 authentication page; separator not stated.',
		},
		refreshScopes: {
			page: 'https://help.getharvest.com/api-v1/authentication/authentication/server-side-apps/',
			quote: '4. Get the access and refresh tokens from the response.',
			readOn: '2026-12-03',
			note: 'Authorization code flow returns a refresh token; no scope needed (implicit grant gives none).',
		},
		tokenLifetimes: {
			unconfirmed: 'v1 page; v2 lifetime not on a stored page.',
			lead: 'https://help.getharvest.com/api-v1/authentication/authentication/server-side-apps/',
		},
		grants: {
			page: 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
			quote:
				'Implementing a full OAuth2 Authentication flow which allows other people to use your Harvest integrations.',
			readOn: '2026-12-03',
			note: 'Personal Access Tokens are the non-interactive option; no client credentials grant.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://help.getharvest.com/api-v2/introduction/overview/general/',
			quote:
				'curl https://api.harvestapp.com/v2/tasks?page=2&per_page=10 -H "Authorization: Bearer $ACCESS_TOKEN" -H "Harvest-Account-Id: $ACCOUNT_ID" -H "User-Agent: MyApp (...)"',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://help.getharvest.com/api-v2/introduction/overview/general/',
			quote: 'curl https://api.harvestapp.com/v2/tasks?page=2&per_page=10',
			readOn: '2026-12-03',
			note: 'Forecast (product scope forecast:*) has no documented public API host; not added.',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://help.getharvest.com/api-v2/introduction/overview/general/#api-requests',
			quote:
				'We also require that each request include a User-Agent header with both: The name of your application; A link to your application or email address',
			readOn: '2026-12-03',
			note: 'Row: apiHeaders User-Agent from the User-Agent field (default names the package and its URL), on the check and every request of the nodes.',
		},
		consoleSettings: {
			unconfirmed:
				'From third-party copies of the v2 authentication page; nothing documented about refresh-token settings.',
		},
		regions: { notApplicable: 'Single host.' },
	},
	helpScout: {
		authUrl: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/#1-redirect-user-to-help-scout',
			quote:
				'https://secure.helpscout.net/authentication/authorizeClientApplication?client_id={application_id}&state={your_secret}',
			readOn: '2026-12-03',
			note: 'Row lists this URL as unconfirmed; it is on the provider page.',
		},
		tokenUrl: {
			unconfirmed: 'Step 3 of the page was cut in the stored excerpts; keep.',
			lead: 'https://developer.helpscout.com/mailbox-api/overview/authentication/#3-get-access-and-refresh-tokens',
		},
		tokenAuthMethod: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
			quote:
				'Please note that you can choose to send data as JSON, form or query params in all POST requests on this page, as long as the appropriate Content-Type header is included.',
			readOn: '2026-12-03',
			note: 'Form body accepted; parameter names (client_id, client_secret) from step 3 not in excerpt.',
		},
		pkce: { unconfirmed: 'No PKCE parameter in the authorize URL (client_id and state only).' },
		scopeSeparator: {
			notApplicable:
				'No scopes in the Mailbox API (the authorize URL takes client_id and state only).',
		},
		refreshScopes: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/#3-get-access-and-refresh-tokens',
			readOn: '2026-12-03',
			note: "No scope exists; the authorization-code flow returns access and refresh tokens (step title 'Get access and refresh tokens').",
		},
		tokenLifetimes: {
			unconfirmed:
				'Lifetime sentence not reached; the transition-service page shows expiresIn 7200 for exchanged V1 keys, not for this flow.',
		},
		grants: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
			quote:
				'it uses OAuth 2.0 authorization, implementing Authorization Code and Client Credential flows.',
			readOn: '2026-12-03',
			note: "'The Client Credentials flow is meant for internal integrations.'",
		},
		clientCredentialsScopes: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
			readOn: '2026-12-03',
			note: 'No scope parameter exists.',
		},
		apiBaseUrl: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
			quote:
				'curl -H "Authorization: Bearer f4f4994a875f461ca4d4708b9e027df4" https://api.helpscout.net/v2/users/me',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
			quote: 'https://api.helpscout.net/v2/users/me',
			readOn: '2026-12-03',
			note: 'The Docs API (docsapi.helpscout.net) uses API keys, not these tokens.',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
			quote:
				'All credentials must be associated with an active, invited user in the Help Scout account; a 401 error will be returned if a user does not meet these credentials.',
			readOn: '2026-12-03',
			note: "Client-credentials tokens belong to the app's user, so /users/me answers for both grants.",
		},
		consoleSettings: {
			page: 'https://developer.helpscout.com/mailbox-api/overview/authentication/#oauth2-application',
			quote: 'A redirection URL is necessary when using the Authorization Code flow.',
			readOn: '2026-12-03',
		},
		regions: { notApplicable: 'Single API host.' },
	},
	hubSpot: {
		authUrl: {
			unconfirmed:
				"The host/path https://app.hubspot.com/oauth/authorize is what the app's install URL uses; the quoted section does not spell the URL. Re-tried 2026-12-03: the stored working-with-oauth and quickstart pages stop before the URL example.",
			lead: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/guide#initiating-oauth-access',
		},
		tokenUrl: {
			page: 'https://developers.hubspot.com/docs/api-reference/latest/authentication/manage-oauth-tokens',
			quote:
				'These endpoints improve on the v1 endpoints by requiring all parameters to be in the request body rather than as query parameters',
			readOn: '2026-12-03',
			note: 'v1 (/oauth/v1/token) is deprecated on February 16, 2027.',
		},
		tokenAuthMethod: {
			page: 'https://developers.hubspot.com/docs/api-reference/latest/authentication/manage-oauth-tokens',
			quote:
				'requiring all parameters to be in the request body rather than as query parameters, which prevents sensitive values like your client_id and client_secret from appearing in server logs',
			readOn: '2026-12-03',
		},
		pkce: {
			unconfirmed:
				'Token endpoint takes code_verifier; the authorize-side code_challenge was not seen (as in the row).',
			lead: 'https://developers.hubspot.com/docs/methods/oauth2/oauth2-quickstart',
		},
		scopeSeparator: {
			unconfirmed:
				'Space-separated scope in the install URL (HubSpot encodes as %20); not quoted from a stored page today.',
		},
		refreshScopes: {
			page: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/guide#generate-initial-access-and-refresh-tokens',
			quote:
				'The access token will be used to authenticate requests that your app makes, while the refresh token will be used to get a new access token when the current one expires.',
			readOn: '2026-12-03',
			note: "Every install returns a refresh token; the 'oauth' scope is required on every app.",
		},
		tokenLifetimes: {
			page: 'https://developers.hubspot.com/changelog/upcoming-expiration-of-oauth-access-tokens-is-changing',
			quote: 'After this change, tokens will expire 30 minutes after being generated.',
			readOn: '2026-12-03',
			note: "'This change will have no effect on refresh tokens'. Refresh-token non-expiry is not stated in a stored page (unconfirmed part).",
		},
		grants: {
			page: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/guide',
			quote:
				"Before you can use these endpoints, you'll need to first create an app. A user will then need to install it into their account to initiate OAuth access.",
			readOn: '2026-12-03',
			note: 'No client-credentials grant; server-to-server uses private-app / service-key static tokens.',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			page: 'https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details',
			quote: 'curl --request GET \\ --url https://api.hubapi.com/account-info/2026-03/details',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details',
			quote: '--url https://api.hubapi.com/account-info/2026-03/details',
			readOn: '2026-12-03',
			note: 'Files API signed/download URLs point to HubSpot CDN hosts (*.hubspotusercontent*.net) and need no token; EU accounts may also use api-eu1.hubapi.com (not re-read; unconfirmed).',
		},
		tokenResponseHost: { notApplicable: 'Token response names hub_id, no host.' },
		checkRequest: {
			page: 'https://developers.hubspot.com/docs/api-reference/latest/account/account-information/guide#get-account-details-for-a-hubspot-account',
			quote:
				'To retrieve details for a standard HubSpot account, make a `GET` request to `/account-info/2026-03/details`.',
			readOn: '2026-12-03',
			note: "Scope requirements on the guide: 'oauth' (in the defaults). If the user types scopes without 'oauth' the check fails; HubSpot requires 'oauth' on apps anyway.",
		},
		consoleSettings: {
			unconfirmed: 'No console setting affects refresh-token life.',
			lead: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/guide#initiating-oauth-access',
		},
		regions: {
			unconfirmed:
				'EU data-centre accounts (app-eu1.hubspot.com UI) are served by api.hubapi.com too; no separate OAuth host required (not re-read today).',
		},
	},
	intercom: {
		authUrl: {
			page: 'https://intercom-developer-hub.readme.io/reference/using-oauth#initiating-the-oauth-flow',
			quote: 'sending them to https://app.intercom.io/oauth with the following parameters',
			readOn: '2026-12-03',
			note: 'Older reference names app.intercom.io/oauth; app.intercom.com/oauth (row) is the current host of the same app. Keep.',
		},
		tokenUrl: {
			page: 'https://intercom-developer-hub.readme.io/reference/using-oauth#handling-the-redirect',
			quote:
				'You can exchange these parameters for a token by POSTing to https://api.intercom.io/auth/eagle/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://intercom-developer-hub.readme.io/reference/using-oauth#handling-the-redirect',
			quote:
				'client_id | From your credentials | yes ... client_secret | From your credentials | yes',
			readOn: '2026-12-03',
		},
		pkce: {
			unconfirmed: 'Parameter table lists only client_id, state, redirect_uri.',
			lead: 'https://intercom-developer-hub.readme.io/reference/using-oauth',
		},
		scopeSeparator: { notApplicable: 'Permissions are ticked on the app; no scope parameter.' },
		refreshScopes: {
			page: 'https://community.intercom.com/apps-integrations-25/clarification-needed-on-intercom-oauth-access-token-and-refresh-token-for-multitenant-apps-11092',
			quote:
				'No, Intercom does not provide refresh tokens as part of its OAuth 2.0 implementation.',
			readOn: '2026-12-03',
			note: "Intercom engineering support on Intercom's community.",
		},
		tokenLifetimes: {
			page: 'https://community.intercom.com/apps-integrations-25/clarification-needed-on-intercom-oauth-access-token-and-refresh-token-for-multitenant-apps-11092',
			quote: "Intercom's OAuth access tokens do not expire on a fixed schedule",
			readOn: '2026-12-03',
			note: 'access tokens do not expire; no refresh token (Intercom support)',
		},
		grants: {
			page: 'https://intercom-developer-hub.readme.io/reference/using-oauth',
			readOn: '2026-12-03',
			note: 'Only the code flow is documented.',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: {
			page: 'https://developers.intercom.com/building-apps/docs/rest-apis#regional-hosting',
			quote:
				"If you call api.intercom.io, we'll attempt to route your request to the correct region",
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.intercom.com/building-apps/docs/rest-apis',
			quote: '| Europe | https://api.eu.intercom.io | | Australia | https://api.au.intercom.io |',
			readOn: '2026-12-03',
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://developers.intercom.com/building-apps/docs/rest-apis',
			quote:
				'to call the /me endpoint for a workspace stored in the EU, you would call https://api.eu.intercom.io/me instead of https://api.intercom.io/me.',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://developers.intercom.com/building-apps/docs/setting-up-oauth',
			quote: 'tick the Use OAuth option on your Authentication page in the Developer Hub.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developers.intercom.com/building-apps/docs/rest-apis',
			quote: 'Intercom workspaces can be hosted in three distinct regions - US, EU and Australia.',
			readOn: '2026-12-03',
			note: 'api.intercom.io routes to the right region, so the US base works for all; regional hosts allowed already.',
		},
	},
	keycloak: {
		authUrl: {
			page: 'https://www.keycloak.org/securing-apps/oidc-layers#_oidc_available_endpoints',
			quote: 'Authorization endpoint /realms/{realm-name}/protocol/openid-connect/auth',
			readOn: '2026-12-03',
			note: "Read in the page's source (keycloak/keycloak docs/guides/securing-apps/partials/oidc/available-endpoints.adoc); the page adds: add the base URL for Keycloak and replace {realm-name} with the name of your realm.",
		},
		tokenUrl: {
			page: 'https://www.keycloak.org/securing-apps/oidc-layers#_oidc_available_endpoints',
			quote: 'Token endpoint /realms/{realm-name}/protocol/openid-connect/token',
			readOn: '2026-12-03',
			note: "Read in the page's source (keycloak/keycloak docs/guides/securing-apps/partials/oidc/available-endpoints.adoc).",
		},
		tokenAuthMethod: {
			unconfirmed:
				"The server admin guide's Confidential client credentials section (read in keycloak/keycloak docs/documentation/server_admin/topics/clients/oidc/con-confidential-client-credentials.adoc) names the 'Client ID and Secret' authenticator as the default but does not say whether the secret goes in a Basic header or the body; the OIDC layers page lists endpoints only.",
			lead: 'https://www.keycloak.org/docs/latest/server_admin/#_client-credentials',
		},
		pkce: {
			unconfirmed:
				'Not re-read in excerpts; Keycloak supports S256 (client Advanced settings can require it).',
		},
		scopeSeparator: { unconfirmed: 'OIDC standard.' },
		refreshScopes: {
			page: 'https://www.keycloak.org/docs/latest/server_admin/#_offline-access',
			quote:
				'the client can request an offline token by adding the parameter scope=offline_access when sending authorization request',
			readOn: '2026-12-03',
			note: 'fixed in the row: refreshScopes: offline_access',
		},
		tokenLifetimes: {
			page: 'https://www.keycloak.org/docs/latest/server_admin/#_offline-access',
			quote:
				'by default you do need to use the offline token for a refresh token action at least once per 30 days (this value, Offline Session Idle timeout, can be changed',
			readOn: '2026-12-03',
			note: 'ordinary refresh ends with the SSO session; offline token 30 days idle',
		},
		grants: {
			page: 'https://www.keycloak.org/docs/latest/server_admin/#_offline-access',
			quote:
				'Direct Access Grant and Service Accounts support offline tokens if you include scope=offline_access',
			readOn: '2026-12-03',
			note: "Service accounts = client credentials (English wording per Red Hat's guide; read in its translated page).",
		},
		clientCredentialsScopes: {
			unconfirmed:
				"Keycloak accepts scope=openid on client credentials; the row's clientCredentialsScopes keep openid because the check (userinfo) needs it (no Keycloak page quoted).",
		},
		apiBaseUrl: {
			unconfirmed:
				'Realm base; the Admin REST API lives at https://{keycloakHost}/admin/realms/{realm} (outside this base).',
		},
		apiHosts: { unconfirmed: 'Self-hosted; single host.' },
		tokenResponseHost: { notApplicable: "Host is the user's field." },
		checkRequest: {
			unconfirmed:
				'Row notes: userinfo needs the openid scope. If client-credentials requests drop OpenID scopes, userinfo fails; then no user endpoint fits and the check should be the token request itself.',
		},
		consoleSettings: {
			page: 'https://www.keycloak.org/docs/latest/server_admin/#_offline-access',
			quote:
				'Clients must also have an offline_access client scope added as an Optional client scope to the role, which is done by default.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: offline_access client scope and session timeouts',
		},
		regions: { notApplicable: 'Self-hosted.' },
	},
	kick: {
		authUrl: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#authorization-endpoint',
			quote: 'https://id.kick.com/oauth/authorize?',
			readOn: '2026-12-03',
			note: "Read in Kick's docs source (github.com/KickEngineering/KickDevDocs, getting-started/generating-tokens-oauth2-flow.md); 'The host URL is: _https://id.kick.com_' with 'GET /oauth/authorize'.",
		},
		tokenUrl: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#token-endpoint',
			quote:
				"Exchanges the code for a valid access token and a refresh token that can be used to make authorised requests to Kick's API.",
			readOn: '2026-12-03',
			note: "Same section: 'POST https://id.kick.com/oauth/token', Content-Type application/x-www-form-urlencoded; refresh and client credentials go to the same URL.",
		},
		tokenAuthMethod: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#token-endpoint',
			quote:
				"| `client_secret` | Yes      | string | Your application's client secret                 |",
			readOn: '2026-12-03',
			note: 'client_id and client_secret are required form-body parameters on the code exchange, refresh and client-credentials requests; no Basic header is documented.',
		},
		pkce: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#authorization-endpoint',
			quote: '| `code_challenge_method` | Yes                 | string | `S256`',
			readOn: '2026-12-03',
			note: 'code_challenge and code_challenge_method are marked required on the authorize request; code_verifier required on the token request.',
		},
		scopeSeparator: {
			unconfirmed:
				"The authorize table says only 'scope | Yes | Scopes for request' and the example shows scope=<scopes>; the separator is not stated on the OAuth or Scopes page. Space (RFC 6749) kept.",
		},
		refreshScopes: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#refresh-token-endpoint',
			quote: 'Pass in refresh token and refresh both access and refresh codes.',
			readOn: '2026-12-03',
			note: 'The code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed:
				'Refresh returns a new refresh token (rotation); the access and refresh lifetimes are not stated (examples leave expires_in empty).',
			lead: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#refresh-token-endpoint',
		},
		grants: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#app-access-token-endpoint',
			quote:
				'Uses a client_id and client_secret to generate an app access token which can be used to obtain public data on Kick.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://docs.kick.com/getting-started/generating-tokens-oauth2-flow#app-access-token-endpoint',
			quote: '| `grant_type`    | Yes      | string | `client_credentials`             |',
			readOn: '2026-12-03',
			note: "No scope parameter in the App Access Token request; scopes page: 'These scopes are for apps using OAuth 2.1 authorization code grants'.",
		},
		apiBaseUrl: {
			page: 'https://docs.kick.com/apis/users',
			quote: '{% openapi-operation spec="kick-dev-api" path="/public/v1/users" method="get" %}',
			readOn: '2026-12-03',
			note: "The API pages embed the OpenAPI spec at https://api.kick.com/swagger/doc.yaml; the OAuth page: 'The host URL for our OAuth server is different from our API server.'",
		},
		apiHosts: {
			page: 'https://docs.kick.com/apis/users',
			quote: '[OpenAPI kick-dev-api](https://api.kick.com/swagger/doc.yaml)',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable:
				'The token response names no host (access_token, token_type, refresh_token, expires_in, scope).',
		},
		checkRequest: {
			unconfirmed:
				"GET /public/v1/users is on the Users page; that it returns the signed-in user when no id is given is in the embedded OpenAPI spec only (api.kick.com/swagger/doc.yaml, not stored). Scopes page: 'user:read | View user information in Kick including username, streamer ID, etc.'. An app token has no u...",
			lead: 'https://docs.kick.com/apis/users',
		},
		consoleSettings: {
			page: 'https://docs.kick.com/getting-started/kick-apps-setup',
			quote:
				'Enable Two-Factor Authentication (2FA) to access our developer tools from your Kick Account settings.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One global API host.',
		},
	},
	kinde: {
		authUrl: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote:
				'you need to include the `offline` scope when you initiate an authentication request through the `https://<your_subdomain>.kinde.com/oauth2/auth` endpoint',
			readOn: '2026-12-03',
			note: "Read in Kinde's docs source (github.com/kinde-oss/documentation, src/content/docs/build/tokens/refresh-tokens.mdx). Host: <subdomain>.kinde.com or the business's custom domain.",
		},
		tokenUrl: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote:
				'you then exchange that code for tokens (including a refresh token) via POST to `https://<your_subdomain>.kinde.com/oauth2/token` with `grant_type=authorization_code`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote: '-d "client_secret=<client_secret>" \\',
			readOn: '2026-12-03',
			note: "The refresh example sends client_id and client_secret as form fields ('Use this only from a secure backend'); the M2M token example (developer-tools/kinde-api/access-token-for-api) does the same. No Basic header is shown.",
		},
		pkce: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote:
				'Do not send `client_secret` from frontend or public clients; use PKCE for SPAs and similar apps.',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote: '-d "scope=offline%20email%20openid%20profile"',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote: 'Kinde uses `offline` (not `offline_access`).',
			readOn: '2026-12-03',
			note: "'If you use `offline_access`, the auth flow will complete successfully but no refresh token will be returned'.",
		},
		tokenLifetimes: {
			page: 'https://docs.kinde.com/build/tokens/configure-tokens/#what-are-the-default-token-lifetimes-in-kinde',
			quote: '| Refresh token | 15 days (1,296,000 seconds) |',
			readOn: '2026-12-03',
			note: "Rotation (refresh-tokens#refresh-token-rotation): 'Kinde always rotates refresh tokens.'",
		},
		grants: {
			page: 'https://docs.kinde.com/developer-tools/kinde-api/access-token-for-api/',
			quote: 'using the credentials of the M2M application you created in the prerequisite step',
			readOn: '2026-12-03',
			note: 'Client credentials belong to a separate machine-to-machine application and need an audience parameter; the preset covers a back-end web application (authorization code).',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials on this preset (M2M applications are separate).',
		},
		apiBaseUrl: {
			page: 'https://docs.kinde.com/authenticate/device-authorization-flow/api-calls/#validate-with-kindes-userinfo-endpoint',
			quote: 'curl -X GET https://<your-subdomain>.kinde.com/oauth2/v2/user_profile \\',
			readOn: '2026-12-03',
			note: "User tokens are for the customer's own APIs; on the Kinde host they reach the user profile.",
		},
		apiHosts: {
			page: 'https://docs.kinde.com/authenticate/device-authorization-flow/api-calls/#validate-with-kindes-userinfo-endpoint',
			quote: 'curl -X GET https://<your-subdomain>.kinde.com/oauth2/v2/user_profile \\',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no host.',
		},
		checkRequest: {
			page: 'https://docs.kinde.com/authenticate/device-authorization-flow/api-calls/#validate-with-kindes-userinfo-endpoint',
			quote: "Validate with Kinde's userinfo endpoint",
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://docs.kinde.com/build/tokens/refresh-tokens/#how-to-get-a-refresh-token',
			quote: 'You also need to initiate Offline Access in your API.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One host per business (subdomain or custom domain), a field.',
		},
	},
	klaviyo: {
		authUrl: {
			page: 'https://developers.klaviyo.com/en/docs/set_up_oauth#construct-your-apps-installation-url',
			quote:
				'https://www.klaviyo.com/oauth/authorize?response_type=code&client_id={client_id}&redirect_uri={redirect_uri}&scope={scopes}&state={state}&code_challenge_method=S256&code_challenge={code_challenge}',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.klaviyo.com/en/docs/set_up_oauth',
			quote:
				'Ensure that your integration routes token traffic to https://a.klaviyo.com/oauth/token or https://a.klaviyo.com/oauth/revoke to avoid breakages.',
			readOn: '2026-12-03',
			note: 'Token traffic through www.klaviyo.com is blocked since March 31, 2025.',
		},
		tokenAuthMethod: {
			page: 'https://developers.klaviyo.com/en/docs/troubleshoot_oauth_errors#invalid-client',
			quote: 'Example: `Authorization: Basic <base64 encoded client_id:client_secret>`.',
			readOn: '2026-12-03',
		},
		pkce: {
			page: 'https://developers.klaviyo.com/en/docs/set_up_oauth#construct-your-apps-installation-url',
			quote:
				'&code_challenge_method=S256&code_challenge={code_challenge} The URL contains the following required parameters:',
			readOn: '2026-12-03',
			note: "The Klaviyo Academy course: 'Klaviyo apps are authorized with OAuth 2.1, which extends OAuth 2.0's security measures with Proof Key for Code Exchange (PKCE).'",
		},
		scopeSeparator: {
			page: 'https://developers.klaviyo.com/en/v2023-10-15/docs/set-up-oauth',
			quote: 'Set your scopes using a space-separated list.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developers.klaviyo.com/en/docs/set_up_oauth',
			quote: 'Retrieve access and refresh tokens.',
			readOn: '2026-12-03',
			note: 'The code exchange returns both tokens; no scope asks for the refresh token.',
		},
		tokenLifetimes: {
			unconfirmed: 'The lifetimes section of set_up_oauth was not in the stored excerpts.',
		},
		grants: {
			page: 'https://developers.klaviyo.com/en/docs/set_up_oauth#oauth-authorization-code-flow',
			quote:
				'These access tokens come from integration with Klaviyo\u2019s authorization code flow (shown below).',
			readOn: '2026-12-03',
			note: "A company's own integration uses private API keys, not client credentials.",
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://developers.klaviyo.com/en/v2024-05-15/docs/authenticate',
			quote: '--url https://a.klaviyo.com/api/{endpoint}/',
			readOn: '2026-12-03',
			note: 'Every request also needs a revision header (e.g. revision: 2026-10-15).',
		},
		apiHosts: {
			page: 'https://developers.klaviyo.com/en/reference/get_accounts',
			quote: 'endpoint: "https://a.klaviyo.com/api/accounts"',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			page: 'https://developers.klaviyo.com/en/reference/get_accounts',
			quote: 'scopes: ["accounts:read"]',
			readOn: '2026-12-03',
			note: 'Same page: revisionHeader: {"name":"revision","required":true}; the check sends revision 2026-10-15.',
		},
		consoleSettings: {
			page: 'https://developers.klaviyo.com/en/v2023-10-15/docs/set-up-oauth',
			quote:
				'You should include any and all scopes you will need for your OAuth authorization requests.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'No regional hosts documented.',
		},
	},
	linear: {
		authUrl: {
			page: 'https://linear.app/developers/oauth-2-0-authentication#redirect-user-access-requests-to-linear',
			quote: 'GET https://linear.app/oauth/authorize HTTP/1.1',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://linear.app/developers/oauth-2-0-authentication#handle-the-redirect-urls-you-specified-in-the-oauth2-application',
			quote:
				'After receiving the code, you can exchange it for a Linear API access token: POST https://api.linear.app/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				'Token request documented with client_id and client_secret as form parameters (x-www-form-urlencoded); Basic not seen in the excerpts read. Re-tried 2026-12-03: the stored linear.app/developers/oauth-2-0-authentication (html and .md) stops at the authorize parameters.',
			lead: 'https://linear.app/developers/oauth-2-0-authentication',
		},
		pkce: {
			unconfirmed:
				'Linear documents code_challenge/code_challenge_method on authorize (PKCE) in its OAuth page; not in the stored excerpts.',
			lead: 'https://linear.app/developers/oauth-2-0-authentication',
		},
		scopeSeparator: {
			page: 'https://linear.app/developers/oauth-2-0-authentication#redirect-user-access-requests-to-linear',
			quote: '(required) Comma separated list of scopes',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://linear.app/developers/oauth-2-0-authentication#token-lifetimes-and-renewal',
			quote: 'Exchange the refresh token for a new token pair.',
			readOn: '2026-12-03',
			note: 'All OAuth2 applications issue refresh tokens since April 1, 2026; no scope needed.',
		},
		tokenLifetimes: {
			page: 'https://linear.app/developers/oauth-2-0-authentication#token-lifetimes-and-renewal',
			quote:
				'Authorization code | user or app | 24 hours by default | Exchange the refresh token for a new token pair.',
			readOn: '2026-12-03',
			note: "'new token pair' = the refresh token is replaced on each refresh. 'All OAuth2 applications were migrated to the new refresh token system on April 1, 2026.' Resolves the row's unconfirmed lifetime/rotation items.",
		},
		grants: {
			page: 'https://linear.app/developers/oauth-2-0-authentication#token-lifetimes-and-renewal',
			quote:
				'Client credentials | app | 30 days | Request a new access token. No refresh token is issued.',
			readOn: '2026-12-03',
			note: 'fixed in the row: clientCredentials: true',
		},
		clientCredentialsScopes: {
			unconfirmed:
				'The client-credentials token page (request format, whether the grant must be enabled on the app) was not in the stored excerpts.',
			lead: 'https://linear.app/developers/oauth-2-0-authentication#token-lifetimes-and-renewal',
		},
		apiBaseUrl: {
			unconfirmed:
				'GraphQL endpoint https://api.linear.app/graphql (Linear API docs); relative path is /graphql.',
		},
		apiHosts: {
			unconfirmed:
				"Uploaded files live on uploads.linear.app and need the Authorization header for private files (Linear 'file storage authentication'; not re-read): consider adding uploads.linear.app.",
		},
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			unconfirmed:
				'Row has no check (GraphQL only, POST). A POST check with a JSON body fits both grants; for client credentials (actor app) use organization rather than viewer, which names a user (not confirmed what viewer returns for an app token).',
			open: 'a check request with method, headers and body (docs/catalogue-todo.md#check-request-with-method-headers-and-body): POST /graphql',
		},
		consoleSettings: {
			unconfirmed:
				'Nothing documented that stops refresh tokens; Public toggle needed for other workspaces.',
		},
		regions: { notApplicable: 'No regional hosts.' },
	},
	linkedIn: {
		authUrl: {
			unconfirmed:
				'Step 2 of the authorization code flow page not in the excerpt (a translated copy shows GET https://www.linkedin.com/oauth/v2/authorization). Keep. Re-tried 2026-12-03: learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow is stored only up to the flow overview.',
		},
		tokenUrl: { unconfirmed: 'Not in the excerpt. Keep.' },
		tokenAuthMethod: { unconfirmed: 'no provider page states it' },
		pkce: { unconfirmed: 'PKCE documented only for approved native clients (row note).' },
		scopeSeparator: {
			unconfirmed:
				"Translated copy of the page: 'URL-encoded, space-separated list of member permissions'.",
		},
		refreshScopes: {
			page: 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens',
			quote:
				'LinkedIn supports programmatic refresh tokens for all approved Marketing Developer Platform (MDP) partners.',
			readOn: '2026-12-03',
			note: 'No scope gives a refresh token; only approved MDP apps get one.',
		},
		tokenLifetimes: {
			page: 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens#introduction',
			quote:
				'By default, access tokens are valid for 60 days and programmatic refresh tokens are valid for a year.',
			readOn: '2026-12-03',
		},
		grants: {
			page: 'https://learn.microsoft.com/linkedin/shared/authentication/client-credentials-flow',
			quote:
				'If your application needs to access APIs that are not member specific, use the Client Credential Flow. Your application cannot access these APIs by default.',
			readOn: '2026-12-03',
			note: 'Client credentials need LinkedIn to enable it for the app; not available for Marketing APIs.',
		},
		clientCredentialsScopes: {
			page: 'https://learn.microsoft.com/linkedin/shared/authentication/client-credentials-flow',
			quote: 'Important 2-legged OAuth authentication is not available for Marketing APIs',
			readOn: '2026-12-03',
			note: 'Row: client credentials send no member (OpenID) scope.',
		},
		apiBaseUrl: {
			unconfirmed:
				'Paths /v2/... and /rest/... (versioned, needs LinkedIn-Version header for /rest).',
		},
		apiHosts: { unconfirmed: 'Media downloads come from *.licdn.com (unconfirmed).' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			unconfirmed:
				'userinfo needs a member token with openid; a client-credentials token has no member, and no generic app-level endpoint fits: no check for that grant.',
			note: 'Row: no check with client credentials (userinfo names a member).',
		},
		consoleSettings: {
			page: 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens',
			quote:
				'LinkedIn supports programmatic refresh tokens for all approved Marketing Developer Platform (MDP) partners.',
			readOn: '2026-12-03',
			note: "Row notes say 'Refresh tokens only for approved apps'; fine.",
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	loginWithAmazon: {
		authUrl: {
			page: 'https://developer.amazon.com/zh/docs/login-with-amazon/authorization-code-grant.html',
			quote:
				'要请求授权,客户端(网站)必须重定向用户代理(浏览器),使用以下参数对https://www.amazon.com/ap/oa进行安全的HTTP调用。',
			readOn: '2026-12-03',
			note: 'Verbatim from the zh version of the LWA authorization-code-grant page (English page not stored); same text on the ja version.',
		},
		tokenUrl: {
			page: 'https://developer.amazon.com/docs/amazon-data-portability/lwa-access-token.html',
			quote:
				'https://api.amazon.co.uk/auth/o2/token Europe (EU) https://api.amazon.com/auth/o2/token North America (NA) https://api.amazon.co.jp/auth/o2/token Far East (FE)',
			readOn: '2026-12-03',
			note: 'Row: the token host of the Amazon Region field (NA, EU, FE).',
		},
		tokenAuthMethod: {
			page: 'https://developer.amazon.com/zh/docs/login-with-amazon/authorization-code-grant.html',
			quote:
				'如果使用授权标头来请求访问令牌,请注意,该授权标头应采用client_id: client: secret的Base64编码。',
			readOn: '2026-12-03',
			note: "zh version of the LWA page ('if an authorization header is used to request the access token, it is the Base64 of client_id:client_secret'). Body parameters client_id/client_secret are the documented default (lwa-access-token table); row's 'body' works. Previously unconfirmed.",
		},
		pkce: {
			page: 'https://developer.amazon.com/zh/docs/login-with-amazon/authorization-code-grant.html',
			quote: '推荐。通过代码交换证明密钥 (PKCE) 来确保授权代码授予安全。',
			readOn: '2026-12-03',
			note: 'S256 recommended, default plain.',
		},
		scopeSeparator: {
			page: 'https://developer.amazon.com/zh/docs/login-with-amazon/authorization-code-grant.html',
			quote:
				'必须是profile、profile:user_id、postal_code或某些组合,以空格分隔(例如profile%20postal_code)。',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developer.amazon.com/docs/amazon-data-portability/use-refresh-token.html',
			quote: 'If no client_secret is passed, the response returns no refresh token.',
			readOn: '2026-12-03',
			note: 'No scope; a refresh token needs the client secret on the token request (n8n always sends it).',
		},
		tokenLifetimes: {
			page: 'https://developer.amazon.com/docs/amazon-drive/ad-restful-api-getting-started.html',
			quote:
				'Authorization Code Grant - Send a client_id and a client_secure to get an access_token and a refresh_token. - Advantage: More secure. Indefinite access by using the refresh_token.',
			readOn: '2026-12-03',
			note: "Access: 'access_token after it expires in 1 hour' (same page). Rotation not stated; treated as none.",
		},
		grants: {
			page: 'https://developer.amazon.com/docs/amazon-drive/ad-restful-api-getting-started.html',
			quote: 'Login with Amazon supports two types of authorization.',
			readOn: '2026-12-03',
			note: 'Implicit and authorization code only for LWA profile access (client_credentials exists only for SP-API grantless operations).',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant for LWA profile.' },
		apiBaseUrl: {
			page: 'https://developer.amazon.com/docs/amazon-drive/ad-restful-api-getting-started.html',
			quote:
				'Obtaining the customer profile data requires you to send a request to the api.amazon.com/user/profile e[ndpoint]',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developer.amazon.com/docs/amazon-data-portability/lwa-access-token.html',
			quote: 'https://api.amazon.co.uk/auth/o2/token Europe (EU)',
			readOn: '2026-12-03',
			note: 'Row: the Amazon Region field adds its token host to the allowed domains.',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://developer.amazon.com/docs/amazon-drive/ad-restful-api-getting-started.html',
			quote:
				'Obtaining the customer profile data requires you to send a request to the api.amazon.com/user/profile e[ndpoint]',
			readOn: '2026-12-03',
			note: 'Default scope profile covers it.',
		},
		consoleSettings: {
			page: 'https://developer.amazon.com/docs/login-with-amazon/register-web.html',
			readOn: '2026-12-03',
			note: "Allowed Return URLs in the security profile's Web Settings; nothing documented that withholds refresh tokens.",
		},
		regions: {
			page: 'https://developer.amazon.com/docs/amazon-data-portability/lwa-access-token.html',
			quote:
				'Select endpoint to request for access token. ... https://api.amazon.co.uk/auth/o2/token Europe (EU) ... https://api.amazon.co.jp/auth/o2/token Far East (FE)',
			readOn: '2026-12-03',
			note: 'Row: Amazon Region field (NA the default, EU, FE) sets the token URL.',
		},
	},
	logto: {
		authUrl: {
			page: 'https://docs.logto.io/end-user-flows/sign-in-flow-parameters/#first-screen',
			quote:
				"--request GET 'https://[tenant-id].logto.app/oidc/auth?client_id=1234567890&...&first_screen=identifier:sign_in&identifier=email username'",
			readOn: '2026-12-03',
			note: "Read in Logto's docs source (github.com/logto-io/docs; the page's canonical link is docs.logto.io/end-user-flows/sign-in-flow-parameters/). Host: <tenant-id>.logto.app on Logto Cloud, a custom domain, or the self-hosted Logto endpoint.",
		},
		tokenUrl: {
			page: 'https://docs.logto.io/integrate-logto/interact-with-management-api/#fetch-access-token-for-logto-management-api',
			quote:
				'use the default Logto endpoint `https://{your_tenant_id}.logto.app/oidc/token` to grant access tokens.',
			readOn: '2026-12-03',
			note: 'Same fragment: const tokenEndpoint = `${logtoEndpoint}/oidc/token`.',
		},
		tokenAuthMethod: {
			page: 'https://docs.logto.io/integrate-logto/interact-with-management-api/#basics-about-access-token-request',
			quote:
				'form in the request `Authorization` header, where username is the App ID, and password is the App Secret.',
			readOn: '2026-12-03',
			note: 'Stated for the token endpoint with an M2M app; the same endpoint serves traditional web apps. The introspection page accepts both Basic and client_id/client_secret in the body.',
		},
		pkce: {
			page: 'https://docs.logto.io/integrate-logto/application-data-structure/#application-secret',
			quote:
				'Logto protects them with PKCE, strict redirect URI/CORS validation, short-lived access tokens, and refresh-token rotation.',
			readOn: '2026-12-03',
			note: 'Required for public clients (SPA, native); a traditional web app with a secret may add it.',
		},
		scopeSeparator: {
			unconfirmed:
				'The quote is about the identifier parameter; the scope separator is not stated on the pages read (OpenID Connect: space). Kept space.',
			lead: 'https://docs.logto.io/end-user-flows/sign-in-flow-parameters/#first-screen',
		},
		refreshScopes: {
			page: 'https://docs.logto.io/integrate-logto/application-data-structure/#always-issue-refresh-token',
			quote:
				'When enabled, Logto will always issue refresh tokens, regardless of whether `prompt=consent` is presented in the authentication request, nor `offline_access` is presented in the scopes.',
			readOn: '2026-12-03',
			note: "Without 'Always issue refresh token', a refresh token needs offline_access in the scopes and prompt=consent on the authorize request.",
		},
		tokenLifetimes: {
			page: 'https://docs.logto.io/integrate-logto/application-data-structure/#refresh-token-time-to-live-ttl-in-days',
			quote: 'Token requests will extend the TTL of the refresh token to this value.',
			readOn: '2026-12-03',
			note: "Same section: '_Availability: Not SPA; Default: 14 days_'. Rotation: #rotate-refresh-token (Default: true).",
		},
		grants: {
			page: 'https://docs.logto.io/integrate-logto/application-data-structure/#application-types',
			quote:
				'**Machine-to-machine (M2M) app** is an application that runs in a machine environment for direct service-to-service communication without user interaction.',
			readOn: '2026-12-03',
			note: 'Client credentials belong to a separate M2M application and need a resource parameter; the preset covers a traditional web app.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials on this preset (M2M applications are separate).',
		},
		apiBaseUrl: {
			page: 'https://docs.logto.io/integrate-logto/interact-with-management-api/#what-is-logto-management-api',
			quote: 'Its identifier is in the pattern of `https://[tenant-id].logto.app/api`',
			readOn: '2026-12-03',
			note: "User tokens are for the customer's own APIs (a resource parameter gives a JWT for one); on the Logto host they reach the userinfo endpoint.",
		},
		apiHosts: {
			page: 'https://docs.logto.io/integrate-logto/interact-with-management-api/#what-is-logto-management-api',
			quote: 'Its identifier is in the pattern of `https://[tenant-id].logto.app/api`',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'Standard OIDC token response; no host field.',
		},
		checkRequest: {
			unconfirmed:
				'The page names the userinfo endpoint but not its path; /oidc/me is seen only in third-party code and discovery documents, not on a stored Logto page.',
			lead: 'https://docs.logto.io/integrate-logto/application-data-structure/#userinfo-endpoint',
		},
		consoleSettings: {
			page: 'https://docs.logto.io/integrate-logto/application-data-structure/#redirect-uris',
			quote:
				'If the redirect URI is not on the allowed list, the user will not be redirected and the authentication process will fail.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable:
				'One host per tenant (Logto Cloud tenant host, custom domain or self-hosted), a field.',
		},
	},
	mailchimp: {
		authUrl: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#endpoints',
			quote: 'authorize_uri https://login.mailchimp.com/oauth2/authorize',
			readOn: '2026-12-03',
			note: 'Older Mailchimp developer guide; the current guide (mailchimp.com/developer) uses the same hosts.',
		},
		tokenUrl: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#endpoints',
			quote: 'access_token_uri https://login.mailchimp.com/oauth2/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://github.com/mailchimp/fern-marketing-api-docs/blob/c7ce6357557fd638ad34671b768976190fa2957d/fern/.well-known/agent-skills/set-up-oauth/SKILL.md#exchange-the-code-server-side',
			quote:
				'POST to `https://login.mailchimp.com/oauth2/token` with `grant_type`, `client_id`, `client_secret`, `redirect_uri`, and `code`.',
			readOn: '2026-12-03',
			note: "Mailchimp's own docs source (the Fern project behind mailchimp.com/developer), its 'Set up OAuth' agent skill; the guide's token step was not in a stored copy. The same file says the Marketing API host is https://api.mailchimp.com/3.0/ for every account (no data-centre prefix): a lead for apiBaseUrl/tokenResponseHost.",
		},
		pkce: { unconfirmed: "Not mentioned; 'supports Web Server Flow'." },
		scopeSeparator: { notApplicable: 'No scopes.' },
		refreshScopes: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#before-you-start',
			quote: 'Tokens do not expire, so you do not need to use refresh_token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#before-you-start',
			quote: 'Tokens do not expire, so you do not need to use refresh_token.',
			readOn: '2026-12-03',
		},
		grants: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#before-you-start',
			quote:
				'The Mailchimp servers implement v10 of the OAuth2 specification and supports Web Server Flow.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed:
				'The data centre comes from the metadata call (dc / api_endpoint), not from the token response; the /3.0 path is from the Marketing API reference, not re-read.',
			lead: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#endpoints',
		},
		apiHosts: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#endpoints',
			quote: 'metadata https://login.mailchimp.com/oauth2/metadata',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable:
				'The token response has no host; the host comes from a second call (metadata). A tokenResponseHost cannot express it; keep the Data Center field.',
		},
		checkRequest: {
			unconfirmed:
				"API Root (GET /3.0/) from the Marketing API reference; a check independent of the dc field would be GET https://login.mailchimp.com/oauth2/metadata with header 'Authorization: OAuth <token>' (row notes), not re-read.",
		},
		consoleSettings: {
			page: 'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/#register-your-application',
			quote: 'Click Register an App.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'Data centres are per account (usN), chosen by the Data Center field.',
		},
	},
	mastodon: {
		authUrl: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#authorize',
			quote: 'GET /oauth/authorize HTTP/1.1',
			readOn: '2026-12-03',
			note: 'Read in mastodon/documentation content/en/methods/oauth.md; the paths are on the server the user picks (spec/oauth: "allow your users to specify the domain they want to connect to").',
		},
		tokenUrl: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#token',
			quote: 'POST /oauth/token HTTP/1.1',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#token',
			quote: 'client_secret: String. The client secret, obtained during app registration.',
			readOn: '2026-12-03',
			note: "Listed (required) under the token request's 'Form data parameters' with client_id. Mastodon 4.3+ also advertises client_secret_basic in /.well-known/oauth-authorization-server; body works on every version.",
		},
		pkce: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#authorize',
			quote:
				'Must be `S256`, as this is the only code challenge method that is supported by Mastodon for PKCE.',
			readOn: '2026-12-03',
			note: 'Mastodon 4.3.0 and later ("4.3.0 - added support for PKCE parameters"); what older servers do with the parameters is not stated.',
		},
		scopeSeparator: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#authorize',
			quote:
				'List of requested OAuth scopes, separated by spaces (or by pluses, if using query parameters).',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://docs.joinmastodon.org/api/oauth-tokens/',
			quote:
				'Tokens will not expire automatically. They will become invalid only when deleted by a user or revoked by the app.',
			readOn: '2026-12-03',
			note: 'The token response has no refresh_token (example: access_token, token_type, scope, created_at); none is needed.',
		},
		tokenLifetimes: {
			page: 'https://docs.joinmastodon.org/api/oauth-tokens/',
			quote:
				'Tokens will not expire automatically. They will become invalid only when deleted by a user or revoked by the app.',
			readOn: '2026-12-03',
		},
		grants: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#token',
			quote: 'Otherwise, set equal to `client_credentials` to obtain app-level access only.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://docs.joinmastodon.org/methods/oauth/#token',
			quote:
				'When `grant_type` is set to `client_credentials`, the list of requested OAuth scopes, separated by spaces',
			readOn: '2026-12-03',
			note: 'Same parameter text: "If omitted, it defaults to `read`."',
		},
		apiBaseUrl: {
			page: 'https://docs.joinmastodon.org/methods/accounts/#verify_credentials',
			quote: 'GET /api/v1/accounts/verify_credentials HTTP/1.1',
			readOn: '2026-12-03',
			note: 'The methods pages give host-relative paths under /api/v1 and /api/v2, so the base is the server itself.',
		},
		apiHosts: {
			page: 'https://docs.joinmastodon.org/spec/oauth/#intro',
			quote:
				'make sure that you allow your users to specify the domain they want to connect to before login.',
			readOn: '2026-12-03',
			note: 'Streaming may use another host (STREAMING_API_BASE_URL); n8n does not stream.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			page: 'https://docs.joinmastodon.org/methods/accounts/#verify_credentials',
			quote: 'Test to make sure that the user token works.',
			readOn: '2026-12-03',
			note: "Needs 'User token + `profile` or `read:accounts`'; the app-token check is on https://docs.joinmastodon.org/methods/apps/#verify_credentials: 'Confirm that the app\\'s OAuth2 credentials work.' (OAuth: App token).",
		},
		consoleSettings: {
			page: 'https://docs.joinmastodon.org/spec/oauth/#gotchas',
			quote:
				"this parameter's value must be a subset of the `scopes` registered with the app. You cannot include anything that wasn't in the original set.",
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable:
				'Self-hosted: the server is the host the user enters; no data centres to offer.',
		},
	},
	mattermost: {
		authUrl: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#oauth-endpoints',
			quote: 'Authorize URI `/oauth/authorize`',
			readOn: '2026-12-03',
			note: 'Read in mattermost/mattermost-developer-documentation site/content/integrate/apps/authentication/oauth2/_index.md.',
		},
		tokenUrl: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#oauth-endpoints',
			quote: 'Token URI `/oauth/access_token`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#confidential-clients',
			quote: 'Token endpoint auth method: `client_secret_post`',
			readOn: '2026-12-03',
		},
		pkce: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#when-pkce-is-required',
			quote: 'Confidential clients: PKCE is optional.',
			readOn: '2026-12-03',
			note: 'S256 only.',
		},
		scopeSeparator: {
			notApplicable:
				'Mattermost documents no scopes: the token acts with the permissions of the user who authorized.',
		},
		refreshScopes: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#refresh-tokens',
			quote:
				'Confidential clients receive refresh tokens and can use them to obtain new access tokens.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			unconfirmed: 'The OAuth page states no access or refresh token lifetime.',
			lead: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#refresh-tokens',
		},
		grants: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#supported-oauth-flows',
			quote:
				'Mattermost supports the authorization code and implicit grant flows for OAuth 2.0 applications.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#oauth-endpoints',
			quote: 'User info URI `/api/v4/users/me`',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#oauth-endpoints',
			quote: 'User info URI `/api/v4/users/me`',
			readOn: '2026-12-03',
			note: 'Self-hosted or Mattermost Cloud (<name>.cloud.mattermost.com): one host, the server the app is registered on.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#oauth-endpoints',
			quote: 'User info URI `/api/v4/users/me`',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://developers.mattermost.com/integrate/apps/authentication/oauth2/#enable-oauth-20-applications',
			quote:
				'OAuth 2.0 applications are off by default and can be enabled by the System Admin as follows:',
			readOn: '2026-12-03',
			note: "Also #refresh-tokens: 'Public clients do not receive refresh tokens for security reasons.'",
		},
		regions: {
			notApplicable:
				'Self-hosted: the server is the host the user enters; no data centres to offer.',
		},
	},
	meta: {
		authUrl: {
			page: 'https://developers.facebook.com/docs/authentication/server-side/',
			quote:
				'Your app must initiate a redirect to an endpoint which will display the login dialog: https://www.facebook.com/v19.0 /dialog/oauth? client_id={app-id} &redirect_uri={redirect-uri}&state={state-param}',
			readOn: '2026-12-03',
			note: "This address serves the 'Manually Build a Login Flow' guide (section 'Invoking the Login Dialog and Setting the Redirect URL'); the stored copy names the then-current v19.0, the row follows the current version (v26.0, Graph API changelog in its sources).",
		},
		tokenUrl: {
			page: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived',
			quote:
				'Query the GET oauth/access_token endpoint. curl -i -X GET "https://graph.facebook.com/{graph-api-version}/oauth/access_token?',
			readOn: '2026-12-03',
			note: "The same endpoint the manual flow's code exchange calls (GET with client_id, redirect_uri, client_secret, code as query parameters); {graph-api-version} is the row's v26.0.",
		},
		tokenAuthMethod: {
			unconfirmed:
				"Docs pass client_id/client_secret as query parameters of a GET; POST form body is accepted in practice (row's unconfirmed item stands).",
			lead: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm',
		},
		pkce: {
			unconfirmed: 'PKCE only with the OIDC (manual/limited login) flow; not re-read.',
			lead: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/oidc-token',
		},
		scopeSeparator: {
			unconfirmed:
				"'scope: A comma or space separated list of Permissions' (from memory of the manual-flow page).",
			lead: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#login',
		},
		refreshScopes: {
			notApplicable:
				'No refresh tokens: short-lived user tokens are exchanged for ~60-day long-lived tokens with grant_type=fb_exchange_token (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).',
		},
		tokenLifetimes: {
			unconfirmed: "Figures as on Meta's access-token guides; no stored copy read today.",
			lead: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived',
		},
		grants: {
			unconfirmed:
				'App access token: GET /oauth/access_token?client_id&client_secret&grant_type=client_credentials.',
			lead: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens',
		},
		clientCredentialsScopes: {
			unconfirmed:
				'App tokens carry no user permissions; the row sends no scope on this grant (clientCredentialsScopes []). Whether Meta ignores or rejects a scope there is not on a page read.',
		},
		apiBaseUrl: {
			page: 'https://developers.facebook.com/docs/graph-api/reference/application',
			quote: 'GET /v26.0/{application-id} HTTP/1.1 Host: graph.facebook.com',
			readOn: '2026-12-03',
		},
		apiHosts: {
			unconfirmed:
				'Video uploads use graph-video.facebook.com and the resumable upload API rupload.facebook.com (Meta video API docs; not re-read). Media URLs on *.fbcdn.net are fetched without a token. Instagram API with Instagram Login uses graph.instagram.com with its own OAuth (out of this preset).',
		},
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			page: 'https://developers.facebook.com/docs/graph-api/reference/application',
			quote: 'An app access token can be used to view all fields for an app.',
			readOn: '2026-12-03',
			note: 'Row: client credentials check the app, /{clientId}?fields=id,name; the user grant /me.',
		},
		consoleSettings: {
			unconfirmed: 'No refresh tokens exist; long-lived tokens must be re-obtained before 60 days.',
		},
		regions: { notApplicable: 'Single global Graph host.' },
	},
	microsoftDynamics365: {
		authUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
			quote: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize?',
			readOn: '2026-12-03',
			note: 'Shared Microsoft constant; sovereign login hosts via microsoftLoginHost.',
		},
		tokenUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token',
			quote: 'POST /{tenant}/oauth2/v2.0/token HTTP/1.1 Host: https://login.microsoftonline.com',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token',
			quote:
				'client_secret ... The application secret that you created in the app registration portal for your app.',
			readOn: '2026-12-03',
			note: 'Body is the documented form; the tenant discovery document also lists client_secret_basic. privateKeyJwt true (certificate credentials) matches.',
		},
		pkce: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
			quote:
				'code_challenge | recommended / required | Used to secure authorization code grants by using Proof Key for Code Exchange (PKCE).',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
			quote: 'A space-separated list of scopes that you want the user to consent to.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#successful-response-2',
			quote: 'refresh_token ... Only provided if offline_access scope was requested.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime',
			quote:
				'The default lifetime for the refresh tokens is 24 hours for single page apps and 90 days for all other scenarios. Refresh tokens replace themselves with a fresh token upon every use.',
			readOn: '2026-12-03',
			note: "Dataverse page: 'an Azure AD access token has finite lifetime, default expiration is 60 minutes' (authenticate-oauth code comment).",
		},
		grants: {
			page: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/authenticate-oauth#connect-as-an-app',
			quote:
				"For server-to-server scenarios there won't be an interactive user account to authenticate. In these cases, you need to provide some means to confirm that the application is trusted. This is done us...",
			readOn: '2026-12-03',
			note: 'Needs an Application User with a security role in the environment.',
		},
		clientCredentialsScopes: {
			page: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/authenticate-oauth#use-the-accesstoken-with-your-requests',
			quote:
				'use a "<environment-url>/user_impersonation" scope for a public client. For a confidential client, use a scope of "<environment-url>/.default".',
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes); Row: clientCredentialsScopes https://{dynamicsOrgHost}/.default.',
		},
		apiBaseUrl: {
			page: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/web-api-functions-actions-sample#section-1-unbound-function-whoami',
			quote: 'GET [Organization Uri]/api/data/v9.2/WhoAmI HTTP/1.1',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/authenticate-oauth#simple-example',
			quote: 'BaseAddress = new Uri(resource + "/api/data/v9.2/")',
			readOn: '2026-12-03',
			note: 'Sample uses contoso.api.crm.dynamics.com as resource; the environment host (contoso.crm.dynamics.com) also serves the Web API. Whether both forms should be allowed for one environment is not stated: the field takes what the user enters.',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/web-api-functions-actions-sample#section-1-unbound-function-whoami',
			quote: 'WhoAmI Function is a simple and commonly used unbound function.',
			readOn: '2026-12-03',
			note: 'WhoAmI returns the calling system user, which for client credentials is the Application User, so it fits both grants once the CC scope is /.default.',
		},
		consoleSettings: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime',
			quote:
				'The default lifetime for the refresh tokens is 24 hours for single page apps and 90 days for all other scenarios.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: Web platform, SPA refresh tokens last 24 hours',
		},
		regions: {
			unconfirmed:
				'Row handles regions through the environment host field and microsoftLoginHost; regional host list not re-read this round.',
			lead: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/samples/global-discovery-service-csharp',
		},
	},
	microsoftEntraId: {
		authUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
			quote: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize?',
			readOn: '2026-12-03',
			note: "Read in the page's source (MicrosoftDocs/entra-docs). The row templates the host ({microsoftLoginHost}) for national clouds.",
		},
		tokenUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-access-token-with-a-client_secret',
			quote: 'POST /{tenant}/oauth2/v2.0/token HTTP/1.1 Host: https://login.microsoftonline.com',
			readOn: '2026-12-03',
			note: "Read in the page's source (MicrosoftDocs/entra-docs); the quote joins the request line and the Host line of the example.",
		},
		tokenAuthMethod: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow#first-case-access-token-request-with-a-shared-secret',
			quote:
				'The client secret must be URL-encoded before being sent. The Basic auth pattern of instead providing credentials in the Authorization header, per RFC 6749 is also supported.',
			readOn: '2026-12-03',
			note: "Row's body is fine; header works too. Same sentence on the auth-code page.",
		},
		pkce: {
			unconfirmed: 'Recommended for all apps per the auth-code page (not re-read).',
			lead: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
		},
		scopeSeparator: { unconfirmed: 'Space-separated per the v2 pages (not re-read).' },
		refreshScopes: {
			unconfirmed: 'Row already has offline_access as refresh scope; not re-read this round.',
		},
		tokenLifetimes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime',
			quote:
				'The default lifetime for the refresh tokens is 24 hours for single page apps and 90 days for all other scenarios. Refresh tokens replace themselves with a fresh token upon every use.',
			readOn: '2026-12-03',
			note: 'Access lifetime from access-tokens page (not re-quoted). n8n must keep the new refresh token from each refresh.',
		},
		grants: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
			readOn: '2026-12-03',
			note: 'Client credentials with a shared secret is the first case of the client-credentials page.',
		},
		clientCredentialsScopes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow#first-case-access-token-request-with-a-shared-secret',
			quote:
				'Client credentials requests in your client service *must* include `scope={resource}/.default`.',
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes); Row: clientCredentialsScopes https://{microsoftGraphHost}/.default.',
		},
		apiBaseUrl: {
			page: 'https://learn.microsoft.com/en-us/graph/api/user-get',
			quote: 'GET https://graph.microsoft.com/v1.0/me',
			readOn: '2026-12-03',
		},
		apiHosts: {
			unconfirmed:
				"Drive item downloads redirect to pre-authenticated SharePoint/OneDrive URLs (no bearer needed); custom APIs (api://...) live on the user's own hosts. Not re-read.",
		},
		tokenResponseHost: { notApplicable: 'Graph host comes from the cloud field.' },
		checkRequest: {
			page: 'https://learn.microsoft.com/en-us/graph/api/user-get#permissions',
			quote:
				'Calling the /me endpoint requires a signed-in user and therefore a delegated permission. Application permissions are not supported when using the /me endpoint.',
			readOn: '2026-12-03',
			note: 'Row: no check with client credentials (/me names a user).',
		},
		consoleSettings: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime',
			quote: 'Refresh tokens sent to a redirect URI registered as `spa` expire after 24 hours.',
			readOn: '2026-12-03',
			note: 'Secret expiry and admin consent are known Entra behaviour, not re-quoted.',
		},
		regions: {
			unconfirmed: "Row's MICROSOFT_CLOUDS; not re-read this round.",
			lead: 'https://learn.microsoft.com/en-us/graph/deployments',
		},
	},
	microsoftOutlook: {
		authUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
			quote: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize?',
			readOn: '2026-12-03',
			note: "Read in the page's source (MicrosoftDocs/entra-docs). The row templates the host ({microsoftLoginHost}) for national clouds.",
		},
		tokenUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-access-token-with-a-client_secret',
			quote: 'POST /{tenant}/oauth2/v2.0/token HTTP/1.1 Host: https://login.microsoftonline.com',
			readOn: '2026-12-03',
			note: "Read in the page's source (MicrosoftDocs/entra-docs); the quote joins the request line and the Host line of the example.",
		},
		tokenAuthMethod: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-access-token-with-a-client_secret',
			quote: 'Like all parameters here, the client secret must be URL-encoded before being sent.',
			readOn: '2026-12-03',
			note: 'client_secret is a form-body parameter of the example; the same cell adds: The Basic auth pattern of instead providing credentials in the Authorization header, per RFC 6749 is also supported.',
		},
		pkce: { unconfirmed: 'no provider page states it' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: { unconfirmed: "Row's source list includes the auth-code page; not re-read." },
		tokenLifetimes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#token-lifetime',
			quote:
				'The default lifetime for the refresh tokens is 24 hours for single page apps and 90 days for all other scenarios. Refresh tokens replace themselves with a fresh token upon every use.',
			readOn: '2026-12-03',
			note: 'Redirect URI must be registered as Web, not SPA, or refresh tokens die after 24 h. Access lifetime not re-read.',
		},
		grants: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/scenario-daemon-acquire-token#scopes-to-request',
			quote:
				'The scope to request for a client credential flow is the name of the resource followed by /.default.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/scenario-daemon-acquire-token#scopes-to-request',
			quote:
				'The scope to request for a client credential flow is the name of the resource followed by /.default. ... these API permissions must be granted by a tenant administrator.',
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes); Row: clientCredentialsScopes https://{microsoftGraphHost}/.default.',
		},
		apiBaseUrl: {
			unconfirmed: 'Graph host per cloud from learn.microsoft.com/graph/deployments (row source).',
		},
		apiHosts: {
			unconfirmed: 'Outlook attachments are served by Graph itself; no extra host identified.',
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			unconfirmed:
				'/me needs a signed-in user: with client credentials it fails. App-only calls use /users/{id}/...; a check needs an application permission the Mail/Calendar app may not have. Proposed: no check, or /organization when Organization.Read.All is granted (not confirmed on a page this session).',
			note: 'Row: no check with client credentials (/me names a user).',
		},
		consoleSettings: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens',
			quote: 'Refresh tokens sent to a redirect URI registered as spa expire after 24 hours.',
			readOn: '2026-12-03',
			note: 'Setup hint already says Web platform; add admin consent for application permissions.',
		},
		regions: {
			page: 'https://learn.microsoft.com/en-us/graph/deployments',
			readOn: '2026-12-03',
			note: 'Row already offers the national clouds (source listed in the row).',
		},
	},
	microsoftSharePoint: {
		authUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
			quote: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize?',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token',
			quote: 'POST /{tenant}/oauth2/v2.0/token HTTP/1.1',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token',
			quote:
				'client_secret ... The application secret that you created in the app registration portal for your app.',
			readOn: '2026-12-03',
			note: "client_secret in the body, or HTTP Basic per RFC 6749; private_key_jwt (certificate) also accepted. Row 'body' fine.",
		},
		pkce: {
			unconfirmed:
				'Quote from memory of the parameter table; PKCE is recommended for confidential web apps too.',
			lead: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
		},
		scopeSeparator: {
			unconfirmed: 'no provider page states it',
			lead: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code',
		},
		refreshScopes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#successful-response-2',
			quote: 'Only provided if `offline_access` scope was requested.',
			readOn: '2026-12-03',
			note: 'Quoted as cited in several stored copies of the auth-code page.',
		},
		tokenLifetimes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#refresh-token-lifetime',
			quote:
				'The default lifetime for the refresh tokens is 24 hours for single page apps and 90 days for all other scenarios. Refresh tokens replace themselves with a fresh token upon every use.',
			readOn: '2026-12-03',
			note: 'Register the redirect URI under the Web platform, not SPA, or refresh tokens die after 24 hours.',
		},
		grants: {
			unconfirmed: 'Quote from memory of the client-credentials page intro.',
			lead: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
		},
		clientCredentialsScopes: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow#first-case-access-token-request-with-a-shared-secret',
			quote:
				'The value passed for the scope parameter in this request should be the resource identifier (application ID URI) of the resource you want, affixed with the .default suffix.',
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes); Row: clientCredentialsScopes https://{microsoftGraphHost}/.default.',
		},
		apiBaseUrl: {
			unconfirmed:
				"Graph v1.0 on the cloud's Graph host (graph.microsoft.com, graph.microsoft.us, dod-graph.microsoft.us, microsoftgraph.chinacloudapi.cn).",
			lead: 'https://learn.microsoft.com/en-us/graph/deployments',
		},
		apiHosts: {
			page: 'https://learn.microsoft.com/en-us/graph/api/driveitem-get-content#response',
			quote:
				'Returns a `302 Found` response redirecting to a preauthenticated download URL for the file.',
			readOn: '2026-12-03',
			note: 'Row: Global allows *.sharepoint.com and *.files.1drv.com (per-cloud placeholders of the Microsoft Cloud field).',
			open: "the national clouds' SharePoint hosts are on no Microsoft page (docs/catalogue-todo.md#hosts-per-microsoft-cloud)",
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://learn.microsoft.com/en-us/graph/api/user-get',
			quote:
				'/me ... is only valid with delegated permissions (no signed-in user with application permissions)',
			readOn: '2026-12-03',
			note: 'Row: client credentials check /v1.0/sites/root.',
		},
		consoleSettings: {
			page: 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens#refresh-token-lifetime',
			quote: '24 hours for single page apps',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: Web platform (SPA refresh tokens last 24 hours), admin consent',
		},
		regions: {
			unconfirmed:
				'Matches MICROSOFT_CLOUDS in the row (from learn.microsoft.com/graph/deployments); not re-read today.',
			lead: 'https://learn.microsoft.com/en-us/graph/deployments',
		},
	},
	miro: {
		authUrl: {
			page: 'https://developers.miro.com/docs/getting-started-with-oauth#step-1-prompt-users-to-install-your-app',
			quote: 'Miro authorization base URL: https://miro.com/oauth/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.miro.com/v1.0/reference/get-new-access-token-using-refresh-token',
			quote:
				'Get or use a refresh token using the following POST request: https://api.miro.com/v1/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developers.miro.com/reference/ne-exchange-authorization-code-with-access-token#notes',
			quote:
				'We recommend that you send the parameters in your request body, instead of query parameters, in your real-life implementation.',
			readOn: '2026-12-03',
		},
		pkce: { unconfirmed: 'No PKCE parameters in the authorization request link.' },
		scopeSeparator: {
			notApplicable:
				'The authorize link has response_type, client_id, redirect_uri, state, team_id: scopes are the permissions ticked on the app.',
		},
		refreshScopes: {
			page: 'https://developers.miro.com/v1.0/reference/get-new-access-token-using-refresh-token',
			quote:
				'To use an expiring access token and refresh token, you must enable the user authorization token feature during app creation.',
			readOn: '2026-12-03',
			note: 'Not a scope: a console setting (see consoleSettings).',
		},
		tokenLifetimes: {
			page: 'https://developers.miro.com/reference/ne-use-access-token-for-rest-api-requests#use-token-for-rest-api-requests',
			quote:
				'If you enabled the expire user authorization token feature, the access token expires in 1 hour and the refresh token expires in 60 days.',
			readOn: '2026-12-03',
			note: 'Rotation: the refresh response returns a new refresh_token (example on the refresh page).',
		},
		grants: {
			page: 'https://developers.miro.com/docs/getting-started-with-oauth',
			quote: 'This guide explains how to implement the OAuth 2.0 authorization code flow for Miro.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: {
			unconfirmed:
				"REST API v2; auth endpoints stay on v1 ('Authentication endpoints ... use v1 in the endpoint URLs').",
		},
		apiHosts: { unconfirmed: 'Board export/image downloads may redirect elsewhere; not checked.' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://developers.miro.com/reference/ne-use-access-token-for-rest-api-requests',
			quote:
				'GET https://api.miro.com/v1/oauth-token Authorization: Bearer replace_with_actual_access_token',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://developers.miro.com/v1.0/reference/get-new-access-token-using-refresh-token',
			quote: 'you must enable the user authorization token feature during app creation.',
			readOn: '2026-12-03',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	mollie: {
		authUrl: {
			page: 'https://docs.mollie.com/reference/authorize-endpoint',
			quote: '`GET` `https://my.mollie.com/oauth2/authorize`',
			readOn: '2026-12-03',
			note: 'state and scope are required parameters (same page); approval_prompt is optional.',
		},
		tokenUrl: {
			page: 'https://docs.mollie.com/reference/oauth-generate-tokens',
			quote:
				'"/oauth2/tokens": { "servers": [ { "url": "https://api.mollie.com/oauth2" } ], "post": {',
			readOn: '2026-12-03',
			note: "Quote from the page's OpenAPI definition (oauth-generate-tokens.md); grant types authorization_code and refresh_token.",
		},
		tokenAuthMethod: {
			page: 'https://docs.mollie.com/reference/authentication',
			quote:
				'Basic Auth: Base64-encoded string using the OAuth client ID and client secret as basic access credentials. It is used to generate and revoke tokens.',
			readOn: '2026-12-03',
			note: "Changelog 'Fix OAuth token endpoints to use Basic Authentication': 'The generate and revoke token endpoints now correctly declare HTTP Basic Authentication (client ID and client secret)'.",
		},
		pkce: {
			unconfirmed:
				"The authorize endpoint's stored excerpt lists client_id, redirect_uri, state, scope; no code_challenge read. Kept unsupported.",
		},
		scopeSeparator: {
			page: 'https://docs.mollie.com/reference/authorize-endpoint',
			quote: "A space-separated list of permissions ('scopes') your app requires.",
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://docs.mollie.com/reference/oauth-generate-tokens',
			quote:
				'If you wish to renew your app access token with your refresh token, use grant type refresh_token.',
			readOn: '2026-12-03',
			note: 'The code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed: 'No stored Mollie page states the access or refresh token lifetime.',
		},
		grants: {
			page: 'https://docs.mollie.com/reference/oauth-generate-tokens',
			quote: 'Possible values: authorization_code refresh_token',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://docs.mollie.com/reference/get-current-organization',
			quote: 'https://api.mollie.com/v2/organizations/me',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://docs.mollie.com/reference/oauth-generate-tokens',
			quote: '"servers": [ { "url": "https://api.mollie.com" } ]',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			page: 'https://docs.mollie.com/reference/get-current-organization',
			quote: 'Retrieve the currently authenticated organization.',
			readOn: '2026-12-03',
			note: "Access with 'OAuth access with organizations.read' (same page); organizations.read is the default scope.",
		},
		consoleSettings: {
			unconfirmed: 'No console setting that affects refresh tokens found on a Mollie page.',
		},
		regions: {
			page: 'https://docs.mollie.com/reference/oauth-generate-tokens',
			quote: '"servers": [ { "url": "https://api.mollie.com" } ]',
			readOn: '2026-12-03',
			note: 'One global API host.',
		},
	},
	mondayCom: {
		authUrl: {
			page: 'https://developer.monday.com/apps/docs/oauth-2-1#how-the-flow-works',
			quote:
				'Your app redirects the user to https://auth.monday.com/oauth2/authorize with the code challenge.',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.monday.com/apps/docs/oauth-2-1#how-the-flow-works',
			quote:
				'Your backend exchanges the code and the code verifier for an access token and a refresh token at https://auth.monday.com/oauth_ms/oauth/token.',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				"The stored excerpt of the 2.1 page stops before the token request parameters; body kept (as in the legacy flow). The flow exposes an RFC 8414 discovery URL that would list token_endpoint_auth_methods_supported (developer-community product update); not read. Re-tried 2026-12-03: third-party clients of the 2.1 endpoint send client_id/client_secret in a JSON body, one citing 'the OAuth 2.1 migration doc (not form-urlencoded)'; whether a form body is accepted is unknown (stored copy of developer.monday.com/apps/docs/migrating-to-the-new-oauth-flow stops at step 1).",
			lead: 'https://developer.monday.com/apps/docs/oauth-2-1#before-you-start',
		},
		pkce: {
			page: 'https://developer.monday.com/apps/docs/oauth-2-1#how-the-flow-works',
			quote: 'Your app generates a PKCE code verifier and code challenge.',
			readOn: '2026-12-03',
			note: "The documented 2.1 flow always sends a code challenge; whether confidential clients may omit it is not stated (row's note).",
		},
		scopeSeparator: {
			unconfirmed:
				'Scopes are configured per app version in the Developer Center; separator for the scope parameter not in the stored excerpt.',
		},
		refreshScopes: {
			page: 'https://developer.monday.com/apps/docs/oauth-2-1',
			quote:
				'your app exchanges the resulting authorization code for an access token and a refresh token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			unconfirmed:
				"monday's own product-update post; rotation = new refresh token on refresh (assumed meaning). Access lifetime not read.",
			lead: 'https://developer-community.monday.com/product-updates/join-the-beta-oauth-2-1-for-monday-apps-5273',
		},
		grants: {
			page: 'https://developer.monday.com/apps/docs/oauth-2-1',
			quote: 'OAuth 2.1 is the authorization flow for monday.com apps.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed: 'the page was not quoted this round: Row value; page not re-read this round.',
			lead: 'https://developer.monday.com/api-reference/docs/basics',
		},
		apiHosts: { unconfirmed: 'Not re-read.' },
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://developer.monday.com/api-reference/reference/me',
			readOn: '2026-12-03',
			note: 'Row: checkUrl https://api.monday.com/v2, POST JSON with query { me { id name } }.',
		},
		consoleSettings: {
			page: 'https://developer.monday.com/apps/docs/migrating-to-the-new-oauth-flow#1-enable-the-new-oauth-flow',
			quote: 'Enable the New OAuth Flow toggle for the draft version.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: New OAuth Flow toggle for older apps',
		},
		regions: { notApplicable: 'Single API host.' },
	},
	mural: {
		authUrl: {
			page: 'https://developers.mural.co/public/docs/python-example',
			quote: 'authorization_base_url = "https://app.mural.co/api/public/v1/authorization/oauth2/"',
			readOn: '2026-12-03',
			note: "Row marks it unconfirmed (Nango); Mural's Python example states it.",
		},
		tokenUrl: {
			page: 'https://developers.mural.co/public/docs/basic-oauth-server-setup',
			quote:
				'const API_BASE = "https://app.mural.co"; ... accessTokenUri: `${API_BASE}/api/public/v1/authorization/oauth2/token`,',
			readOn: '2026-12-03',
			note: "Mural's own OAuth server example (marked [WIP]). It also names refreshTokenUri: `${API_BASE}/api/public/v1/authorization/oauth2/refresh`, and the Authentication page says refresh goes to 'the Refresh Token URL': the preset refreshes at the token URL, which a user report (dev.to) shows answering grant_type=refresh_token.",
		},
		tokenAuthMethod: {
			unconfirmed:
				"Not in the stored openings of Mural's pages (the OAuth server example is cut before its token request); a third-party report (dev.to) says refresh rejects body credentials with invalid_client and needs Basic. Keep header.",
			lead: 'https://developers.mural.co/public/docs/basic-oauth-server-setup',
		},
		pkce: {
			page: 'https://developers.mural.co/public/docs/oauth',
			quote:
				'Also, we support PKCE (Proof Key for Code Exchange) to prevent malicious third parties from attempting to steal your access token.',
			readOn: '2026-12-03',
		},
		scopeSeparator: { unconfirmed: 'Scope format not in excerpts.' },
		refreshScopes: {
			page: 'https://developers.mural.co/public/docs/oauth#how-oauth-20-works',
			quote:
				"When the access token expires, you'll use the refresh token to request a new access token",
			readOn: '2026-12-03',
			note: 'No scope needed for the refresh token.',
		},
		tokenLifetimes: {
			page: 'https://developers.mural.co/public/docs/oauth#how-oauth-20-works',
			quote: 'The Refresh Token URL responds with a new access token and new refresh token.',
			readOn: '2026-12-03',
			note: 'Rotation confirmed: store the new refresh token each time.',
		},
		grants: {
			page: 'https://developers.mural.co/public/docs/oauth',
			quote: 'Our current implementation of OAuth 2.0 uses the Authorization Code Grant method.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			unconfirmed: 'Same prefix as the OAuth URLs; API reference not re-read.',
			lead: 'https://developers.mural.co/public/docs/python-example',
		},
		apiHosts: {
			unconfirmed:
				'Enterprise (custom-domain) Mural instances use their own host per row notes; not confirmed.',
		},
		tokenResponseHost: { notApplicable: 'Single host.' },
		checkRequest: {
			unconfirmed: 'Not re-read; identity:read is in defaultScopes.',
			lead: 'https://developers.mural.co/public/docs/scopes',
		},
		consoleSettings: {
			unconfirmed: 'From setupHint.',
			lead: 'https://developers.mural.co/public/docs/register-your-new-app',
		},
		regions: { unconfirmed: 'None found.' },
	},
	myob: {
		authUrl: {
			page: 'https://developer.myob.com/api/myob-business-api/api-overview/granular_data_scopes',
			quote:
				'https://secure.myob.com/oauth2/account/authorize?client_id=[YOUR API KEY]&redirect_uri=[URL_ENCODED_REDIRECT_URI]&response_type=code&scope=[SME_SCOPES]',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer-myob-website-preprod.svc.platform.myobdev.com/api/essentials-accounting/api-overview/authentication',
			quote:
				'Once you have the access code, you make another call to our secure.myob.com server to request an access token.',
			readOn: '2026-12-03',
			note: "Same page: 'To this url: https://secure.myob.com/oauth2/v1/authorize'. MYOB's own developer site (its preprod host on myobdev.com); the developer.myob.com copy of the section was cut in the stored excerpt.",
		},
		tokenAuthMethod: {
			page: 'https://developer-myob-website-preprod.svc.platform.myobdev.com/api/essentials-accounting/api-overview/authentication',
			quote: "'client_id' // your API Key 'client_secret' // your API Secret",
			readOn: '2026-12-03',
			note: 'POSTed as form parameters with code, redirect_uri and grant_type authorization_code; no Basic header documented.',
		},
		pkce: {
			unconfirmed: 'No code_challenge on the MYOB authorize pages read; kept unsupported.',
		},
		scopeSeparator: {
			page: 'https://apisupport.myob.com/hc/en-us/articles/360001459455-How-to-Complete-End-User-Authentication-with-OAuth2-0',
			quote: '&response_type=code&scope=CompanyFile la.global',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developer-myob-website-preprod.svc.platform.myobdev.com/api/essentials-accounting/api-overview/authentication',
			quote: "(note: we'll return both an Access Token and a Refresh Token)",
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			unconfirmed:
				"Only 'The returned Code expires in 2-5 minutes' (developer.myob.com authentication) was read; token lifetimes not on a stored MYOB page.",
		},
		grants: {
			page: 'https://developer.myob.com/api/myob-business-api/api-overview/authentication/',
			quote:
				'The MYOB Business API uses OAuth 2.0 to ensure that access to company files is handled securely.',
			readOn: '2026-12-03',
			note: 'Client credentials at id.myob.com exist only for the Transactions API (bank-feed partners), not the Business API.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant for the Business API.',
		},
		apiBaseUrl: {
			page: 'https://developer.myob.com/apis/business/v2/',
			quote: 'https://api.myob.com/accountright',
			readOn: '2026-12-03',
			note: 'Company-file paths are /accountright/{businessId}/...; the businessId comes back on the redirect (granular scopes).',
		},
		apiHosts: {
			page: 'https://developer.myob.com/apis/business/v2/',
			quote: 'https://api.myob.com/accountright',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			unconfirmed:
				"Every Business API call needs the x-myobapi-key header carrying the app's API key (the client ID) and x-myobapi-version; a preset check cannot send the user's client ID, so the row has no check URL.",
			lead: 'https://developer.myob.com/apis/business/v2/company-files/',
		},
		consoleSettings: {
			page: 'https://apisupport.myob.com/hc/en-us/articles/360001459455-How-to-Complete-End-User-Authentication-with-OAuth2-0',
			quote:
				'The scope tells the MYOB authentication server what you are asking for. For keys created after 12th March 2025 only:',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developer.myob.com/apis/business/v2/',
			quote: 'https://api.myob.com/accountright',
			readOn: '2026-12-03',
			note: 'One cloud API host for AU and NZ files.',
		},
	},
	netSuite: {
		authUrl: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081944642.html',
			quote: 'https://<accountID>.app.netsuite.com/app/login/oauth2/authorize.nl.',
			readOn: '2026-12-03',
			note: 'Account-specific domain; system.netsuite.com is the fallback when the account ID is unknown.',
		},
		tokenUrl: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081952044.html',
			quote: 'https://<accountID>.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081952044.html',
			quote:
				'The client authentication method used in the header of the request follows the HTTP Basic authentication scheme.',
			readOn: '2026-12-03',
			note: 'Same on the refresh request (section_160855594402).',
		},
		pkce: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081952044.html',
			quote: 'The value of the code_verifier must match the value generated in Step One.',
			readOn: '2026-12-03',
			note: "Step One lists code_challenge and code_challenge_method; 'As of 2020.2, NetSuite does not support a value of' plain, so S256.",
		},
		scopeSeparator: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081944642.html',
			quote:
				'If the application requests access more than one, separate the values by a white space.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158074210415.html',
			quote:
				'the application begins the process of granting the access token and refresh token by sending a GET request to the authorization endpoint',
			readOn: '2026-12-03',
			note: 'Every code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed:
				"Access 1 hour is on Oracle's Connect page; the 7-day refresh-token life is only in a third-party guide (docs.unified.to netsuite-oauth-app). Rotation not stated.",
			lead: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0907013045.html',
		},
		grants: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162755359851.html',
			quote:
				'The value of the client_assertion parameter is a JWT bearer token. The token is signed with the private part of the certificate used for mapping of the application.',
			readOn: '2026-12-03',
			note: "NetSuite's client credentials flow uses a certificate-signed client assertion (PS256/ES256 with its own certificate mapping), not a client secret: not offered.",
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant with a client secret.',
		},
		apiBaseUrl: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1546938065.html',
			quote:
				'if your account ID is 123456, your account-specific domain for REST web services is 123456.suitetalk.api.netsuite.com',
			readOn: '2026-12-03',
			note: 'Paths /record/v1/..., /query/v1/suiteql under /services/rest (section_1540810174).',
		},
		apiHosts: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158272429269.html',
			quote: 'https://<accountID>.app.netsuite.com/app/site/hosting/restlet.nl?script=1&deploy=1',
			readOn: '2026-12-03',
			note: 'The restlets.api.netsuite.com host was not read on an Oracle page; left out.',
		},
		tokenResponseHost: {
			notApplicable: 'The host is the account ID the user types; the token response names no host.',
		},
		checkRequest: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1540810174.html',
			quote:
				'The endpoint for getting the metadata schema for all exposed records is http://demo123.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog',
			readOn: '2026-12-03',
			note: "No 'current user' endpoint in REST web services; the metadata catalog is per account and per user ('fully personalized view on the resources (per user)').",
		},
		consoleSettings: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157771482304.html',
			quote: 'In the Manage Authentication section, check the OAuth 2.0 box.',
			readOn: '2026-12-03',
			note: "Role permission 'Log in Using OAuth 2.0 Access Token' (same page); integration record fields: section_157771733782 ('Check this box if you want to implement the OAuth 2.0 authorization code grant flow for this integration.').",
		},
		regions: {
			page: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1546938065.html',
			quote: "These domains don't change even if your account is moved to a different data center.",
			readOn: '2026-12-03',
			note: 'Account-specific domains route to the data centre; the account ID field covers it (sandbox IDs such as 123456_SB1 appear as 123456-sb1 in the host).',
		},
	},
	notion: {
		authUrl: {
			unconfirmed: 'Row source; the stored excerpts did not show the URL text.',
			lead: 'https://developers.notion.com/guides/get-started/authorization#step-1-navigate-the-user-to-the-connections-authorization-url',
		},
		tokenUrl: {
			page: 'https://developers.notion.com/reference/refresh-a-token',
			quote: 'post /v1/oauth/token ... servers: - url: https://api.notion.com',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developers.notion.com/reference/refresh-a-token',
			quote: 'name: OAuth description: OAuth endpoints (basic authentication)',
			readOn: '2026-12-03',
			note: "Notion's OAuth endpoints use HTTP Basic (client_id:client_secret).",
		},
		pkce: { unconfirmed: "Not mentioned in Notion's authorization guide." },
		scopeSeparator: { notApplicable: 'No scopes: capabilities are set on the connection.' },
		refreshScopes: {
			page: 'https://developers.notion.com/reference/refresh-a-token',
			quote: 'Refreshes an access token, generating a new access token and new refresh token',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developers.notion.com/reference/refresh-a-token',
			quote: 'Refreshes an access token, generating a new access token and new refresh token',
			readOn: '2026-12-03',
			note: 'Access-token lifetime remains unconfirmed; rotation confirmed: store the new refresh token.',
		},
		grants: {
			page: 'https://developers.notion.com/reference/create-a-token',
			quote:
				'Creates an access token that a third-party service can use to authenticate with Notion.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client-credentials grant (internal connections use static tokens).',
		},
		apiBaseUrl: {
			page: 'https://developers.notion.com/reference/refresh-a-token',
			quote: 'servers: - url: https://api.notion.com',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.notion.com/reference/refresh-a-token',
			quote: 'servers: - url: https://api.notion.com',
			readOn: '2026-12-03',
			note: "File objects of type 'file' carry pre-signed S3 URLs (prod-files-secure.s3.us-west-2.amazonaws.com) fetched without the token; not an API host (not re-read).",
		},
		tokenResponseHost: { notApplicable: 'Token response has workspace/bot ids, no host.' },
		checkRequest: {
			page: 'https://developers.notion.com/reference/versioning',
			readOn: '2026-12-03',
			note: 'Row: checkRequest header Notion-Version 2022-06-28.',
		},
		consoleSettings: { unconfirmed: 'Nothing documented that stops refresh tokens.' },
		regions: { notApplicable: 'Single API host.' },
	},
	okta: {
		authUrl: {
			page: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/#request-an-authorization-code',
			quote:
				"If you're using the org authorization server, then your request URL would look something like this: https://{yourOktaDomain}/oauth2/v1/authorize?",
			readOn: '2026-12-03',
			note: "Read in the page's source (okta/okta-developer-docs, guides/implement-grant-type/main/authcode/use-flow.md).",
		},
		tokenUrl: {
			page: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/#exchange-the-code-for-tokens',
			quote:
				"If you're using the org authorization server, then your request would look something like this: curl --request POST --url https://{yourOktaDomain}/oauth2/v1/token",
			readOn: '2026-12-03',
			note: "Read in the page's source (okta/okta-developer-docs); the quote joins the sentence and the first lines of the curl example.",
		},
		tokenAuthMethod: {
			page: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/#exchange-the-code-for-tokens',
			quote:
				"The call to the `/token` endpoint requires authentication. In this case, it's Basic Authentication with the client ID and secret Base64-encoded.",
			readOn: '2026-12-03',
			note: "Per-app setting 'Client authentication' in Okta can also allow client_secret_post; the guide's example uses Basic.",
		},
		pkce: { unconfirmed: 'no provider page states it' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: {
			unconfirmed: "Plus the app's Refresh Token grant type (setup hint already ticks it).",
		},
		tokenLifetimes: {
			page: 'https://support.okta.com/help/s/article/What-is-the-lifetime-of-the-JWT-tokens#solution',
			quote:
				'When using the built-in Org Authorization Server, the token lifetimes are hard-coded and cannot be modified. ... Access Token: 60 minutes. Refresh Token: 90 days.',
			readOn: '2026-12-03',
			note: 'org authorization server: access 60 min, refresh 90 days fixed',
		},
		grants: {
			unconfirmed:
				'Org AS client credentials need private_key_jwt (row note; sources listed in the row).',
		},
		clientCredentialsScopes: { unconfirmed: 'no provider page states it' },
		apiBaseUrl: { unconfirmed: 'the page was not quoted this round' },
		apiHosts: { unconfirmed: 'the page was not quoted this round' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			unconfirmed:
				'userinfo needs an openid user token; with private_key_jwt client credentials there is no user.',
		},
		consoleSettings: {
			page: 'https://support.okta.com/help/s/article/refresh-token-expiration-behavior#solution',
			quote:
				"On an org authorization server, the refresh token's lifetime is always 90 days, and there is no idle refresh token time.",
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: org-server refresh tokens end 90 days after sign-in',
		},
		regions: { notApplicable: 'Org domain entered by the user.' },
	},
	oktaCustomAuthServer: {
		authUrl: {
			page: 'https://developer.okta.com/docs/guides/customize-authz-server/main/#test-an-openid-connect-flow',
			quote:
				'It looks like this: https://{yourOktaDomain}/oauth2/{authorizationServerId}/v1/authorize',
			readOn: '2026-12-03',
			note: "Read in the page's source (okta/okta-developer-docs, guides/customize-authz-server/main/index.md).",
		},
		tokenUrl: {
			page: 'https://developer.okta.com/docs/guides/implement-client-creds/overview/#request-for-token',
			quote:
				"pass through Basic Authentication in the request to your custom authorization server's /token endpoint",
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.okta.com/docs/guides/implement-client-creds/overview/#request-for-token',
			quote:
				"Note: The client ID and secret aren't included in the POST body. Instead, they are in the HTTP Authorization header following the rules of HTTP Basic Auth.",
			readOn: '2026-12-03',
			note: "The app's Client authentication setting decides; client_secret_basic is the guide's form. privateKeyJwt true matches Okta's 'Public key / Private key' option.",
		},
		pkce: {
			unconfirmed:
				"Okta supports PKCE for web apps (app setting 'Require PKCE as additional verification'); page not re-read this round.",
			lead: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
		},
		scopeSeparator: {
			page: 'https://developer.okta.com/standards/OIDC/#scope-values',
			quote: 'Note: The maximum length for the scope parameter value is 1024 characters.',
			readOn: '2026-12-03',
			note: 'Space-separated per OAuth 2.0/OIDC.',
		},
		refreshScopes: {
			page: 'https://developer.okta.com/standards/OIDC/#scope-values',
			quote:
				'offline_access can only be requested in combination with a response_type that contains code.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://support.okta.com/help/s/article/refresh-token-expiration-behavior',
			quote:
				'On a custom authorization server, this can be modified to be between 10 minutes and 5 years or set to no lifetime (unlimited). Additionally, there is a setting for the tokens to expire after a cert...',
			readOn: '2026-12-03',
			note: 'set by the access policy (refresh 10 min to unlimited, idle window)',
		},
		grants: {
			page: 'https://developer.okta.com/docs/guides/implement-client-creds/overview/',
			quote:
				'The Client Credentials flow is intended for server-side (confidential) client applications with no end user',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://developer.okta.com/docs/guides/implement-client-creds/overview/#request-for-token',
			quote: 'scope must be at least one custom scope that you create.',
			readOn: '2026-12-03',
			note: 'fixed in the row: the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes); Row: client credentials send no OpenID scope; the custom scope is typed by the user.',
		},
		apiBaseUrl: {
			unconfirmed:
				'Row notes say to add the API host to Allowed Domains; nothing provider-specific to check.',
		},
		apiHosts: { unconfirmed: "Only the AS host; resource APIs are the user's." },
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			page: 'https://developer.okta.com/standards/OIDC/#scopes',
			quote:
				'The scopes associated with access tokens determine which claims are available when they are used to access the OIDC /userinfo endpoint.',
			readOn: '2026-12-03',
			note: 'Row: no check with client credentials (userinfo names a user).',
		},
		consoleSettings: {
			page: 'https://help.okta.com/en-us/Content/Topics/security/api-config-access-policies.htm',
			quote:
				'Access policies control which clients can interact with an authorization server. They also include access rules, such as allowing only specific scope requests.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: access policy and rule, a custom scope for client credentials',
		},
		regions: { notApplicable: 'Per-org domain field.' },
	},
	osu: {
		authUrl: {
			page: 'https://osu.ppy.sh/docs/index.html#authorization-code-grant',
			quote: 'To request permission from the user, they should be redirected to:',
			readOn: '2026-12-03',
			note: "Read in the docs source, ppy/osu-web resources/views/docs/auth.blade.php (newest snapshot, commit 3f5de518e87e, 2026-08-21): the page prints the route oauth.authorizations.authorize after the site URL, i.e. GET https://osu.ppy.sh/oauth/authorize (app/Providers/AuthServiceProvider.php: prefix 'oau...",
		},
		tokenUrl: {
			page: 'https://osu.ppy.sh/docs/index.html#authorization-code-grant',
			quote: 'Exchange this `code` for an access token:',
			readOn: '2026-12-03',
			note: "The page prints the route oauth.passport.token after the site URL: POST https://osu.ppy.sh/oauth/token (AuthServiceProvider.php: prefix 'oauth', Route::post('token', ...)); the same endpoint serves the refresh and client-credentials requests.",
		},
		tokenAuthMethod: {
			page: 'https://osu.ppy.sh/docs/index.html#authorization-code-grant',
			quote: 'The client secret of your application.',
			readOn: '2026-12-03',
			note: 'client_id and client_secret are required body parameters (Content-Type application/x-www-form-urlencoded) of the code exchange, the refresh and the client-credentials request.',
		},
		pkce: {
			unconfirmed:
				'The authorize parameters are client_id, redirect_uri, response_type, scope, state; no code_challenge. Kept unsupported.',
		},
		scopeSeparator: {
			page: 'https://osu.ppy.sh/docs/index.html#authorization-code-grant',
			quote: 'A space-delimited string of scopes.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://osu.ppy.sh/docs/index.html#authorization-code-grant',
			quote:
				'Refresh the token to get new access token without going through authorization process again.',
			readOn: '2026-12-03',
			note: "The code exchange's response lists refresh_token without any scope or parameter asking for it.",
		},
		tokenLifetimes: {
			page: 'https://osu.ppy.sh/docs/index.html#authorization-code-grant',
			quote: 'Successful requests will be issued an access token and a new refresh token:',
			readOn: '2026-12-03',
			note: 'Example responses have "expires_in": 86400. The 3-month refresh lifetime is only in code (AuthServiceProvider: Passport::refreshTokensExpireIn(addMonths(3))), a lead.',
		},
		grants: {
			page: 'https://osu.ppy.sh/docs/index.html#client-credentials-grant',
			quote:
				'The client credential flow provides a way for developers to get access tokens that do not have associated user permissions; as such, these tokens are considered as guest users.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			page: 'https://osu.ppy.sh/docs/index.html#client-credentials-grant',
			quote:
				'A space-delimited string of scopes. Only `public` and scopes that allow delegation are supported.',
			readOn: '2026-12-03',
			note: "scope is required on that request, and 'The Client Credentials Grant does not currently have any default scopes' (#scopes); identify is not allowed there.",
		},
		apiBaseUrl: {
			page: 'https://osu.ppy.sh/docs/index.html#using-the-access-token-to-access-the-api',
			quote: 'The token should be included in the header of requests to the API.',
			readOn: '2026-12-03',
			note: "The page's example calls https://osu.ppy.sh/api/[version]/[endpoint]; every documented endpoint is under api/v2 (routes/web.php prefix 'api/v2').",
		},
		apiHosts: {
			page: 'https://osu.ppy.sh/docs/index.html#using-the-access-token-to-access-the-api',
			quote: 'With the access token, you can make requests to osu!api on behalf of a user.',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://osu.ppy.sh/docs/index.html#get-own-data',
			quote: 'Similar to Get User but with authenticated user (token owner) as user id.',
			readOn: '2026-12-03',
			note: "Scopes table: identify 'Allows reading of the public profile of the user (/me)', the default scope of the authorization code grant. Client-credentials tokens are guests (no Resource Owner unless delegate), so no check on that grant.",
		},
		consoleSettings: {
			page: 'https://osu.ppy.sh/docs/index.html#managing-oauth-applications',
			quote:
				'You can generate a new Client Secret by choosing to "Reset client secret", however, this will disable all access tokens issued for the application.',
			readOn: '2026-12-03',
			note: "#registering-an-oauth-application: 'The Application Callback URL is required when for using Authorization Codes.'",
		},
		regions: {
			notApplicable: 'One site.',
		},
	},
	oryNetwork: {
		authUrl: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/wellknown-endpoint-discovery#example-response',
			quote: '"authorization_endpoint": "https://$PROJECT_SLUG.projects.oryapis.com/oauth2/auth",',
			readOn: '2026-12-03',
			note: "Read in Ory's docs source (github.com/ory/docs, docs/oauth2-oidc/wellknown-endpoint-discovery.mdx). Host: the project slug host <slug>.projects.oryapis.com or the project's custom domain.",
		},
		tokenUrl: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/wellknown-endpoint-discovery#example-response',
			quote: '"token_endpoint": "https://$PROJECT_SLUG.projects.oryapis.com/oauth2/token",',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/overview/oauth2-concepts#client-id-and-secret',
			quote: 'including `client_secret_basic` (default), `client_secret_post`, and `none`.',
			readOn: '2026-12-03',
			note: "The method is a per-client setting (token_endpoint_auth_method); client_secret_basic is the default. A client created with client_secret_post (as in the authorization-code-flow 'Web server app' example) needs the body method instead.",
		},
		pkce: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow#perform-pkce',
			quote:
				'PKCE (Proof Key for Code Exchange) is a security extension to the Authorization Code flow that is designed to prevent code',
			readOn: '2026-12-03',
			note: 'The confidential-client example omits it; optional for confidential clients.',
		},
		scopeSeparator: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow#web-server-app-and-confidential-client',
			quote: 'scope=openid%20offline_access&state=12345',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow#get-a-refresh-token',
			quote:
				'To get a refresh token, you need to include the `offline_access` scope in the access request.',
			readOn: '2026-12-03',
			note: "'The client needs to be allowed to request the `offline_access` scope and the user has to accept' it on the consent screen.",
		},
		tokenLifetimes: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/refresh-token-grant#change-refresh-token-lifespan',
			quote:
				'You can adjust the Refresh Token lifespan (TTL) using the `/ttl/refresh_token` configuration key. By default, the TTL is set to 30',
			readOn: '2026-12-03',
			note: "Rotation (#refresh-token-rotation-and-security-protections): 'Refresh tokens are single-use only, meaning that they become invalid after the first use.'",
		},
		grants: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/client-credentials#basic-authentication',
			quote:
				'The first and most common mechanism for authenticating a client in the Client Credentials flow is Basic Authentication.',
			readOn: '2026-12-03',
			note: 'The client needs the client_credentials grant type (--grant-type client_credentials).',
		},
		clientCredentialsScopes: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/client-credentials#basic-authentication',
			quote: 'body: "grant_type=client_credentials&scope=read",',
			readOn: '2026-12-03',
		},
		apiBaseUrl: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/wellknown-endpoint-discovery#example-response',
			quote: '"issuer": "https://$PROJECT_SLUG.projects.oryapis.com",',
			readOn: '2026-12-03',
			note: "The tokens are for the customer's own APIs; on the Ory host the token reaches /userinfo.",
		},
		apiHosts: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/wellknown-endpoint-discovery#example-response',
			quote: '"userinfo_endpoint": "https://$PROJECT_SLUG.projects.oryapis.com/userinfo",',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'Standard OAuth 2.0 token response; no host field.',
		},
		checkRequest: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/userinfo-oidc',
			quote: 'It is important to note that the `openid` scope must be one of the',
			readOn: '2026-12-03',
			note: 'Client-credentials tokens have no user: no check on that grant.',
		},
		consoleSettings: {
			page: 'https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow#get-a-refresh-token',
			quote:
				'The client needs to be allowed to request the `offline_access` scope and the user has to accept that the client may use the',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One host per project (slug host or custom domain), a field.',
		},
	},
	oura: {
		authUrl: {
			page: 'https://cloud.ouraring.com/docs/authentication',
			quote:
				'If you are using an existing OAuth2 library, you may need to configure the following URLs. Authorize: https://cloud.ouraring.com/oauth/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://cloud.ouraring.com/docs/authentication',
			quote: 'Access Token URL: https://api.ouraring.com/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://cloud.ouraring.com/v2/docs#tag/Authentication-Troubleshooting',
			quote:
				'POST https://api.ouraring.com/oauth/token Content-Type: application/x-www-form-urlencoded grant_type=refresh_token& refresh_token=YOUR_REFRESH_TOKEN& client_id=YOUR_CLIENT_ID& client_secret=YOUR_CL...',
			readOn: '2026-12-03',
			note: "The v2 docs' Code Examples exchange the code the same way (client_id and client_secret in the form body). Read through a harvested copy of the v2 OpenAPI description (api-evangelist/oura openapi/_original).",
		},
		pkce: {
			unconfirmed:
				'The authorize parameters documented are response_type, client_id, redirect_uri, state, scope; no code_challenge. Kept unsupported.',
		},
		scopeSeparator: {
			page: 'https://cloud.ouraring.com/docs/authentication',
			quote:
				'scope | Optional | Space separated list of permissions (scopes) your application requests access to.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://cloud.ouraring.com/v2/docs#tag/Authentication-Troubleshooting',
			quote: 'Use your refresh token to get a new access token',
			readOn: '2026-12-03',
			note: 'The server-side flow returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed:
				"The same docs' FAQ says tokens 'typically last 30 days'; single-use refresh tokens appear only in third-party clients (oura-ring on PyPI).",
			lead: 'https://cloud.ouraring.com/v2/docs#tag/Authentication-Troubleshooting',
		},
		grants: {
			page: 'https://cloud.ouraring.com/docs/authentication',
			quote:
				'The Server-side Flow 1. Direct users to log in to Oura and authorize your app: GET /oauth/authorize',
			readOn: '2026-12-03',
			note: 'User data only; no client credentials grant is documented.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://cloud.ouraring.com/v2/docs',
			quote: 'curl -X GET https://api.ouraring.com/v2/usercollection/personal_info',
			readOn: '2026-12-03',
			note: 'Paths start with /v2/usercollection/... (sandbox data under /v2/sandbox/usercollection/...).',
		},
		apiHosts: {
			page: 'https://cloud.ouraring.com/v2/docs',
			quote:
				'GET /v2/usercollection/personal_info HTTP/1.1 Host: api.ouraring.com Authorization: Bearer <token>',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://cloud.ouraring.com/v2/docs',
			quote:
				'Make Your First API Call: curl -X GET https://api.ouraring.com/v2/usercollection/personal_info',
			readOn: '2026-12-03',
			note: "Scope 'personal': 'Personal information (gender, age, height, weight)' (authentication page, Scopes).",
		},
		consoleSettings: {
			page: 'https://cloud.ouraring.com/v2/docs',
			quote:
				'API Applications are limited to 10 users before requiring approval from Oura. There is no limit once an application is approved.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'Single API host.',
		},
	},
	oneLogin: {
		authUrl: {
			page: 'https://developers.onelogin.com/openid-connect/api/authorization-code',
			quote:
				'https://<subdomain>.onelogin.com/oidc/2/auth?client_id=<client id>&redirect_uri=<redirect uri>&response_type=code&scope=openid',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.onelogin.com/openid-connect/api/authorization-code-grant',
			quote: 'https://<subdomain>.onelogin.com/oidc/2/token',
			readOn: '2026-12-03',
			note: "Resource URL of 'Auth Code Flow pt. 2'; the refresh page names the same URL.",
		},
		tokenAuthMethod: {
			page: 'https://developers.onelogin.com/openid-connect/api/refresh-token',
			quote: 'Basic - Client ID and Client Secret are required in the Authorization header.',
			readOn: '2026-12-03',
			note: "The app's Token Endpoint Authentication Method (Basic, POST or None (PKCE)) decides; 'Sending credentials in both Authorization header and payload body will cause an error.' The preset sends Basic: the setup hint says to keep the app on Basic.",
		},
		pkce: {
			page: 'https://developers.onelogin.com/openid-connect/api/authorization-code',
			quote:
				'Set this to S256. Required when Token Endpoint Authentication Method is set to none (PKCE).',
			readOn: '2026-12-03',
			note: 'code_challenge_method/code_challenge are optional with Basic or POST.',
		},
		scopeSeparator: {
			unconfirmed:
				"The pages show single scopes (scope=openid) and say to 'Add profile and/or groups'; the separator is not written out. OIDC default (space) kept.",
		},
		refreshScopes: {
			page: 'https://developers.onelogin.com/openid-connect/api/authorization-code',
			quote:
				'The “offline_access” scope is not supported on this grant type and will return an error if provided.',
			readOn: '2026-12-03',
			note: "The code exchange returns a refresh token ('a token set containing Access, Refresh and ID Tokens', Auth Code Flow pt. 2); offline_access must NOT be sent.",
		},
		tokenLifetimes: {
			page: 'https://developers.onelogin.com/openid-connect/api/refresh-session',
			quote:
				'a refresh_token is only returned when the Refresh Token Timeout period has been set for your OpenId Connect app in the OneLogin portal',
			readOn: '2026-12-03',
			note: 'That sentence is written for the password grant on this page version; defaults of the timeouts not read.',
		},
		grants: {
			page: 'https://developers.onelogin.com/openid-connect/api/authorization-code-grant',
			quote:
				'In this step the Authorization Code that was returned in step 1 will be exchanged for a token set containing Access, Refresh and ID Tokens.',
			readOn: '2026-12-03',
			note: 'Client credentials for OIDC apps (API Authorization) not read on a OneLogin page: left off.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant in the preset.',
		},
		apiBaseUrl: {
			page: 'https://developers.onelogin.com/openid-connect/api/user-info',
			quote: 'https://<subdomain>.onelogin.com/oidc/2/me',
			readOn: '2026-12-03',
			note: "The OIDC access token works on the OIDC endpoints: 'the access token returned is different to the access token generated via the OAuth 2.0 Tokens API. Therefore it can not be used to authorize API calls against other endpoints such as Users or Events.'",
		},
		apiHosts: {
			page: 'https://developers.onelogin.com/openid-connect/api/user-info',
			quote: 'https://<subdomain>.onelogin.com/oidc/2/me',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://developers.onelogin.com/openid-connect/api/user-info',
			quote: 'Use this API to get the user information related to a given access_token.',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://developers.onelogin.com/openid-connect/api/refresh-token',
			quote:
				'The authentication requirements for this request are dependent on the Token Endpoint Authentication Method that is defined on an OpenId Connect application.',
			readOn: '2026-12-03',
			note: 'Tab names (SSO, Configuration) from the admin portal, not quoted on a OneLogin page read.',
		},
		regions: {
			page: 'https://developers.onelogin.com/openid-connect/api/authorization-code',
			quote: 'Set to the subdomain of your OneLogin instance.',
			readOn: '2026-12-03',
			note: 'Version 2 endpoints are per-instance subdomain; the v1 regional hosts (openid-connect-eu.onelogin.com) were removed in 2021.',
		},
	},
	outreach: {
		authUrl: {
			page: 'https://developers.outreach.io/api/oauth/#oauth-in-a-nutshell',
			quote:
				'you redirect the user to an URL like https://api.outreach.io/oauth/authorize?client_id=...&redirect_uri=...&response_type=code&scope=....',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://github.com/getoutreach/clientxtsdk/blob/main/docs/outreach-api.md#obtain-access-and-refresh-token',
			quote:
				'curl https://api.outreach.io/oauth/token -X POST -d client_id=<Application_Identifier> -d client_secret=<Application_Secret> -d redirect_uri=<Application_Redirect_URI> -d grant_type=authorization_code',
			readOn: '2026-12-03',
			note: "Outreach's own client-extension SDK docs ('As described in Outreach API documentation'); the developers.outreach.io getting-started copy was cut before this step.",
		},
		tokenAuthMethod: {
			page: 'https://github.com/getoutreach/clientxtsdk/blob/main/docs/outreach-api.md#obtain-access-and-refresh-token',
			quote:
				'the add-on host uses authorization code together with application id and the application secret to obtain access and refresh tokens',
			readOn: '2026-12-03',
			note: 'The request on that page sends client_id and client_secret as -d form parameters (body), as the row; the refresh request in #token-endpoint does the same.',
		},
		pkce: { unconfirmed: 'Not mentioned.' },
		scopeSeparator: {
			page: 'https://developers.outreach.io/api/getting-started/#authentication',
			quote: 'Note that scope must be a space-separated list of permitted API scopes',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developers.outreach.io/api/oauth/#oauth-in-a-nutshell',
			quote:
				'Access token is valid for limited period only but you can refresh it using the refresh token returned in the same response.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			unconfirmed: 'no provider page states it',
			lead: 'https://developers.outreach.io/api/getting-started/#authentication',
		},
		grants: {
			page: 'https://developers.outreach.io/api/oauth/',
			quote:
				'Additionally a limited set of API endpoints is available with an authentication token you can obtain through a proprietary S2S protocol.',
			readOn: '2026-12-03',
			note: 'S2S is proprietary, not the client-credentials grant with a secret.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: { unconfirmed: 'Not quoted from an excerpt.' },
		apiHosts: {
			unconfirmed:
				'Third-party guides also show accounts.outreach.io/oauth/authorize (sign-in only, not an API host).',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: { unconfirmed: "Row's unconfirmed check; no excerpt." },
		consoleSettings: {
			page: 'https://developers.outreach.io/api/oauth/#oauth-credentials',
			quote:
				'Development credentials are provisioned immediately and are intended to be used during application development and testing.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: development credentials are for development; production after publishing',
		},
		regions: { unconfirmed: 'None found.' },
	},
	pagerDuty: {
		authUrl: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#obtaining-a-user-oauth-token',
			quote: '|Authorization Endpoint|`https://identity.pagerduty.com/oauth/authorize`|',
			readOn: '2026-12-03',
			note: "Read in PagerDuty's docs source, PagerDuty/developer-docs (newest snapshot, commit 94224391aa3e, 2026-08-19), published on developer.pagerduty.com.",
		},
		tokenUrl: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#obtaining-a-user-oauth-token',
			quote: '|Token Endpoint        |`https://identity.pagerduty.com/oauth/token`|',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#exchanging-auth-code-for-access-token--leg-3-of-3',
			quote: '`client_secret` | A secret issued when the app is created. | Confidential clients',
			readOn: '2026-12-03',
			note: 'A form parameter of the token request (application/x-www-form-urlencoded); the refresh and client-credentials requests send client_id and client_secret in the body too.',
		},
		pkce: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#confidential-vs-non-confidential-clients-and-pkce',
			quote:
				'In short: **Scoped OAuth apps must always use PKCE**, and any app that calls the Token Endpoint **without** a `client_secret` must use PKCE.',
			readOn: '2026-12-03',
			note: "Optional (recommended) for Classic User OAuth confidential clients, required for Scoped OAuth: the row keeps 'supported' and the notice says Scoped OAuth apps need the PKCE grant type.",
		},
		scopeSeparator: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#initiating-the-access-grant--leg-1-of-3',
			quote:
				'Should be either `read` or `write` for Classic User OAuth, or a space separated set of scopes for Scoped OAuth.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#getting-a-new-access-token-with-a-refresh-token',
			quote: 'A successful response will include a new access token and a new refresh token:',
			readOn: '2026-12-03',
			note: "The code exchange returns a refresh_token without any scope asking for it (token response example: scope 'openid write').",
		},
		tokenLifetimes: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md#token-lifetimes',
			quote: 'refresh token expiry of 210 days',
			readOn: '2026-12-03',
			note: "Classic User OAuth, same section: 'access token expiry of 30 days', 'rolling refresh window of 3 years'. Scoped OAuth (02-Private-Apps.md#token-lifetimes): 'access token expiry of 1 day', 'refresh token expiry of 30 days', 'rolling refresh window of 1 year'.",
		},
		grants: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/02-Private-Apps.md#app-tokens',
			quote: 'An app token is obtained by making an OAuth 2.0 client credentials request.',
			readOn: '2026-12-03',
			note: 'Client credentials only for Scoped OAuth (private) apps; Classic User OAuth is authorization code only.',
		},
		clientCredentialsScopes: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/02-Private-Apps.md#app-tokens',
			quote:
				'Must contain the `as_account-` scope that specifies the PagerDuty Account the token is being requested for using a `{REGION}.{SUBDOMAIN}` format. Currently accepted service regions are `us` or `eu`.',
			readOn: '2026-12-03',
			note: 'Row: clientCredentialsScopes as_account-{pagerDutyServiceRegion}.{pagerDutySubdomain} when the user types none; typed scopes must include it (said in the notes).',
		},
		apiBaseUrl: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/07-PagerDuty-OpenId-Token.md',
			quote:
				"this will include a URL specific to the account's service region, either `https://api.pagerduty.com` or `https://api.eu.pagerduty.com`",
			readOn: '2026-12-03',
			note: "Every REST request also needs 'Accept: application/vnd.pagerduty+json;version=2' (06-OAuth-Functionality.md#using-an-access-token).",
		},
		apiHosts: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/07-PagerDuty-OpenId-Token.md',
			quote: 'either `https://api.pagerduty.com` or `https://api.eu.pagerduty.com`',
			readOn: '2026-12-03',
			note: 'The row allows the host of the picked service region.',
		},
		tokenResponseHost: {
			notApplicable:
				"The region is only inside the id_token's aud/region claims, not a token-response field.",
		},
		checkRequest: {
			unconfirmed:
				"The Accept header is documented (06-OAuth-Functionality.md#using-an-access-token: 'include the version of the API in the Accept header'); GET /users/me ('Get the current user') is in the API reference, which is not in the docs repository and not readable here. App tokens have no user: no check on...",
		},
		consoleSettings: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/04-Register-an-App.md#accessing-app-registration-page',
			quote:
				'App Registration is available only to users with a base role of Manager, Global Admin or Account Owner.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/02-Private-Apps.md#app-tokens',
			quote: 'Currently accepted service regions are `us` or `eu`.',
			readOn: '2026-12-03',
			note: 'Sign-in and token endpoints are the same for both regions (identity.pagerduty.com).',
		},
	},
	pandaDoc: {
		authUrl: {
			page: 'https://developers.pandadoc.com/reference/authorize-a-user',
			quote:
				'https://app.pandadoc.com/oauth2/authorize?client_id={client_id}&redirect_uri={redirect_uri}&scope=read+write&response_type=code',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.pandadoc.com/reference/create-an-access_token',
			quote: 'post https://api.pandadoc.com/oauth2/access_token',
			readOn: '2026-12-03',
			note: "The same endpoint refreshes (refresh-access_token: 'post https://api.pandadoc.com/oauth2/access_token/').",
		},
		tokenAuthMethod: {
			page: 'https://github.com/PandaDoc/pandadoc-api-python-client/blob/main/docs/OAuth20AuthenticationApi.md#access_token',
			quote:
				'client_secret | **str**| Client secret that is automatically generated after application creation in the Developer Dashboard.',
			readOn: '2026-12-03',
			note: "PandaDoc's own client docs list client_id and client_secret as form parameters of POST /oauth2/access_token with Content-Type application/x-www-form-urlencoded; the reference page: 'Make sure you're sending the header Content-Type: application/x-www-form-urlencoded.' No Basic header is documented.",
		},
		pkce: {
			unconfirmed:
				'The authorize URL documented has client_id, redirect_uri, scope, response_type only; no code_challenge. Kept unsupported.',
		},
		scopeSeparator: {
			page: 'https://developers.pandadoc.com/reference/authorize-a-user',
			quote: 'scope=read+write',
			readOn: '2026-12-03',
			note: "'+' is a form-encoded space: scopes read and write.",
		},
		refreshScopes: {
			page: 'https://developers.pandadoc.com/reference/refresh-access_token',
			quote:
				'This endpoint is used to obtain an access_token and refresh_token for the first time, and to refresh the access_token when it expires.',
			readOn: '2026-12-03',
			note: 'A refresh token comes with the code exchange; no scope asks for it.',
		},
		tokenLifetimes: {
			page: 'https://developers.pandadoc.com/reference/create-an-access_token',
			quote:
				'expires_in is based in seconds. Currently, a token expires in 31535999 seconds = 1 year.',
			readOn: '2026-12-03',
			note: 'Refresh-token lifetime and rotation are not stated.',
		},
		grants: {
			page: 'https://developers.pandadoc.com/reference/refresh-access_token',
			quote: 'Create or refresh an access token to make requests on behalf of a user.',
			readOn: '2026-12-03',
			note: 'Only the code exchange and refresh are documented.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://github.com/PandaDoc/pandadoc-api-python-client/blob/main/docs/MembersApi.md#current_member_details',
			quote: 'All URIs are relative to *https://api.pandadoc.com*',
			readOn: '2026-12-03',
			note: 'Paths start with /public/v1/ (e.g. /public/v1/documents).',
		},
		apiHosts: {
			page: 'https://github.com/PandaDoc/pandadoc-api-python-client/blob/main/docs/MembersApi.md#current_member_details',
			quote: 'All URIs are relative to *https://api.pandadoc.com*',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			page: 'https://github.com/PandaDoc/pandadoc-api-python-client/blob/main/docs/MembersApi.md#current_member_details',
			quote: 'A method to define to whom credentials belong',
			readOn: '2026-12-03',
			note: 'GET /public/v1/members/current, OAuth allowed (Authorization: oauth2 on the same page).',
		},
		consoleSettings: {
			page: 'https://developers.pandadoc.com/reference/authentication-process',
			quote:
				'Please note, the application creation is only available with the production API access enabled, while you can test the public API with the Sandbox API key.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://github.com/PandaDoc/pandadoc-api-python-client/blob/main/docs/MembersApi.md#current_member_details',
			quote: 'All URIs are relative to *https://api.pandadoc.com*',
			readOn: '2026-12-03',
			note: 'One API host.',
		},
	},
	patreon: {
		authUrl: {
			page: 'https://docs.patreon.com/#step-2-making-the-log-in-button',
			quote: 'GET www.patreon.com/oauth2/authorize',
			readOn: '2026-12-03',
			note: "Read in the docs' source, Patreon/platform-documentation source/includes/_oauth.md (HEAD 46077b3, 2024-12-05), which docs.patreon.com renders.",
		},
		tokenUrl: {
			page: 'https://docs.patreon.com/#step-4-validating-receipt-of-the-oauth-token',
			quote: 'POST www.patreon.com/api/oauth2/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.patreon.com/#step-4-validating-receipt-of-the-oauth-token',
			quote:
				'&grant_type=authorization_code &client_id=<your client id> &client_secret=<your client secret>',
			readOn: '2026-12-03',
			note: 'Form body (Content-Type: application/x-www-form-urlencoded); the refresh request (Step 7) sends client_id and client_secret the same way.',
		},
		pkce: {
			unconfirmed:
				'The authorize parameters are response_type, client_id, redirect_uri, scope, state; no code_challenge documented. Kept unsupported.',
		},
		scopeSeparator: {
			unconfirmed:
				"The docs say only 'scope=<optional list of requested scopes>'; space per OAuth 2.0 and the Patreon SDKs.",
		},
		refreshScopes: {
			page: 'https://docs.patreon.com/#step-4-validating-receipt-of-the-oauth-token',
			quote: '"refresh_token": <single use token>,',
			readOn: '2026-12-03',
			note: 'The code exchange always returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			page: 'https://docs.patreon.com/#step-7-keeping-up-to-date',
			quote: 'Tokens are valid for the duration specified by "expires_in" field.',
			readOn: '2026-12-03',
			note: 'The refresh response carries a new refresh token (\'"refresh_token": <single use token>\'): rotation on every refresh.',
		},
		grants: {
			page: 'https://docs.patreon.com/#clients-and-api-keys',
			quote:
				"Creator's Access Token \u2013 Which can be used to access the API in the context of the creator you account you made when registering a client.",
			readOn: '2026-12-03',
			note: "Only authorization_code and refresh_token grants; server-side access uses the creator's token from the client page, not client credentials.",
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://docs.patreon.com/#get-api-oauth2-v2-identity',
			quote:
				'https://www.patreon.com/api/oauth2/v2/identity?fields[user]=about,created,email,first_name,full_name,image_url,last_name,social_connections,thumb_url,url,vanity',
			readOn: '2026-12-03',
			note: 'APIv2 data only comes back for the fields and include parameters requested.',
		},
		apiHosts: {
			page: 'https://docs.patreon.com/#get-api-oauth2-v2-campaigns',
			quote: 'https://www.patreon.com/api/oauth2/v2/campaigns?fields[campaign]=',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			page: 'https://docs.patreon.com/#get-api-oauth2-v2-identity',
			quote:
				'This is the endpoint for accessing information about the current [User](/#user-v2) with reference to the oauth token. With the basic scope of identity, you will receive the user\u2019s public profile in...',
			readOn: '2026-12-03',
		},
		consoleSettings: {
			page: 'https://docs.patreon.com/#clients-and-api-keys',
			quote:
				'This involves signing up on patreon.com and making a [creator account](https://www.patreon.com/create-on-patreon).',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'No regional hosts documented.',
		},
	},
	payPal: {
		authUrl: {
			page: 'https://developer.paypal.com/docs/log-in-with-paypal/integrate/build-button/',
			quote:
				'Construct the authorization endpoint according to the following template: https://www.sandbox.paypal.com/signin/authorize?flowEntry=static&client_id=CLIENT-ID&scope=LIST-OF-SCOPES',
			readOn: '2026-12-03',
			note: "Step '2. Construct authorization endpoint'; live uses www.paypal.com (the row's {payPalEnvironment}).",
		},
		tokenUrl: {
			page: 'https://developer.paypal.com/log-in/build',
			quote:
				"Exchange the authorization code for an access token so you can call PayPal's user profile service. https://api-m.sandbox.paypal.com/v1/oauth2/token.",
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.paypal.com/api/rest/authentication/',
			quote:
				'curl -v -X POST "https://api-m.sandbox.paypal.com/v1/oauth2/token" -u "CLIENT_ID:CLIENT_SECRET" ... Note: Encode CLIENT_ID:CLIENT_SECRET in Base64 before sending it in the API call.',
			readOn: '2026-12-03',
			note: 'HTTP Basic at the same /v1/oauth2/token endpoint the Log in with PayPal code exchange uses (its token-step table starts with an Authorization header parameter).',
		},
		pkce: { unconfirmed: 'Not documented for Log in with PayPal.' },
		scopeSeparator: { unconfirmed: 'Space-separated (openid profile email ...).' },
		refreshScopes: {
			unconfirmed:
				"The code exchange returns a refresh_token without a special scope (PayPal SDK docs: 'a long-lived refresh token and short-lived access token').",
		},
		tokenLifetimes: { unconfirmed: 'No stored PayPal page states the lifetimes.' },
		grants: {
			unconfirmed:
				'PayPal REST authentication: POST /v1/oauth2/token with Basic client_id:secret and grant_type=client_credentials (not re-read today).',
			lead: 'https://developer.paypal.com/api/rest/authentication/',
		},
		clientCredentialsScopes: {
			unconfirmed:
				'No quote: the research did not find whether PayPal rejects or ignores OpenID scopes on client credentials; the row now sends none on that grant (no OpenID scope on client credentials).',
			lead: 'https://developer.paypal.com/api/rest/authentication/',
		},
		apiBaseUrl: {
			page: 'https://developer.paypal.com/log-in/build',
			quote: 'https://api-m.sandbox.paypal.com/v1/oauth2/token',
			readOn: '2026-12-03',
		},
		apiHosts: { unconfirmed: 'All REST APIs on api-m.paypal.com / api-m.sandbox.paypal.com.' },
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			unconfirmed:
				'No page: the userinfo check for client credentials is listed under check requests per grant.',
		},
		consoleSettings: {
			page: 'https://developer.paypal.com/log-in/build#1-enable-log-in-with-paypal',
			quote:
				'Under Other features, select the Log in with PayPal checkbox and then select Advanced Settings.',
			readOn: '2026-12-03',
		},
		regions: { notApplicable: 'Sandbox vs live is an environment field, not a region.' },
	},
	pinterest: {
		authUrl: {
			unconfirmed: 'only github.com states it (not the provider): a lead',
			lead: 'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		},
		tokenUrl: {
			unconfirmed:
				'only github.com states it (not the provider): a lead Re-tried 2026-12-03: developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization is stored only up to its prerequisites table.',
			lead: 'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		},
		tokenAuthMethod: {
			unconfirmed: 'only github.com states it (not the provider): a lead',
			lead: 'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		},
		pkce: { unconfirmed: 'no provider page states it' },
		scopeSeparator: { unconfirmed: "Set-up page's scope step not in the excerpt." },
		refreshScopes: {
			unconfirmed:
				"Only Pinterest's generated API client docs (SDK, a lead) mention refresh_on / continuous_refresh, and the research is unsure of the parameter; not sent until a Pinterest page states it.",
			lead: 'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		},
		tokenLifetimes: { unconfirmed: 'Only third-party tool descriptions in the excerpts.' },
		grants: {
			unconfirmed: 'only github.com states it (not the provider): a lead',
			lead: 'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: {
			unconfirmed: 'only github.com states it (not the provider): a lead',
			lead: 'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		},
		apiHosts: {
			page: 'https://developers.pinterest.com/docs/developer-tools/sandbox/',
			readOn: '2026-12-03',
			note: 'api-sandbox.pinterest.com exists but takes Sandbox tokens generated in the app page, not OAuth tokens: not needed.',
		},
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			unconfirmed:
				"Get user account listed in the Sandbox page's endpoint list; scope from the row.",
		},
		consoleSettings: {
			page: 'https://developers.pinterest.com/docs/key-concepts/access-tiers/',
			quote:
				'all Pins and Boards created with Trial access are only visible to their creator as Sandbox entities.',
			readOn: '2026-12-03',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	pipedrive: {
		authUrl: {
			page: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization#step-1-requesting-authorization',
			quote:
				'GET https://oauth.pipedrive.com/oauth/authorize?client_id=b4d083d9216986345b32&state=148aHxbdd92&redirect_uri=https://awesomeapp.com/oauth/callback',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.pipedrive.com/docs/api/v1/Oauth',
			quote:
				'To retrieve OAuth2 tokens you should send requests to the https://oauth.pipedrive.com domain.',
			readOn: '2026-12-03',
			note: "Path /oauth/token is in the same page's 'Getting the tokens' request (POST /oauth/token).",
		},
		tokenAuthMethod: {
			page: 'https://developers.pipedrive.com/docs/api/v1/Oauth',
			quote:
				'Base 64 encoded string containing the `client_id` and `client_secret` values. The header value should be `Basic <base64(client_id:client_secret)>`.',
			readOn: '2026-12-03',
			note: "Authorization header marked required on both 'Getting the tokens' and 'Refreshing the tokens'.",
		},
		pkce: {
			unconfirmed:
				'Neither the marketplace-oauth-authorization page nor the v1 Oauth reference lists code_challenge; authorize parameters are client_id, redirect_uri, state only. Kept unsupported.',
		},
		scopeSeparator: {
			notApplicable:
				"Scopes are chosen in the app's Developer Hub settings, not sent on the authorize request (no scope parameter in the documented authorize request); the token response lists them comma-separated ('scope': 'base,deals:full,contacts:read', changelog page).",
		},
		refreshScopes: {
			page: 'https://developers.pipedrive.com/docs/api/v1/Oauth',
			quote: 'To refresh the `access_token`, you must use the `refresh_token`.',
			readOn: '2026-12-03',
			note: 'A refresh token comes with every code exchange; no scope or parameter asks for it.',
		},
		tokenLifetimes: {
			unconfirmed:
				"Access lifetime is per expires_in. The 60-day idle refresh lifetime appears only in a third-party copy of the OAuth reference (withone.ai: 'Expires if not used in 60 days'); not found on a stored Pipedrive page.",
			lead: 'https://developers.pipedrive.com/changelog/post/new-parameter-in-oauth-oauthtoken-responses',
		},
		grants: {
			page: 'https://developers.pipedrive.com/docs/api/v1/Oauth',
			quote: 'exchange the authorization_code to a pair of access and refresh tokens',
			readOn: '2026-12-03',
			note: 'Only authorization_code and refresh_token grants are documented.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://pipedrive.readme.io/docs/core-api-concepts-requests#url-naming',
			quote:
				'Each request must be made to the API endpoint https://{COMPANYDOMAIN}.pipedrive.com/api/v1, followed by the type of object in a plural form',
			readOn: '2026-12-03',
			note: "Row: relative paths go to the token's api_domain with the base path /api.",
		},
		apiHosts: {
			page: 'https://pipedrive.readme.io/docs/core-api-concepts-requests#url-naming',
			quote:
				'We advise everyone to use {COMPANYDOMAIN}.pipedrive.com for faster requests as it helps us to better determine which data center your request should go to.',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			page: 'https://developers.pipedrive.com/changelog/post/new-parameter-in-oauth-oauthtoken-responses',
			quote: '"api_domain": "https://mycompanydomain.pipedrive.com"',
			readOn: '2026-12-03',
			note: "Row: relative paths go to the token's api_domain with the base path /api.",
		},
		checkRequest: {
			page: 'https://developers.pipedrive.com/docs/api/v1/Users#getCurrentUser',
			quote: 'Get current user data',
			readOn: '2026-12-03',
			note: 'Row: /v1/users/me, relative: the company host of api_domain under /api (api.pipedrive.com/v1/users/me without it).',
		},
		consoleSettings: {
			page: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization#step-1-requesting-authorization',
			quote:
				'This step is necessary to implement only when you allow app installation outside of the Marketplace.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://pipedrive.readme.io/docs/core-api-concepts-requests#url-naming',
			quote: 'it helps us to better determine which data center your request should go to',
			readOn: '2026-12-03',
			note: 'Data centre is routed from the company domain; no separate regional hosts to offer.',
		},
	},
	procore: {
		authUrl: {
			page: 'https://developers.procore.com/documentation/oauth-auth-grant-flow#step-1-redirect-the-user-to-procores-authorization-endpoint',
			quote:
				'GET https://login.procore.com/oauth/authorize? client_id=<CLIENT_ID> &response_type=code &redirect_uri=<REDIRECT_URI> &state=<STATE>',
			readOn: '2026-12-03',
			note: 'Read in the docs source, procore/documentation oauth/oauth_auth_grant_flow.md (permalink /oauth-auth-grant-flow).',
		},
		tokenUrl: {
			page: 'https://developers.procore.com/documentation/oauth-endpoints',
			quote:
				'-F redirect_uri=urn:ietf:wg:oauth:2.0:oob \\ -X POST https://login.procore.com/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developers.procore.com/documentation/oauth-endpoints',
			quote:
				'client_secret | Specifies the Client Secret value you were issued when you registered your application on the Developer Portal.',
			readOn: '2026-12-03',
			note: 'client_id and client_secret are request parameters of /oauth/token (the cURL examples send them as form fields).',
		},
		pkce: {
			unconfirmed:
				'The authorize parameters listed are response_type, client_id, redirect_uri, state; no code_challenge. Kept unsupported.',
		},
		scopeSeparator: {
			notApplicable:
				"Procore's authorize request has no scope parameter: access follows the app's and the user's permissions.",
		},
		refreshScopes: {
			page: 'https://developers.procore.com/documentation/oauth-auth-grant-flow#step-2-exchange-the-authorization-code-for-an-access-token',
			quote: 'A successful response returns an access token and a refresh token',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developers.procore.com/documentation/oauth-auth-grant-flow#refreshing-the-access-token',
			quote:
				"The response includes a new access_token and a new refresh_token. The previous refresh token is invalidated as soon as it's used.",
			readOn: '2026-12-03',
			note: "Same section: 'The access token expires after 1.5 hours (5400 seconds).' No idle lifetime of the refresh token is stated.",
		},
		grants: {
			page: 'https://developers.procore.com/documentation/oauth-client-credentials',
			quote:
				'With a DMSA installed in Procore, request an access token by POSTing to the /oauth/token endpoint with grant_type=client_credentials.',
			readOn: '2026-12-03',
			note: 'Client credentials need a Developer Managed Service Account (DMSA) installed in the company.',
		},
		clientCredentialsScopes: {
			page: 'https://developers.procore.com/documentation/oauth-client-credentials',
			quote:
				'The client application requests an access token using its own credentials through the DMSA which, based on the tool permissions you specify, determines the tools and projects the application can ac...',
			readOn: '2026-12-03',
		},
		apiBaseUrl: {
			page: 'https://developers.procore.com/documentation/oauth-auth-grant-flow#step-3-call-the-procore-api',
			quote: '-X GET https://api.procore.com/rest/v1.0/me',
			readOn: '2026-12-03',
			note: 'Paths start with /rest/v1.0/... (or other versions); every call except /rest/v1.0/me and /rest/v1.0/companies needs a Procore-Company-Id header.',
		},
		apiHosts: {
			page: 'https://developers.procore.com/documentation/troubleshooting',
			quote: 'Use login.procore.com and api.procore.com for production.',
			readOn: '2026-12-03',
			note: 'Sandbox hosts (sandbox.procore.com, api-monthly.procore.com) are not offered.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://developers.procore.com/documentation/tutorial-mpz',
			quote:
				'The following Procore API endpoints do not require a request header containing the Procore-Company-Id field: Show User Info - (GET /rest/v1.0/me)',
			readOn: '2026-12-03',
			note: 'oauth-client-credentials calls GET /rest/v1.0/me with a DMSA token (with Procore-Company-Id when the DMSA spans several regions).',
		},
		consoleSettings: {
			page: 'https://developers.procore.com/documentation/faq#app-management',
			quote:
				'Your application has been disconnected from the company using the App Management page in Procore Web.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developers.procore.com/documentation/development-environments#connection-details',
			quote:
				'Developer Sandbox | https://login-sandbox.procore.com | https://sandbox.procore.com | Sandbox App Version Key | Sandbox OAuth credentials.',
			readOn: '2026-12-03',
			note: 'The preset offers production (also serving On-Demand Sandboxes). The sandboxes need both a login host and an API host per option, which one option field cannot give; use Custom for them.',
		},
	},
	quickBooks: {
		authUrl: {
			page: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-openid-discovery-doc',
			quote: 'authorization_endpoint:"https://appcenter.intuit.com/connect/oauth2"',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-openid-discovery-doc',
			quote: 'token_endpoint:"https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"',
			readOn: '2026-12-03',
			note: 'Same authorize and token endpoints in the sandbox discovery document (https://developer.intuit.com/.well-known/openid-sandbox-configuration).',
		},
		tokenAuthMethod: {
			page: 'https://developer.intuit.com/.well-known/openid-sandbox-configuration',
			quote:
				'"token_endpoint_auth_methods_supported":[ "client_secret_post", "client_secret_basic" ]',
			readOn: '2026-12-03',
			note: "Row's 'header' (client_secret_basic) is one of the two documented methods; no change needed.",
		},
		pkce: {
			unconfirmed:
				'Discovery documents list no code_challenge_methods_supported; OAuth 2.0 page not found to mention PKCE. Kept unsupported.',
		},
		scopeSeparator: {
			unconfirmed:
				"Space-separated per OAuth 2.0; Intuit's pages read show scope lists but no stored sample authorize URL with several scopes was found.",
			lead: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0-playground',
		},
		refreshScopes: {
			page: 'https://blogs.intuit.com/2024/06/03/oauth-token-management-done-the-right-way/',
			quote:
				'We use this token to refresh an access token. To do so, we send a request to the token_endpoint and pass the refresh token in the body.',
			readOn: '2026-12-03',
			note: 'A refresh token is returned on every code exchange; no offline scope exists.',
		},
		tokenLifetimes: {
			page: 'https://blogs.intuit.com/2024/06/03/oauth-token-management-done-the-right-way/',
			quote:
				'Refresh tokens are valid for 100 days. This is a rolling expiry date that is extended each time the token is used to refresh an access token.',
			readOn: '2026-12-03',
			note: 'access 1 h; refresh 100 days rolling, at most 5 years',
		},
		grants: {
			page: 'https://developer.intuit.com/.well-known/openid-sandbox-configuration',
			quote: '"response_types_supported":[ "code" ]',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://developer.intuit.com/app/developer/qbo/docs/develop/sandboxes/manage-your-sandboxes',
			quote:
				'Use this base URL for sandbox companies: https://sandbox-quickbooks.api.intuit.com/v3',
			readOn: '2026-12-03',
			note: "Quote read on the IES variant of the sandbox page (developer.intuit.com/app/developer/ies/docs/develop-your-app/sandboxes/manage-your-sandboxes); the row's note already names the sandbox host.",
		},
		apiHosts: {
			page: 'https://developer.intuit.com/.well-known/openid-sandbox-configuration',
			quote:
				'"userinfo_endpoint":"https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo"',
			readOn: '2026-12-03',
			note: 'fixed in the row: sandbox-accounts.platform.intuit.com added to allowedDomains',
		},
		tokenResponseHost: {
			notApplicable:
				'The token response names no host; realmId comes as a query parameter on the redirect.',
		},
		checkRequest: {
			page: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0-playground',
			quote:
				'Get User Info | openID and at least one of the following: profile, email, phone, address.',
			readOn: '2026-12-03',
			note: 'fixed in the row: checkScopes openid email, requested also when the user types scopes; the Environment field picks the sandbox userinfo host',
		},
		consoleSettings: {
			page: 'https://blogs.a.intuit.com/2025/11/12/important-changes-to-refresh-token-policy',
			quote:
				'In January 2026, you will start to see a field called “Reconnect URL” in your apps settings in the developer portal. This will be a mandatory field.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: Reconnect URL, development keys are sandbox only',
		},
		regions: {
			page: 'https://developer.intuit.com/.well-known/openid-sandbox-configuration',
			quote:
				'"userinfo_endpoint":"https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo"',
			readOn: '2026-12-03',
			note: 'Row: QuickBooks Environment field (Production the default, Sandbox) sets the API and check hosts.',
		},
	},
	reddit: {
		authUrl: {
			page: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#authorization',
			quote:
				'your website or app should send the user to the authorization URL: https://ssl.reddit.com/api/v1/authorize?client_id=CLIENT_ID&response_type=TYPE&',
			readOn: '2026-12-03',
			note: 'Stored wiki revision (2014) shows ssl.reddit.com; current wiki and clients use www.reddit.com (same path).',
		},
		tokenUrl: {
			unconfirmed:
				'POST https://www.reddit.com/api/v1/access_token with HTTP Basic (client_id:secret); not in the stored excerpt.',
			lead: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#retrieving-the-access-token',
		},
		tokenAuthMethod: {
			unconfirmed:
				'HTTP Basic with client_id as user and secret as password (wiki; not in the stored excerpt).',
			lead: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#retrieving-the-access-token',
		},
		pkce: { unconfirmed: 'Not documented.' },
		scopeSeparator: {
			unconfirmed:
				'Wiki wording not captured; some client libraries note Reddit also takes commas.',
			lead: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#authorization',
		},
		refreshScopes: {
			unconfirmed:
				"duration=permanent on authorize yields a refresh token; temporary tokens last an hour (python-social-auth docs: 'By default the token is not permanent, it will last an hour').",
			lead: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#authorization',
		},
		tokenLifetimes: { unconfirmed: 'From the OAuth2 wiki (not in a stored excerpt).' },
		grants: {
			unconfirmed:
				'Application Only OAuth: grant_type=client_credentials for confidential (web/script) apps; installed apps use https://oauth.reddit.com/grants/installed_client.',
			lead: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#application-only-oauth',
		},
		clientCredentialsScopes: {
			page: 'https://github.com/reddit-archive/reddit/wiki/OAuth2#application-only-oauth',
			readOn: '2026-12-03',
			note: 'Row: clientCredentialsScopes read (no identity: application-only OAuth has no user).',
		},
		apiBaseUrl: { unconfirmed: "OAuth calls go to oauth.reddit.com (wiki 'Using the token')." },
		apiHosts: { unconfirmed: 'Media on i.redd.it / v.redd.it is fetched without a token.' },
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			page: 'https://github.com/reddit-archive/reddit/wiki/API#rules',
			readOn: '2026-12-03',
			note: 'Row: apiHeaders User-Agent from the User-Agent field (default names the package and its URL), on the check and every request of the nodes.',
		},
		consoleSettings: {
			unconfirmed:
				"Approval requirement not confirmed from a stored Reddit page (row's own unconfirmed item).",
		},
		regions: { notApplicable: 'Single host.' },
	},
	ringCentral: {
		authUrl: {
			page: 'https://developers.ringcentral.com/guide/authentication/oauth-request',
			quote: '| Production | https://platform.ringcentral.com/restapi/oauth/authorize |',
			readOn: '2026-12-03',
			note: 'Segregated partner environment (AT&T Office@Hand, Verizon): same paths on platform.ringcentral.biz (segregated-environments page: Base API URL https://platform.ringcentral.biz/).',
		},
		tokenUrl: {
			page: 'https://developers.ringcentral.com/guide/authentication/auth-code-flow',
			quote: 'POST /restapi/oauth/token HTTP/1.1',
			readOn: '2026-12-03',
			note: "The sample request's path on the platform server (https://platform.ringcentral.com/, the 'Base API URL' of the segregated-environments page).",
		},
		tokenAuthMethod: {
			page: 'https://developers.ringcentral.com/guide/authentication/auth-code-flow',
			quote: '| `Authorization`  | `Basic ` + base64_encoded( Client ID + ":" Client Secret ) |',
			readOn: '2026-12-03',
			note: "Auth token request headers of Step 3 (the docs repository's source of the page: github.com/ringcentral/ringcentral-api-docs docs/authentication/auth-code-flow.md).",
		},
		pkce: {
			page: 'https://developers.ringcentral.com/guide/authentication/oauth-request',
			quote:
				'This is a string generated by the developer to facilitate an extra layer of security to verify the authenticity of an authorization request.',
			readOn: '2026-12-03',
			note: 'code_challenge/code_challenge_method on the authorize request; the PKCE flow page recommends it for client-side apps.',
		},
		scopeSeparator: {
			notApplicable:
				'No scope parameter among the documented authorize parameters: permissions are set on the app; the token response lists them space-separated ("scope" : "AccountInfo CallLog ExtensionInfo Messages SMS").',
		},
		refreshScopes: {
			page: 'https://developers.ringcentral.com/guide/authentication/refresh-tokens',
			quote: 'Refresh tokens are transmitted to developers alongside access tokens',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developers.ringcentral.com/guide/authentication/refresh-tokens',
			quote:
				'Refresh tokens can only be used once. A new refresh token is generated when access tokens are refreshed.',
			readOn: '2026-12-03',
			note: "Same page's table: 'Access token | 1 hour', 'Refresh token | 7 days'. A connection unused for a week needs a new sign-in.",
		},
		grants: {
			page: 'https://developers.ringcentral.com/guide/authentication/client-creds',
			quote:
				'Since no user authorization is performed this flow is allowed for use only by trusted RingCentral partner applications.',
			readOn: '2026-12-03',
			note: "Client credentials are partner-only (with a brand_id): not offered. The JWT grant (a user's JWT credential) is not an OAuth2 grant n8n runs.",
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant in the preset.',
		},
		apiBaseUrl: {
			page: 'https://developers.ringcentral.com/guide/basics/partners/segregated-environments',
			quote: '| Commercial | https://platform.ringcentral.com/ |',
			readOn: '2026-12-03',
			note: "Docs repository page docs/basics/partners/segregated-environments.md (the guide's URL path assumed from its folder).",
		},
		apiHosts: {
			page: 'https://developers.ringcentral.com/guide/basics/partners/segregated-environments',
			quote: '| Segregated | https://platform.ringcentral.biz/ |',
			readOn: '2026-12-03',
			note: 'Call-recording and message-attachment content URIs (media.ringcentral.com) not read on a RingCentral page: not added.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host (owner_id only).',
		},
		checkRequest: {
			page: 'https://developers.ringcentral.com/guide/account',
			quote: 'ReadAccounts Enables retrieving account and extension data.',
			readOn: '2026-12-03',
			note: "Same page: 'any user may access all the information about their own extension'; '~' is 'the extension of the currently authenticated user' (ringcentral.github.io/ringcentral-faq/looking-up-ids).",
		},
		consoleSettings: {
			page: 'https://developers.ringcentral.com/guide/authentication/quick-start',
			quote:
				'Under "Authentication" select "3-legged OAuth flow authorization code" and then "Server-side web app."',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developers.ringcentral.com/guide/basics/partners/segregated-environments',
			quote:
				'The partners that operate in our segregated environment are: AT&T Office@Hand, Verizon',
			readOn: '2026-12-03',
			note: 'The developer sandbox (platform.devtest.ringcentral.com) is retired (lead: third-party guide); not offered.',
		},
	},
	sageAccounting: {
		authUrl: {
			page: 'https://developer.sage.com/accounting/guides/authenticating/authentication/#1-authorization-request',
			quote:
				'Redirect to the Sage Accounting authorization server https://www.sageone.com/oauth2/auth/central?filter=apiv3.1',
			readOn: '2026-12-03',
			note: "filter=apiv3.1 (row's authQueryParameters) confirmed: 'You should always set this filter to apiv3.1 to only see countries that support API v3.1.'",
		},
		tokenUrl: {
			unconfirmed:
				'Step 2 of the v3.1 page not in the excerpt (the legacy v3.0 page used per-country hosts such as oauth.na.sageone.com).',
		},
		tokenAuthMethod: {
			page: 'https://developer.sage.com/accounting/guides/authenticating/postman',
			quote: 'Set Client Authentication to Send client credentials in body.',
			readOn: '2026-12-03',
			note: "Sage's own Postman guide for the v3.1 Accounting API sends the client credentials in the token request body (the row's body).",
		},
		pkce: {
			unconfirmed: 'no provider page states it',
			lead: 'https://developer.sage.com/accounting/guides/authenticating/authentication/',
		},
		scopeSeparator: { notApplicable: 'One scope only (readonly or full_access).' },
		refreshScopes: {
			page: 'https://developer.sage.com/accounting/guides/authenticating/authentication/',
			quote:
				'how to use the refresh token to get a new access token if the current one has expired.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: { unconfirmed: 'Only third-party guides (truto, unified.to) in the excerpts.' },
		grants: {
			page: 'https://developer.sage.com/accounting/guides/authenticating/authentication/',
			quote: "At present only a single Authorization Code Flow is available to the API's.",
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: { unconfirmed: 'no provider page states it' },
		apiHosts: { unconfirmed: 'no provider page states it' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: { unconfirmed: 'X-Business header optional (lead business used).' },
		consoleSettings: {
			page: 'https://developer.sage.com/accounting/guides/authenticating/authentication/#1-authorization-request',
			quote: 'You have to use a callback URL that has been configured when registering the app.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developer.sage.com/accounting/guides/authenticating/authentication/#1-authorization-request',
			quote:
				'country If you already know the country of your business, you can pass a country parameter ... ca (for Canada) de (for Germany) es (for Spain) fr (for France) gb ... ie ... us',
			readOn: '2026-12-03',
			note: 'Countries are chosen at sign-in (optional country parameter); v3.1 uses one API host for all.',
		},
	},
	salesforce: {
		authUrl: {
			page: 'https://login.salesforce.com/.well-known/openid-configuration',
			quote: '"authorization_endpoint": "https://login.salesforce.com/services/oauth2/authorize"',
			readOn: '2026-12-03',
			note: 'Login host login.salesforce.com, test.salesforce.com (sandbox) or My Domain.',
		},
		tokenUrl: {
			page: 'https://login.salesforce.com/.well-known/openid-configuration',
			quote: '"token_endpoint": "https://login.salesforce.com/services/oauth2/token"',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.salesforce.com/docs/atlas.en-us.198.0.api_rest.meta/api_rest/intro_understanding_refresh_token_oauth.htm',
			quote:
				'client_id The Consumer Key from the connected app definition. client_secret The Consumer Secret from the connected app definition.',
			readOn: '2026-12-03',
			note: 'Older REST API guide version; body parameters. Basic header support not read.',
		},
		pkce: {
			unconfirmed:
				"the page was not quoted this round: Row's source: 'Require PKCE' is on by default for external client apps; not re-read this round.",
			lead: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_pkce.htm&type=5',
		},
		scopeSeparator: {
			unconfirmed:
				'Space-separated (OAuth 2.0); only a third-party library page stated it in this round.',
			lead: 'https://jsforce.github.io/jsforce/doc/OAuth2.html',
		},
		refreshScopes: {
			page: 'https://login.salesforce.com/.well-known/openid-configuration',
			quote: '"refresh_token",',
			readOn: '2026-12-03',
			note: 'refresh_token (synonym offline_access) is listed in scopes_supported; the scope must also be selected on the app.',
		},
		tokenLifetimes: {
			page: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_refresh_token_flow.htm&type=5',
			quote:
				'For better security, enable refresh token rotation on your connected app or external client app when you configure its OAuth settings. With this setting enabled, the connected app issues a new refr...',
			readOn: '2026-12-03',
			note: "Access: 'The connected app's session timeout value determines when an access token is no longer valid' (same page). Default 2-hour timeout and 'valid until revoked' default policy not quoted this round.",
		},
		grants: {
			unconfirmed:
				"the page was not quoted this round: Client credentials: token URL must be the org's My Domain, app must enable the flow and name a run-as user; page not re-read this round.",
			lead: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_client_credentials_flow.htm&type=5',
		},
		clientCredentialsScopes: {
			unconfirmed:
				'Row sends defaults api refresh_token on every grant; whether Salesforce rejects or ignores scope on client credentials is not on a page read. Safer to send none.',
		},
		apiBaseUrl: {
			unconfirmed:
				"instance_url in the token response not quoted on a Salesforce page this round (row's own unconfirmed item).",
			lead: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_web_server_flow.htm&type=5',
		},
		apiHosts: { unconfirmed: "Row's patterns kept; content download hosts not checked." },
		tokenResponseHost: { unconfirmed: 'As in the row.' },
		checkRequest: {
			unconfirmed:
				"The UserInfo page gives the URL (login host form; instance host also serves it per row) but the stored excerpt does not state the scope required. If userinfo needs openid/id, the defaults (api, refresh_token) lack it: either add 'id' (or openid) to defaults, or check GET https://{instance}/servic...",
			lead: 'https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_using_userinfo_endpoint.htm',
		},
		consoleSettings: {
			page: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_refresh_token_flow.htm&type=5',
			quote:
				'enable refresh token rotation on your connected app or external client app when you configure its OAuth settings.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: refresh token policy and rotation on the app',
		},
		regions: {
			page: 'https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_using_userinfo_endpoint.htm',
			quote: 'For a sandbox, login.salesforce.com is replaced with test.salesforce.com.',
			readOn: '2026-12-03',
			note: 'Row covers these through salesforceLoginHost and tokenResponseApiHost.hosts.',
		},
	},
	salesloft: {
		authUrl: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/#obtain-authorization-code--grant-access-to-your-app',
			quote:
				'https://accounts.salesloft.com/oauth/authorize?client_id=YOUR_CLIENT_ID&redirect_uri=YOUR_REDIRECT_URI&response_type=code',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/#obtain-access-and-refresh-tokens',
			quote:
				'You must then do a POST request to our server to get an access and refresh token. POST https://accounts.salesloft.com/oauth/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/#obtain-access-and-refresh-tokens',
			quote:
				'"client_id": "YOUR_CLIENT_ID", "client_secret": "YOUR_CLIENT_SECRET", "code": params[\'code\'], "grant_type": "authorization_code",',
			readOn: '2026-12-03',
			note: 'client_id and client_secret in the request body; the client-credentials page also offers a Base64 Authorization header for that grant.',
		},
		pkce: {
			unconfirmed:
				'The authorize request on the OAuth page has client_id, redirect_uri, response_type only; no code_challenge mentioned. Kept unsupported.',
		},
		scopeSeparator: {
			notApplicable:
				'Scopes are ticked on the OAuth application (Scopes / Privileged Scopes), not sent on the authorize request; the callback returns them as a scope parameter.',
		},
		refreshScopes: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/#obtain-access-and-refresh-tokens',
			quote: 'You must then do a POST request to our server to get an access and refresh token.',
			readOn: '2026-12-03',
			note: 'A refresh token comes with every code exchange; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed:
				"The OAuth page's paragraph after the token request ('You will get a JSON response back containing the identifying tokens and refresh information. Note that ...') was cut off in the stored excerpt.",
		},
		grants: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/client-creds/',
			quote:
				'The Client Credentials flow is enabled by an admin for private application use only, cannot be allowlisted and assumes the permissions of the admin who created the application.',
			readOn: '2026-12-03',
			note: "The app's Grant Type is chosen when it is created: Authorization Code or Client Credentials.",
		},
		clientCredentialsScopes: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/client-creds/',
			quote:
				'Scopes - Select the scopes relevant to your application by clicking the checkmark next to the scope.',
			readOn: '2026-12-03',
		},
		apiBaseUrl: {
			unconfirmed:
				'Only third-party pages (DataGrail integration docs, SalesLoft/api-example README pointing to api.salesloft.com/swagger) state https://api.salesloft.com/v2; the developers.salesloft.com API reference was not in the stored pages.',
		},
		apiHosts: {
			unconfirmed: 'See apiBaseUrl.',
		},
		tokenResponseHost: {
			notApplicable: 'One API host; the token response names none.',
		},
		checkRequest: {
			unconfirmed:
				"GET /v2/me.json ('Fetch current user') from DataGrail's integration docs and API Evangelist's copy of the reference; the Salesloft reference page was not stored.",
		},
		consoleSettings: {
			page: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/#create-an-oauth-app',
			quote: 'Grant Type - What grant type will this application be using?',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'No regional hosts documented.',
		},
	},
	serviceNow: {
		authUrl: {
			page: 'https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthAuthorizationCodeFlow.html',
			quote:
				'https://myinstance.service-now.com/oauth_auth.do?response_type=code&redirect_uri={the_redirect_url}&client_id={the_client_identifier}',
			readOn: '2026-12-03',
			note: "Section 'Authorization code grant flow process'; read in ServiceNow's own docs source (github.com/ServiceNow/ServiceNowDocs, markdown/platform-security/authentication/c_OAuthAuthorizationCodeFlow.md).",
		},
		tokenUrl: {
			page: 'https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthAuthorizationCodeFlow.html',
			quote:
				'https://myinstance.service-now.com/oauth_token.do?grant_type=authorization_code&code={the auth code}&redirect_uri={the_same_redirect_url}&client_id={the_same_client_identifier}&client_secret=',
			readOn: '2026-12-03',
			note: "The page's 'Example POST request ... that provides the auth code and requests the access token'; same docs source as authUrl.",
		},
		tokenAuthMethod: {
			page: 'https://www.servicenow.com/docs/r/zurich/platform-security/authentication/r_OAuthAPIRequestParameters.html',
			quote:
				'client_secret [Required] Shared secret string that the instance and the OAuth application use to authorize communications with one another.',
			readOn: '2026-12-03',
			note: "The same page: 'The content-type of the OAuth API should be application/x-www-form-urlencoded.' client_id and client_secret are form parameters, as the row's 'body' sends them.",
		},
		pkce: {
			unconfirmed:
				"Row: PKCE documented for public clients; confidential clients 'do not require PKCE'.",
		},
		scopeSeparator: { unconfirmed: 'Not re-read.' },
		refreshScopes: { unconfirmed: "No scope needed per the row's sources; not re-read." },
		tokenLifetimes: {
			page: 'https://www.servicenow.com/docs/r/platform-security/authentication/t_ManageTokens.html',
			quote:
				'Refresh Token: By default, an instance issues refresh tokens with a 100-day lifespan in the scenario where the instance is the OAuth provider.',
			readOn: '2026-12-03',
			note: 'access 30 min; refresh 100 days from issue, not extended by refresh',
		},
		grants: {
			unconfirmed:
				'Client credentials page is a row source; not re-read. Needs glide.oauth.inbound.client.credential.grant_type.enabled=true and an OAuth Application User (row notes).',
			lead: 'https://www.servicenow.com/docs/r/platform-security/authentication/client-credentials.html',
		},
		clientCredentialsScopes: { unconfirmed: 'Not re-read.' },
		apiBaseUrl: { unconfirmed: 'Paths like /api/now/table/... start at the instance root.' },
		apiHosts: {
			unconfirmed:
				'Instances on other domains (e.g. servicenowservices.com for government, custom URLs) are not reachable with this dnsLabel field; not confirmed from a page.',
		},
		tokenResponseHost: { notApplicable: 'Host is the instance field.' },
		checkRequest: {
			unconfirmed:
				"Row's unconfirmed check; a user without sys_user read ACL (non-admin) may get an empty result rather than an error.",
		},
		consoleSettings: {
			page: 'https://support.servicenow.com/kb?id=kb_article_view&sysparm_article=KB0791140',
			quote:
				"For tokens issued by ServiceNow the lifespan can be changed in the Application Registry (oauth_entity) entry by changing the values in :'Access Token Lifespan' and 'Refresh Token Lifespan'",
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: Refresh Token Lifespan (100 days, not extended by refreshing)',
		},
		regions: { unconfirmed: 'Instance-based.' },
	},
	shopify: {
		authUrl: {
			unconfirmed:
				"Row source; URL text not in a stored excerpt today. Re-tried 2026-12-03: shopify.dev's authorization-code-grant pages (html and .md) are stored only up to Step 1's introduction.",
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
		},
		tokenUrl: {
			unconfirmed: 'Row source; not re-read today.',
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
		},
		tokenAuthMethod: {
			unconfirmed: 'client_id and client_secret in the POST body (row source).',
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
		},
		pkce: { unconfirmed: 'Not documented for the authorization-code grant.' },
		scopeSeparator: {
			unconfirmed: 'Comma-separated scope list on authorize (row source).',
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
		},
		refreshScopes: {
			page: 'https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh#how-expiry-works',
			quote:
				'Offline access tokens now can optionally expire after 60 minutes and come with a refresh token.',
			readOn: '2026-12-03',
			note: "Opt-in parameter expiring=1 on the token request (Shopify's own shopify-app-php issue #12 describes it: 'When expiring=1 is sent, Shopify returns a short-lived token with a ~3600s TTL and includes a refresh_token'); the docs page naming the parameter was not read.",
		},
		tokenLifetimes: {
			page: 'https://shopify.dev/docs/apps/build/security/credentials-and-data/use-expiring-offline-access-tokens#why',
			quote:
				'An expiring offline access token lasts one hour, so a stolen token stops working on its own, and Shopify replaces its refresh token every time your app uses it.',
			readOn: '2026-12-03',
			note: "Since Aug 2026 the previous refresh token stays valid until the replacement is used (changelog 'more resilient refreshes'). Public apps must use expiring tokens; non-expiring tokens rejected for public apps from January 1, 2027 (https://shopify.dev/docs/apps/build/authentication-authorization/acc...",
		},
		grants: {
			unconfirmed:
				'Client credentials grant for apps created in the Dev Dashboard and installed on stores of your own organization (row source).',
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant',
		},
		clientCredentialsScopes: {
			unconfirmed:
				"Row's tokenBodyParameters expiring=1 are sent with client credentials too (type comment: 'on the code exchange and with client credentials'); unconfirmed whether Shopify ignores it.",
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant',
		},
		apiBaseUrl: {
			unconfirmed:
				'Relative paths must carry the API version: /admin/api/<version>/graphql.json or REST /admin/api/<version>/<resource>.json.',
			lead: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
		},
		apiHosts: {
			unconfirmed:
				"Admin API is on the shop's myshopify.com host; file/product media on cdn.shopify.com are fetched without a token; bulk operation results on storage.googleapis.com (not re-read).",
		},
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			page: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
			quote:
				'This page covers access tokens for the GraphQL Admin API, which authenticates requests with a token sent in the X-Shopify-Access-Token header.',
			readOn: '2026-12-03',
			note: "Row: tokenHeader X-Shopify-Access-Token: the host sends the token there too on the nodes' requests (n8n's HTTP Request node sends Authorization only).",
		},
		consoleSettings: {
			page: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens#expiring-vs-non-expiring-offline-tokens',
			quote: 'Public apps must use expiring tokens for offline access.',
			readOn: '2026-12-03',
			note: "Client credentials only work for stores in the app's own organization.",
		},
		regions: { notApplicable: 'Per-shop host, no regions.' },
	},
	slack: {
		authUrl: {
			unconfirmed:
				"installing-with-oauth not re-read this session (row source). Re-tried 2026-12-03: the stored docs.slack.dev/api.slack.com copies of installing-with-oauth are cut inside the example link ('https://slack.com/oauth/v2/a...').",
		},
		tokenUrl: {
			page: 'https://docs.slack.dev/reference/methods/oauth.v2.access#facts',
			quote:
				'Exchanges a temporary OAuth verifier code for an access token. Method Access POST https://slack.com/api/oauth.v2.access',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.slack.dev/reference/methods/oauth.v2.access#arguments',
			quote:
				'If possible, avoid sending client_id and client_secret as parameters in your request and instead supply the Client ID and Client Secret using the HTTP Basic authentication scheme.',
			readOn: '2026-12-03',
			note: "Basic is the recommended form (the row's header); client_id and client_secret are also listed as optional form parameters.",
		},
		pkce: { unconfirmed: 'Row: enabling PKCE makes the app a public client (30-day refresh).' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: {
			page: 'https://docs.slack.dev/authentication/using-token-rotation#overview',
			quote:
				'Without token rotation, the access token never expires. With token rotation, it expires every 12 hours.',
			readOn: '2026-12-03',
			note: 'Refresh tokens come only with token rotation (a console setting), not a scope.',
		},
		tokenLifetimes: {
			page: 'https://docs.slack.dev/authentication/using-token-rotation#overview',
			quote:
				'The refresh token is then revoked, and a new refresh token is used to exchange the new expiring access token when it expires.',
			readOn: '2026-12-03',
		},
		grants: { unconfirmed: 'no provider page states it' },
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: { unconfirmed: 'Web API methods at slack.com/api/<method>.' },
		apiHosts: {
			unconfirmed:
				"The only page is a 2015 post on medium.com (not Slack's docs); files.slack.com is kept out until docs.slack.dev states it.",
			lead: 'https://medium.com/slack-developer-blog/important-changes-to-files-in-the-web-api-eb38f2a9c1e7',
		},
		tokenResponseHost: {
			notApplicable:
				'Enterprise Grid orgs may return enterprise URLs, but API calls stay on slack.com.',
		},
		checkRequest: {
			unconfirmed:
				"auth.test needs no scope; Slack returns HTTP 200 with ok:false on failure, so the check must read 'ok'.",
		},
		consoleSettings: {
			page: 'https://docs.slack.dev/authentication/using-token-rotation#overview',
			quote: 'With token rotation, it expires every 12 hours.',
			readOn: '2026-12-03',
			note: "Row's notes cover rotation and PKCE.",
		},
		regions: { unconfirmed: 'GovSlack (slack-gov.com) exists; not checked.' },
	},
	smartsheet: {
		authUrl: {
			unconfirmed:
				'The stored excerpt of the OAuth walkthrough stops at Developer Tools registration; the authorize URL (and its regional forms app.smartsheet.eu / app.smartsheet.au / app.smartsheetgov.com) was not read this round.',
			lead: 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
		},
		tokenUrl: {
			page: 'https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh',
			quote:
				'Gets or refreshes an access token, as part of the OAuth process. Endpoint: POST /token Version: 2.0.0',
			readOn: '2026-12-03',
			note: 'Relative to the API base (https://api.smartsheet.com/2.0 etc.).',
		},
		tokenAuthMethod: {
			page: 'https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh',
			quote:
				'`client_secret` (string) (Optional) Must use either this value or hash. Plain text method for sending this value. For example, client_secret={app_secret}.',
			readOn: '2026-12-03',
			note: "Plain client_secret is documented, so the standard flow works; the row's note ('historically expects a hash ... verify') and its unconfirmed item can go. The reference lists the parameters as query parameters with Content-Type application/x-www-form-urlencoded; form-body acceptance is implied, no...",
		},
		pkce: { unconfirmed: 'Token parameters list no code_verifier.' },
		scopeSeparator: { unconfirmed: 'Not in the stored excerpts.' },
		refreshScopes: {
			page: 'https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh',
			quote:
				'`grant_type` (string, required) Must be set to "authorization_code". Enum: "authorization_code", "refresh_token"',
			readOn: '2026-12-03',
			note: 'Refresh token comes with the code exchange; no scope.',
		},
		tokenLifetimes: { unconfirmed: 'Not on the stored excerpts.' },
		grants: {
			page: 'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication',
			quote:
				'Note that the Smartsheet implementation of OAuth 2.0 is a 3-legged process, which requires human intervention.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://developers.smartsheet.com/api',
			quote:
				'Smartsheet: https://api.smartsheet.com/2.0 ... Smartsheet Gov: https://api.smartsheetgov.com/2.0 - Smartsheet Regions Europe: https://api.smartsheet.eu/2.0 - Smartsheet Regions Australia: https://a...',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://developers.smartsheet.com/api',
			quote: 'Smartsheet Regions Australia: https://api.smartsheet.au/2.0',
			readOn: '2026-12-03',
			note: 'Attachment downloads use pre-signed URLs (not checked).',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: { unconfirmed: 'Kept; /users/me operation page not read this round.' },
		consoleSettings: {
			page: 'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication',
			quote:
				'Smartsheet Gov and Smartsheet Regions Europe use separate tokens from Smartsheet.com.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developers.smartsheet.com/api',
			quote: 'Important: Smartsheet Gov and Smartsheet Regions Europe use the respective base URLs',
			readOn: '2026-12-03',
			note: "Row's smartsheetRegion option covers all four.",
		},
	},
	spotify: {
		authUrl: {
			unconfirmed: "Not re-read this round (row's source).",
			lead: 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow',
		},
		tokenUrl: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens#refresh-token-lifetime',
			quote:
				'The expires_in value returned by the Spotify token endpoint (POST https://accounts.spotify.com/api/token) is the lifetime of the access token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				"Header table (Authorization: Basic) cut in the excerpt; row's source. Re-tried 2026-12-03: no developer.spotify.com copy in the stored corpora (only third-party courses and code).",
			lead: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens#request',
		},
		pkce: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens#request',
			quote: 'client_id | Only required for the PKCE extension',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens',
			quote: '"scope": "user-read-private user-read-email"',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens',
			quote:
				'new tokens can be obtained by providing the original refresh token acquired during the authorization token request response',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens#refresh-token-lifetime',
			quote:
				'Refresh tokens issued to apps registered in the Developer Dashboard have a lifetime of 6 months.',
			readOn: '2026-12-03',
			note: "'Refreshing an access token does not extend the refresh token's lifetime.' Row notes already say so.",
		},
		grants: {
			unconfirmed: "the page was not quoted this round: Row's source; app-only tokens.",
			lead: 'https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow',
		},
		clientCredentialsScopes: {
			unconfirmed: 'Not re-read.',
			lead: 'https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow',
		},
		apiBaseUrl: { unconfirmed: 'Not re-quoted.' },
		apiHosts: {
			unconfirmed: 'Preview/cover URLs (i.scdn.co, p.scdn.co) are public and need no token.',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow',
			readOn: '2026-12-03',
			note: 'Row: client credentials check /v1/markets.',
		},
		consoleSettings: {
			page: 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens#refresh-token-lifetime',
			quote: 'After 6 months, the refresh token can no longer be used.',
			readOn: '2026-12-03',
			note: "Row's setupHint already names User Management.",
		},
		regions: { notApplicable: 'Single API host.' },
	},
	square: {
		authUrl: {
			page: 'https://developer.squareup.com/reference/square/o-auth/authorize',
			quote:
				'The completed URL looks similar to the following example: https://connect.squareup.com/oauth2/authorize?client_id={YOUR_APP_ID}&scope=CUSTOMERS_WRITE+CUSTOMERS_READ',
			readOn: '2026-12-03',
			note: 'Production host; the row templates connect.{squareEnvironment} for squareup.com and squareupsandbox.com.',
		},
		tokenUrl: {
			page: 'https://developer.squareup.com/reference/square/o-auth/obtain-token',
			quote:
				'POST /oauth2/token Returns an OAuth access token and refresh token using the authorization_code or refresh_token grant type.',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://developer.squareup.com/reference/square/o-auth/obtain-token#request-body',
			quote:
				'client_secret string The secret key for your application ... Required for the code flow for any grant type.',
			readOn: '2026-12-03',
			note: "Body is JSON (Content-Type: application/json) in all Square examples; whether form-encoded bodies are accepted is still unconfirmed (row's item).",
		},
		pkce: {
			page: 'https://developer.squareup.com/reference/square/o-auth/obtain-token',
			quote: 'With the PKCE flow, provide code, client_id, and code_verifier.',
			readOn: '2026-12-03',
			note: "PKCE flow is Square's public-client flow (refresh token rotates); keep the code flow with secret.",
		},
		scopeSeparator: { unconfirmed: "Authorize examples join scopes with '+' (encoded space)." },
		refreshScopes: {
			page: 'https://developer.squareup.com/docs/oauth-api/overview#requirements-and-limitations',
			quote:
				'To maintain access, you must generate a new OAuth access token using the refresh token received with the original authorization.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developer.squareup.com/docs/oauth-api/overview#requirements-and-limitations',
			quote: 'Square OAuth access tokens expire after 30 days.',
			readOn: '2026-12-03',
			note: "'Refresh tokens obtained using the code flow don't exp[ire]'; ObtainToken: 'With the code flow ... The response returns the same refresh token provided in the request.' Response gives expires_at (ISO timestamp), not expires_in (https://developer.squareup.com/reference/square/objects/ObtainTokenRe...",
		},
		grants: {
			page: 'https://developer.squareup.com/reference/square/o-auth/obtain-token',
			quote:
				'Returns an OAuth access token and refresh token using the authorization_code or refresh_token grant type.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			unconfirmed: 'Base path /v2 per Square API reference (not quoted).',
			lead: 'https://developer.squareup.com/docs/oauth-api/refresh-revoke-limit-scope#overview',
		},
		apiHosts: {
			unconfirmed:
				'All Square APIs on connect.squareup.com / connect.squareupsandbox.com; catalog images on items-images-production.s3... are public (not re-read).',
		},
		tokenResponseHost: { notApplicable: 'Response has merchant_id, no host.' },
		checkRequest: {
			page: 'https://developer.squareup.com/docs/oauth-api/refresh-revoke-limit-scope#overview',
			quote:
				'Your application can check the validity of the token by calling ListLocations and checking the response.',
			readOn: '2026-12-03',
			note: "Square's own recommended check is ListLocations (GET /v2/locations, MERCHANT_PROFILE_READ); merchants/me needs the same scope (in the defaults). Square-Version header optional (defaults to the app's version).",
		},
		consoleSettings: {
			unconfirmed: 'Nothing documented that stops refresh tokens for the code flow.',
		},
		regions: { notApplicable: 'Sandbox/production environment only.' },
	},
	stackExchange: {
		authUrl: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote: 'Send a user to https://stackoverflow.com/oauth, with these query string parameters',
			readOn: '2026-12-03',
			note: 'The explicit (authorization code) flow; parameters client_id, scope, redirect_uri, state.',
		},
		tokenUrl: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote:
				'In order to get access_token and expires (if applicable) wrapped in a JSON object, POST to https://stackoverflow.com/oauth/access_token/json instead.',
			readOn: '2026-12-03',
			note: 'The plain /oauth/access_token answers form-encoded (access_token=...&expires=1234); the /json form is the one n8n can read.',
		},
		tokenAuthMethod: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote:
				'POST (application/x-www-form-urlencoded) the following parameters to https://stackoverflow.com/oauth/access_token',
			readOn: '2026-12-03',
			note: 'The parameters listed are client_id, client_secret, code, redirect_uri. No grant_type is listed; n8n sends grant_type=authorization_code as well.',
		},
		pkce: {
			unconfirmed:
				"The June 2025 Stack Apps help article says it 'Added a more secure OAuth flow: authorization code w/PKCE'; read only through mirror copies of stackapps.com/help/api-authentication, not the page itself.",
			lead: 'https://stackapps.com/help/api-authentication',
		},
		scopeSeparator: {
			unconfirmed:
				"The scope parameter's format ('scope (details)') is described past the stored opening of the authentication page. The row sends one scope (no_expiry) unless the user types more.",
		},
		refreshScopes: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote:
				'expires will only be set if scope does not include no_expiry, the use of which is strongly advised against unless your app truly needs perpetual access.',
			readOn: '2026-12-03',
			note: "No refresh token exists: without no_expiry the token dies when 'expires' runs out and the user must connect again. The row always asks for no_expiry, the only way an n8n connection keeps working.",
		},
		tokenLifetimes: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote:
				'This request is responded to with either an error (HTTP status code 400) or an access token of the form access_token=...&expires=1234.',
			readOn: '2026-12-03',
		},
		grants: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote:
				'There are two flows, an explicit grant for server side applications and an implicit one for pure browser based ones.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			unconfirmed:
				"The docs home says 'This is the documentation for the v2.3 Stack Exchange API'; read only through a mirror copy. Most methods also need a site parameter (e.g. site=stackoverflow). Since June 2026 tokens go in 'Authorization: Bearer' (meta.stackexchange.com/questions/417382, read through a mirror).",
			lead: 'https://api.stackexchange.com/docs',
		},
		apiHosts: {
			unconfirmed: 'As for apiBaseUrl.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			unconfirmed:
				"The /me method page is not stored. The announcement (read through a mirror) says authenticated requests take 'Authorization: Bearer {KEY OR ACCESS TOKEN}' from June 2026 and need no key with an access token.",
			lead: 'https://meta.stackexchange.com/questions/417382/we-re-changing-the-authentication-scheme-for-stack-exchange-api-v2-x',
		},
		consoleSettings: {
			page: 'https://api.stackexchange.com/docs/authentication',
			quote: 'redirect_uri - must be under an apps registered domain',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One API host for the whole network.',
		},
	},
	strava: {
		authUrl: {
			unconfirmed:
				'authentication page excerpt stopped before the URL; row source. Re-tried 2026-12-03: developers.strava.com/docs/authentication and strava.github.io/api/v3/oauth are stored only up to the overview.',
		},
		tokenUrl: { unconfirmed: 'no provider page states it' },
		tokenAuthMethod: {
			page: 'https://strava.github.io/api/v3/oauth',
			quote:
				'This is done by presenting a client_id and client_secret (obtained during application registration), along with the authorization code, to Strava.',
			readOn: '2026-12-03',
			note: 'Legacy Strava docs site (strava.github.io); body parameters.',
		},
		pkce: { unconfirmed: 'no provider page states it' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: { unconfirmed: 'Refresh tokens always issued since the 2018 OAuth update.' },
		tokenLifetimes: { unconfirmed: 'Only third-party write-ups in the excerpts.' },
		grants: { unconfirmed: 'no provider page states it' },
		clientCredentialsScopes: { notApplicable: 'does not apply' },
		apiBaseUrl: { unconfirmed: 'no provider page states it' },
		apiHosts: { unconfirmed: 'no provider page states it' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: { unconfirmed: 'no provider page states it' },
		consoleSettings: {
			page: 'https://developers.strava.com/docs/getting-started/#a-basic-info-about-the-api',
			quote:
				'All new applications start in single-player mode. This is the default state where only your own Strava account can authenticate with the app',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: single-player mode until the app is upgraded',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	stripeConnect: {
		authUrl: {
			page: 'https://docs.stripe.com/connect/oauth-reference#get-authorize',
			quote:
				'https://connect.stripe.com/oauth/authorize?response_type=code&client_id={{CLIENT_ID}}&scope=read_write&redirect_uri=https://sub2.example.com',
			readOn: '2026-12-03',
			note: "OAuth reference applies only to Standard accounts ('The content on this page applies only to Standard accounts.').",
		},
		tokenUrl: {
			unconfirmed:
				"the page was not quoted this round: Row's value; the stored excerpts stop before the POST /oauth/token section.",
			lead: 'https://docs.stripe.com/connect/oauth-reference#post-token',
		},
		tokenAuthMethod: {
			unconfirmed: 'Kept; token request section not in stored excerpts.',
			lead: 'https://docs.stripe.com/connect/oauth-reference#post-token',
		},
		pkce: { unconfirmed: 'Not listed among authorize parameters in the stored reference.' },
		scopeSeparator: { notApplicable: 'Single scope value (read_write or read_only).' },
		refreshScopes: {
			page: 'https://docs.stripe.com/connect/oauth-reference#post-token-response',
			quote:
				'refresh_token ... Can be used to get a new access token of an equal or lesser scope, or of a different live mode (where applicable).',
			readOn: '2026-12-03',
			note: "Quote from Stripe's OpenAPI-generated OAuthToken type (stripe-node), same text as the reference response table.",
		},
		tokenLifetimes: {
			page: 'https://docs.stripe.com/connect/oauth-reference#post-token-response',
			quote:
				"This key does not expire, but may be revoked by the user at any time (you'll get a account.application.deauthorized webhook event when this happens).",
			readOn: '2026-12-03',
			note: "Quote from Stripe's OAuthToken.access_token description (stripe-node types generated from Stripe's spec). Previously unconfirmed in the row.",
		},
		grants: {
			page: 'https://docs.stripe.com/connect/oauth-reference',
			quote: 'This reference lists available public methods for our OAuth endpoints for Connect.',
			readOn: '2026-12-03',
			note: "The platform's own secret key is the non-OAuth alternative.",
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://stripe.com/docs/file-upload',
			quote:
				"Note that the subdomain files.stripe.com is different than most of Stripe's API endpoints.",
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://stripe.com/docs/file-upload#uploading-a-file',
			quote:
				"To upload a file, send a multipart/form-data request to https://files.stripe.com/v1/files. Note that the subdomain files.stripe.com is different than most of Stripe's API endpoints.",
			readOn: '2026-12-03',
			note: 'fixed in the row: files.stripe.com added to allowedDomains',
		},
		tokenResponseHost: { notApplicable: 'Token response names stripe_user_id, no host.' },
		checkRequest: {
			unconfirmed:
				"GET /v1/account with the connected account's access token returns that account (row's unconfirmed item); not re-read.",
			lead: 'https://docs.stripe.com/api/accounts/retrieve',
		},
		consoleSettings: {
			page: 'https://docs.stripe.com/connect/oauth-reference',
			quote:
				"Starting in June 2021, Platforms using OAuth with read_write scope won't be able to connect to accounts that are controlled by another platform.",
			readOn: '2026-12-03',
		},
		regions: { notApplicable: 'Global hosts.' },
	},
	supabase: {
		authUrl: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#redirecting-to-the-authorize-url',
			quote:
				"Within your app's UI, redirect the user to [`https://api.supabase.com/v1/oauth/authorize`]",
			readOn: '2026-12-03',
			note: "Read in Supabase's docs source (github.com/supabase/supabase, apps/docs/content/guides/integrations/build-a-supabase-oauth-integration.mdx).",
		},
		tokenUrl: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#handling-the-callback',
			quote:
				'Exchange the authorization code for an access and refresh token by calling [`POST https://api.supabase.com/v1/oauth/token`]',
			readOn: '2026-12-03',
			note: 'Refresh uses the same endpoint (#refreshing-an-access-token).',
		},
		tokenAuthMethod: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#handling-the-callback',
			quote: 'As per OAuth2 spec, provide the client id and client secret as basic auth header:',
			readOn: '2026-12-03',
		},
		pkce: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#redirecting-to-the-authorize-url',
			quote: 'PKCE: We strongly recommend using the PKCE flow for increased security.',
			readOn: '2026-12-03',
			note: 'Marked [Recommended], not required.',
		},
		scopeSeparator: {
			notApplicable:
				'Scopes are set on the OAuth app in the dashboard, not sent on the authorize request.',
		},
		refreshScopes: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#refreshing-an-access-token',
			quote:
				'to refresh an access token using the refresh token returned at the end of the previous section.',
			readOn: '2026-12-03',
			note: 'The code exchange returns a refresh token; no scope asks for it.',
		},
		tokenLifetimes: {
			unconfirmed: 'No access or refresh lifetime is stated on the guide.',
			lead: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#refreshing-an-access-token',
		},
		grants: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#handling-the-callback',
			quote: '- `grant_type`: The value `authorization_code`.',
			readOn: '2026-12-03',
			note: 'Only the authorization code and refresh are documented for OAuth apps.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#calling-the-management-api',
			quote:
				'Using OAuth2.0 you can retrieve an access and refresh token that grant your application full access to the [Management API]',
			readOn: '2026-12-03',
			note: "The guide's endpoint links are https://api.supabase.com/api/v1 (e.g. the /v1/projects endpoint).",
		},
		apiHosts: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#create-new-projects',
			quote:
				'Use the [`/v1/projects` endpoint](https://api.supabase.com/api/v1#/projects/createProject) to create a new project.',
			readOn: '2026-12-03',
			note: "Project hosts (<ref>.supabase.co) are reached with the project's API keys, not with this token.",
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no host.',
		},
		checkRequest: {
			unconfirmed:
				"GET /v1/organizations (list the user's organizations) is in the Management API reference (api_v1_openapi.json), whose stored copy could not be read that far; the scopes page names the Organizations Read scope. The Management API has no documented 'me' endpoint for OAuth tokens.",
			lead: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration/oauth-scopes#available-scopes',
		},
		consoleSettings: {
			page: 'https://supabase.com/docs/guides/integrations/build-a-supabase-oauth-integration#create-an-oauth-app',
			quote:
				"In your organization's settings, navigate to the [**OAuth Apps**](/dashboard/org/_/apps) tab.",
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One Management API host.',
		},
	},
	teamleaderFocus: {
		authUrl: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#authorization-flow',
			quote: '`https://focus.teamleader.eu/oauth2/authorize`',
			readOn: '2026-12-03',
			note: "Teamleader's own API-docs source (teamleadercrm/api, HEAD 2025-04-17), which renders developer.focus.teamleader.eu. Resolves the row's unconfirmed host names.",
		},
		tokenUrl: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#obtaining-access-tokens',
			quote: '`https://focus.teamleader.eu/oauth2/access_token`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#obtaining-access-tokens',
			quote:
				'The required POST parameters are: - `client_id` - issued when you register your integration - `client_secret` - issued when you register your integration',
			readOn: '2026-12-03',
		},
		pkce: { unconfirmed: 'Not mentioned in the authentication source.' },
		scopeSeparator: {
			notApplicable: 'No scope parameter: scopes are selected on the integration.',
		},
		refreshScopes: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#obtaining-access-tokens',
			quote: 'You will receive a JSON response containing an `access_token` and `refresh_token`',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#using-refresh-tokens',
			quote:
				'Note that refresh tokens can only be used once to get a new access token and refresh token.',
			readOn: '2026-12-03',
			note: "'Refresh tokens will continue functioning until the user revokes them or uninstalls your integration.' Access: 'usually 1 hour'.",
		},
		grants: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#authorization-flow',
			quote:
				"To get access to a user's Teamleader data using the *authorization code grant type*, redirect users to the Teamleader authorization page",
			readOn: '2026-12-03',
			note: 'Implicit grant also exists; no client credentials.',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://developer.focus.teamleader.eu/docs/introduction#endpoints',
			quote:
				'Our API consists of HTTP RPC-style methods, in the form of `https://api.focus.teamleader.eu/resource.action`.',
			readOn: '2026-12-03',
			note: 'Source: teamleadercrm/api src/introduction.apib.',
		},
		apiHosts: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/10-files/files.apib',
			quote:
				'The temporary API endpoint (URL) where user should send a POST request with file contents for the upload.',
			readOn: '2026-12-03',
			note: 'fixed in the row: files.teamleader.eu added to allowedDomains',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/01-general/users.apib',
			quote: '### users.me [POST /users.me]',
			readOn: '2026-12-03',
			note: 'Row: checkRequest POST, JSON body {}.',
		},
		consoleSettings: {
			page: 'https://github.com/teamleadercrm/api/blob/master/src/authentication.apib#authorization-flow',
			quote:
				"A list of allowed redirect URIs needs to be configured on your integration's [settings page](https://marketplace.focus.teamleader.eu/build).",
			readOn: '2026-12-03',
		},
		regions: { notApplicable: 'Single API host.' },
	},
	teslaFleetApi: {
		authUrl: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/third-party-tokens#step-1-user-authorization',
			quote:
				'To initiate the authorization code flow, direct the customer to an /authorize request. https://auth.tesla.com/oauth2/v3/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/third-party-tokens#step-3-code-exchange',
			quote: 'POST https://fleet-auth.prd.vn.cloud.tesla.com/oauth2/v3/token',
			readOn: '2026-12-03',
			note: 'Earlier copies of the page show https://auth.tesla.com/oauth2/v3/token; the newest ones the dedicated fleet-auth host (also on third-party-business-tokens).',
		},
		tokenAuthMethod: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/partner-tokens',
			quote: 'client_secret | Yes | secret-password | Partner application client secret. |',
			readOn: '2026-12-03',
			note: "A form parameter of the token request (application/x-www-form-urlencoded cURL example). The third-party-tokens code exchange lists the same 'client_secret ... Partner application client secret.' row (an earlier stored copy of that page; newer copies stop before its table).",
		},
		pkce: {
			unconfirmed:
				'PKCE is documented as required for Open Source Apps (no client secret); the third-party (confidential) authorize parameters do not list code_challenge.',
			lead: 'https://developer.tesla.com/docs/fleet-api/authentication/open-source-tokens',
		},
		scopeSeparator: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/third-party-tokens#step-1-user-authorization',
			quote:
				'Space delimited list of scopes, include openid and offline_access to obtain a refresh token.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/third-party-tokens#step-1-user-authorization',
			quote:
				'Space delimited list of scopes, include openid and offline_access to obtain a refresh token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/third-party-tokens#step-3-code-exchange',
			quote: 'The refresh token is single use only and expires after 3 months.',
			readOn: '2026-12-03',
		},
		grants: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/partner-tokens',
			quote: 'client_credentials | Grant type must be client_credentials.',
			readOn: '2026-12-03',
			note: 'Partner tokens (client credentials) manage the partner account and business-owned devices; third-party tokens use authorization_code.',
		},
		clientCredentialsScopes: {
			page: 'https://developer.tesla.com/docs/fleet-api/authentication/partner-tokens',
			quote:
				"--data-urlencode 'scope=openid vehicle_device_data vehicle_cmds vehicle_charging_cmds' \\",
			readOn: '2026-12-03',
			note: "The example also sends openid; the row leaves it out (a refresh scope; no user here). scope is optional; audience is required ('Must be a Fleet API base URL'): the row sends audience=https://{region host} on the code exchange and with client credentials.",
		},
		apiBaseUrl: {
			page: 'https://developer.tesla.com/docs/fleet-api/getting-started/base-urls',
			quote: 'Europe, Middle East, Africa: https://fleet-api.prd.eu.vn.cloud.tesla.com',
			readOn: '2026-12-03',
			note: "Same list: 'North America, Asia-Pacific (excluding China): https://fleet-api.prd.na.vn.cloud.tesla.com'. Paths start with /api/1/...",
		},
		apiHosts: {
			page: 'https://developer.tesla.com/docs/fleet-api/getting-started/base-urls',
			quote:
				'North America, Asia-Pacific (excluding China): https://fleet-api.prd.na.vn.cloud.tesla.com',
			readOn: '2026-12-03',
			note: 'China (fleet-api.prd.cn.vn.cloud.tesla.cn) needs a separate application on developer.tesla.cn with its own sign-in; not offered.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the region is picked.',
		},
		checkRequest: {
			unconfirmed:
				'The user-endpoints page is listed in the docs sitemap but its text is not stored; /api/1/users/me with user_data is a lead. Partner tokens have no user: no check on that grant.',
			lead: 'https://developer.tesla.com/docs/fleet-api/endpoints/user-endpoints',
		},
		consoleSettings: {
			page: 'https://developer.tesla.com/docs/fleet-api',
			quote: 'Make a POST call to /api/1/partner_accounts with a partner authentication token.',
			readOn: '2026-12-03',
			note: 'Same page: \'In the "Client Details" step, it is recommended to select "Authorization Code and Machine-to-Machine" for most use cases.\'',
		},
		regions: {
			page: 'https://developer.tesla.com/docs/fleet-api/getting-started/base-urls',
			quote: 'Fleet API is available regionally. Use the appropriate region for each user.',
			readOn: '2026-12-03',
		},
	},
	todoist: {
		authUrl: {
			unconfirmed:
				"Row source; the developer guide's OAuth section was not in a stored excerpt today (the typescript SDK builds the same URL).",
			lead: 'https://developer.todoist.com/guides/#oauth',
		},
		tokenUrl: {
			unconfirmed: 'Row source; not re-read.',
			lead: 'https://developer.todoist.com/guides/#oauth',
		},
		tokenAuthMethod: {
			unconfirmed:
				"Doist's own SDK docs send client_id/client_secret as form data; the API guide itself not re-read.",
			lead: 'https://doist.github.io/todoist-api-python/authentication/',
		},
		pkce: { unconfirmed: "Row's unconfirmed item stands." },
		scopeSeparator: { unconfirmed: 'Comma-separated per the row/guide; not re-read.' },
		refreshScopes: {
			unconfirmed:
				'No scope needed; whether a refresh token is issued to confidential clients is not confirmed (the typescript SDK has refreshAuthToken).',
		},
		tokenLifetimes: { unconfirmed: 'No Todoist page read states lifetimes.' },
		grants: {
			unconfirmed: 'Only the authorization-code flow is documented.',
			lead: 'https://doist.github.io/todoist-api-typescript/authorization',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			unconfirmed: 'API v1 base per the row (developer.todoist.com/api/v1); not re-read.',
		},
		apiHosts: {
			unconfirmed:
				'File attachments (file_url) live on files.todoist.com / d1-files host and need the token for private files (not confirmed).',
		},
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			unconfirmed:
				"Row's unconfirmed check stands: GET /api/v1/user (user info) per API v1 reference; not re-read.",
		},
		consoleSettings: {
			unconfirmed:
				'App Management Console: OAuth redirect URL only; nothing known that limits token life.',
		},
		regions: { notApplicable: 'Single host.' },
	},
	tumblr: {
		authUrl: {
			page: 'https://www.tumblr.com/docs/en/api/v2#oauth2authorize---authorization-request',
			quote: '`www.tumblr.com/oauth2/authorize` | GET | N/A',
			readOn: '2026-12-03',
			note: 'Read in the docs source, tumblr/docs api.md (newest snapshot, commit 708be10978b2, 2024-10-18), published as www.tumblr.com/docs/en/api/v2.',
		},
		tokenUrl: {
			page: 'https://www.tumblr.com/docs/en/api/v2#v2oauth2token---authorization-code-grant-request',
			quote: '`api.tumblr.com/v2/oauth2/token` | POST | N/A',
			readOn: '2026-12-03',
			note: 'Same endpoint for the refresh token grant (#v2oauth2token---refresh-token-grant-request).',
		},
		tokenAuthMethod: {
			page: 'https://www.tumblr.com/docs/en/api/v2#step-three-retrieve-an-access-token',
			quote:
				'curl -F grant_type=authorization_code -F code={code} -F client_id={Your OAuth consumer key} -F client_secret={Your OAuth secret key} https://api.tumblr.com/v2/oauth2/token',
			readOn: '2026-12-03',
			note: "client_id and client_secret are required body parameters of both token requests; 'Request Content Types' (#request-content-types) says body parameters may be application/x-www-form-urlencoded.",
		},
		pkce: {
			unconfirmed:
				'The authorize parameters are client_id, response_type, scope, state, redirect_uri; no code_challenge. Kept unsupported.',
		},
		scopeSeparator: {
			page: 'https://www.tumblr.com/docs/en/api/v2#oauth2authorize---authorization-request',
			quote: 'A space delimited list of scopes',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://www.tumblr.com/docs/en/api/v2#v2oauth2token---authorization-code-grant-request',
			quote: 'An OAuth2 refresh token (if `offline_access` scope was requested)',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://www.tumblr.com/docs/en/api/v2#v2oauth2token---refresh-token-grant-request',
			quote:
				'This request is used to exchange an OAuth2 refresh token for a new OAuth2 access token and refresh token.',
			readOn: '2026-12-03',
			note: 'The example token response has "expires_in": 2520. A refresh answers 401 \'Unauthorized, refresh token has expired\'; no lifetime is given.',
		},
		grants: {
			page: 'https://www.tumblr.com/docs/en/api/v2#oauth2-authorization',
			quote:
				'API clients have access to Authorization Code, Client Credentials, and Refresh Token grants.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			unconfirmed:
				'The page names the grant but no client-credentials request or its scopes; the row sends the default scopes without the refresh scope.',
		},
		apiBaseUrl: {
			page: 'https://www.tumblr.com/docs/en/api/v2#uri-structure',
			quote: 'All Tumblr API requests start with `https://api.tumblr.com`.',
			readOn: '2026-12-03',
			note: "Paths start with /v2/...; 'The `User-Agent` header is required' (#request-user-agent).",
		},
		apiHosts: {
			page: 'https://www.tumblr.com/docs/en/api/v2#uri-structure',
			quote: 'All Tumblr API requests start with `https://api.tumblr.com`.',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			page: 'https://www.tumblr.com/docs/en/api/v2#userinfo--get-a-users-information',
			quote:
				"Use this method to retrieve the user's account information that matches the OAuth credentials submitted with the request.",
			readOn: '2026-12-03',
			note: 'Step Four of the OAuth2 flow calls the same URL with the Bearer token. A client-credentials token has no user, so no check on that grant.',
		},
		consoleSettings: {
			page: 'https://www.tumblr.com/docs/en/api/v2#oauth2-authorization',
			quote:
				'Note that you must specify a valid OAuth2 redirect URL for OAuth2 to be available to your application.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One API host.',
		},
	},
	twitch: {
		authUrl: {
			page: 'https://dev.twitch.tv/docs/authentication/getting-tokens-oidc/#discovering-supported-claims-and-authorization-uris',
			quote: '"authorization_endpoint": "https://id.twitch.tv/oauth2/authorize",',
			readOn: '2026-12-03',
			note: "Twitch's OIDC configuration as shown on the page; the same authorize endpoint serves the plain OAuth authorization code flow (getting-tokens-oauth, not in a stored copy past its flow table).",
		},
		tokenUrl: {
			page: 'https://dev.twitch.tv/docs/authentication/refresh-tokens/',
			quote:
				'The following example shows the JSON object that the https://id.twitch.tv/oauth2/token endpoint returns. The object includes an access token and a refresh token.',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				"The stored copies of getting-tokens-oauth and refresh-tokens stop before the request parameters; Twitch's forum answers show client_id and client_secret as parameters of POST https://id.twitch.tv/oauth2/token (body, as the row). Not on a stored provider page.",
			lead: 'https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow',
		},
		pkce: { unconfirmed: 'no provider page states it' },
		scopeSeparator: { unconfirmed: 'no provider page states it' },
		refreshScopes: {
			page: 'https://dev.twitch.tv/docs/authentication/refresh-tokens/',
			quote:
				'When you get a user access token using the Authorization Code Grant flow, you also get a refresh token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://dev.twitch.tv/docs/authentication/refresh-tokens/',
			quote:
				'When you get a user access token using the Authorization Code Grant flow, you also get a refresh token. ... NOTE You cannot refresh app access tokens.',
			readOn: '2026-12-03',
			note: 'Client-credentials (app) tokens are re-requested, not refreshed. Twitch recommends reacting to 401 rather than expires_in.',
		},
		grants: {
			page: 'https://dev.twitch.tv/docs/authentication/#app-access-tokens',
			quote:
				'The Twitch APIs use two types of access tokens: user access tokens and app access tokens.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: {
			unconfirmed:
				"Whether Twitch rejects or ignores scope on client credentials was not confirmed; the defaults' user:read:email has no meaning for an app token.",
			lead: 'https://dev.twitch.tv/docs/authentication/',
		},
		apiBaseUrl: { unconfirmed: 'Helix also needs a Client-Id header (row notes).' },
		apiHosts: { unconfirmed: 'the page was not quoted this round' },
		tokenResponseHost: { notApplicable: 'does not apply' },
		checkRequest: {
			page: 'https://dev.twitch.tv/docs/authentication/validate-tokens/#who-must-validate-tokens',
			quote:
				'Your app must validate the OAuth token when it starts and on an hourly basis thereafter.',
			readOn: '2026-12-03',
			note: "validate describes the token (works for app tokens too: it returns client_id, expires_in). The docs' curl example uses the 'OAuth' scheme; if the engine only sends 'Bearer', confirm Twitch accepts it.",
		},
		consoleSettings: {
			page: 'https://dev.twitch.tv/docs/authentication/validate-tokens/',
			quote:
				'Any third-party app that calls the Twitch APIs and maintains an OAuth session must call the /validate endpoint',
			readOn: '2026-12-03',
		},
		regions: { unconfirmed: 'the page was not quoted this round' },
	},
	twitter: {
		authUrl: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token#steps-to-connect-using-oauth-2-0',
			quote:
				'An example URL to redirect the user to would look like this: https://x.com/i/oauth2/authorize?response_type=code&client_id=',
			readOn: '2026-12-03',
			note: "Read in the page's source (xdevplatform/docs, fundamentals/authentication/oauth-2-0/user-access-token.mdx).",
		},
		tokenUrl: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#refresh-tokens',
			quote:
				"POST 'https://api.x.com/2/oauth2/token' --header 'Content-Type: application/x-www-form-urlencoded'",
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token#working-with-confidential-clients',
			quote:
				'If you are working with confidential clients, you will need to use a basic authentication scheme for generating an authorization header with base64 encoding while making requests to the token endpo...',
			readOn: '2026-12-03',
		},
		pkce: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
			quote: 'OAuth 2.0 Authorization Code Flow with PKCE',
			readOn: '2026-12-03',
			note: 'The only documented user flow is Authorization Code with PKCE.',
		},
		scopeSeparator: {
			unconfirmed: "the page was not quoted this round: Row's source; not re-read.",
			lead: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#scopes',
		},
		refreshScopes: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#refresh-tokens',
			quote:
				'If the scope offline.access is applied an OAuth 2.0 refresh token will be issued. ... If this scope is not passed, we will not generate a refresh token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#how-long-will-my-credentials-stay-valid',
			quote:
				"By default, the access token you create through the Authorization Code Flow with PKCE will only stay valid for two hours unless you've used the offline.access scope.",
			readOn: '2026-12-03',
			note: 'Row recorded no lifetime.',
		},
		grants: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
			readOn: '2026-12-03',
			note: 'App-only bearer tokens use the API key/secret at a different endpoint (row notes: use Custom).',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant with the OAuth 2.0 client ID.',
		},
		apiBaseUrl: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#refresh-tokens',
			quote: "POST 'https://api.x.com/2/oauth2/token'",
			readOn: '2026-12-03',
		},
		apiHosts: {
			unconfirmed:
				"Row's hosts kept; media upload host (v2 /2/media/upload on api.x.com; legacy upload.twitter.com) not checked.",
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			unconfirmed: 'Scope requirement not re-read this round.',
			lead: 'https://docs.x.com/x-api/users/get-my-user',
		},
		consoleSettings: {
			page: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#confidential-clients',
			quote:
				"To enable OAuth 2.0 in your App, you must enable it in your's App's authentication settings found in the App settings section of the Developer Console.",
			readOn: '2026-12-03',
			note: "Row's setupHint already says this.",
		},
		regions: { notApplicable: 'Single host.' },
	},
	typeform: {
		authUrl: {
			unconfirmed:
				"the page was not quoted this round: Row's source; not re-read this round. Re-tried 2026-12-03: no typeform.com developer page in the stored corpora.",
			lead: 'https://www.typeform.com/developers/get-started/applications/',
		},
		tokenUrl: {
			unconfirmed: "the page was not quoted this round: Row's source; not re-read this round.",
			lead: 'https://www.typeform.com/developers/get-started/applications/',
		},
		tokenAuthMethod: { unconfirmed: 'As in the row.' },
		pkce: { unconfirmed: 'Not documented.' },
		scopeSeparator: {
			unconfirmed: "the page was not quoted this round: Row's source; not re-read.",
			lead: 'https://www.typeform.com/developers/get-started/scopes/',
		},
		refreshScopes: {
			unconfirmed:
				"the page was not quoted this round: Row's source: the offline scope issues a refresh token.",
			lead: 'https://www.typeform.com/developers/get-started/scopes/',
		},
		tokenLifetimes: { unconfirmed: 'As in the row.' },
		grants: {
			unconfirmed: 'the page was not quoted this round',
			lead: 'https://www.typeform.com/developers/get-started/applications/',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://www.typeform.com/developers/get-started/responses-data-center/',
			quote:
				'the Typeform API will now be reachable from both api.typeform.com (for US accounts) and api.eu.typeform.com (for EU accounts).',
			readOn: '2026-12-03',
			note: "Same page: 'To get the API address for a form, we need query /forms/<formID>, extracting the _links.responses property.'",
		},
		apiHosts: {
			page: 'https://www.typeform.com/developers/get-started/mcp/',
			quote:
				'if you use our EU data center, then you will need to use one of the following addresses depending on where your account is hosted: https://api.eu.typeform.com/mcp or https://api.typeform.eu/mcp',
			readOn: '2026-12-03',
			note: 'fixed in the row: api.typeform.eu added to allowedDomains',
		},
		tokenResponseHost: {
			notApplicable: "Host comes from a form's _links.responses, not the token response.",
		},
		checkRequest: {
			page: 'https://www.typeform.com/developers/get-started/responses-data-center/',
			quote:
				"Some APIs, such as the Accounts, Workspaces, and Forms APIs, can be used on both api.typeform.com and api.eu.typeform.com and the result that we'll get is the same.",
			readOn: '2026-12-03',
			note: 'Accounts API works on either host for Responses-Data-Center accounts; accounts:read in defaults. For api.typeform.eu accounts the check host is unconfirmed.',
		},
		consoleSettings: {
			unconfirmed: 'No documented setting withholding refresh tokens; offline scope does it.',
		},
		regions: {
			page: 'https://www.typeform.com/developers/get-started/mcp/',
			quote: 'https://api.eu.typeform.com/mcp or https://api.typeform.eu/mcp',
			readOn: '2026-12-03',
			open: "a region field (docs/catalogue-todo.md#regions): the api.typeform.eu data centre's own OAuth host is unconfirmed",
		},
	},
	vimeo: {
		authUrl: {
			unconfirmed:
				"only github.com states it: Vimeo's SDK code and Vimeo's own OpenAPI description (github.com/vimeo/openapi api.yaml: securitySchemes oauth2 authorizationCode authorizationUrl /oauth/authorize, server https://api.vimeo.com); the stored copies of developer.vimeo.com/api/authentication stop before the URL.",
			lead: 'https://github.com/vimeo/openapi/blob/master/api.yaml',
		},
		tokenUrl: {
			page: 'https://developer.vimeo.com/api/endpoints/authenticationextras',
			quote:
				'Exchange an authorization code for an access token POST https://api.vimeo.com/oauth/access_token',
			readOn: '2026-12-03',
			note: "Read in the National Library of Israel web archive's copy of this page (2018-11-05); Vimeo's own OpenAPI description (github.com/vimeo/openapi, api.yaml) still lists /oauth/access_token, 'Exchange an authorization code for an access token', on server https://api.vimeo.com.",
		},
		tokenAuthMethod: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js',
		},
		pkce: { unconfirmed: 'Not mentioned.' },
		scopeSeparator: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js',
		},
		refreshScopes: { unconfirmed: 'No refresh token is issued; nothing to request.' },
		tokenLifetimes: { unconfirmed: "Row: docs say 'until the token expires or is revoked'." },
		grants: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js',
		},
		clientCredentialsScopes: { notApplicable: 'Not offered by this preset (different token URL).' },
		apiBaseUrl: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js',
		},
		apiHosts: {
			unconfirmed: 'only github.com states it (SDK code): a lead',
			lead: 'https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js',
		},
		tokenResponseHost: { notApplicable: 'Single API host.' },
		checkRequest: {
			unconfirmed:
				'/oauth/verify from the row (authenticationextras page, not re-read). Row notes say to send the Accept version header; the check should send it too (or use GET /me).',
			lead: 'https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js',
		},
		consoleSettings: { unconfirmed: 'From setupHint.' },
		regions: { notApplicable: 'Single API host.' },
	},
	vismaConnect: {
		authUrl: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/#endpoints',
			quote: 'Authorization https://connect.visma.com/connect/authorize',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/#endpoints',
			quote: 'Token https://connect.visma.com/connect/token',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/application-registration/service-integrations/#token-request',
			quote:
				"--data 'grant_type=client_credentials&scope=visma_api:read&client_id=demoapp&client_secret=SECRET&tenant_id=af1140c1-52e0-46c7-b684-df894d4b8a5a'",
			readOn: '2026-12-03',
			note: "Client ID and secret in the form body at the same token endpoint; the interactive page's token step was not readable in full, the service page is the one quoted.",
		},
		pkce: {
			page: 'https://docs.vismasoftware.no/vismanetapi/developer-portal/interactive-integrations/#authorization-code-flow-steps',
			quote:
				'Can use traditional `authorization_code` flow with client secrets; PKCE is optional but enhances security.',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://docs.vismasoftware.no/vismanetapi/developer-portal/interactive-integrations/#authorization-code-flow-steps',
			quote:
				'GET https://connect.visma.com/connect/authorize?client_id=YOUR_CLIENT_ID&response_type=code&scope=openid+email+profile',
			readOn: '2026-12-03',
			note: "'+' is an encoded space.",
		},
		refreshScopes: {
			page: 'https://docs.vismasoftware.no/vismanetapi/developer-portal/interactive-integrations/#application-types',
			quote: 'Capability: Eligible for refresh tokens when configured with `offline_access`.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			unconfirmed:
				"expires_in 3600 appears in a Visma-group product's example (api-docs.dev.viskan.com), not on the Visma.net / Visma Connect pages read.",
		},
		grants: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/application-registration/service-integrations/',
			quote:
				'These applications strictly make API calls and utilize the client_credentials OAuth2 grant type to acquire access tokens from the Authorization Server.',
			readOn: '2026-12-03',
			note: "Client credentials need a service application and the customer's tenant_id as an extra token parameter.",
		},
		clientCredentialsScopes: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/application-registration/service-integrations/#request-parameters',
			quote: 'scope: Specifies the scope of API access requested by your application.',
			readOn: '2026-12-03',
			note: "The row's defaults are OpenID scopes only, so client credentials send none unless the user types the service API scopes.",
		},
		apiBaseUrl: {
			page: 'https://docs.vismasoftware.no/vismanetapi/introduction/exploring-the-api/',
			quote: '[Visma Net ERP API](https://api.finance.visma.net/API-index/index.html)',
			readOn: '2026-12-03',
			note: "Visma Connect fronts many Visma APIs; the preset's base is the Visma Net ERP API.",
		},
		apiHosts: {
			page: 'https://docs.vismasoftware.no/vismanetapi/introduction/exploring-the-api/',
			quote:
				'[Visma Net ERP SalesOrder API](https://salesorder.visma.net/swagger/index.html) - [Visma Net ERP Journal Transactions API](https://journaltx.visma.net/swagger)',
			readOn: '2026-12-03',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no host.',
		},
		checkRequest: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/#endpoints',
			quote: 'Userinfo https://connect.visma.com/connect/userinfo',
			readOn: '2026-12-03',
			note: 'OpenID Connect userinfo, needs openid (a default scope). A client-credentials token has no user: no check on that grant.',
		},
		consoleSettings: {
			page: 'https://docs.vismasoftware.no/vismanetapi/developer-portal/interactive-integrations/#application-types',
			quote:
				'SPAs do not receive refresh tokens because they lack the capability for offline access.',
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://docs.vismasoftware.no/vismanetapi/authentication/#endpoints',
			quote: 'Discovery https://connect.visma.com/.well-known/openid-configuration',
			readOn: '2026-12-03',
			note: 'One Visma Connect identity provider for all tenants.',
		},
	},
	webflow: {
		authUrl: {
			page: 'https://developers.webflow.com/data/reference/eu-hosting#host-names',
			quote: 'Webflow app and OAuth authorization | webflow.com | eu.webflow.com',
			readOn: '2026-12-03',
			note: 'Row: Webflow Region field (US webflow.com, EU eu.webflow.com).',
		},
		tokenUrl: {
			page: 'https://developers.webflow.com/data/reference/eu-hosting#host-names',
			quote: 'Data API and OAuth token | api.webflow.com | api.eu.webflow.com',
			readOn: '2026-12-03',
			note: 'Row: Webflow Region field (US api.webflow.com, EU api.eu.webflow.com).',
		},
		tokenAuthMethod: {
			unconfirmed:
				"Row's unconfirmed item stands (client_id/client_secret in the body per Webflow SDK).",
			lead: 'https://developers.webflow.com/data/reference/oauth-app',
		},
		pkce: { unconfirmed: 'Not documented.' },
		scopeSeparator: { unconfirmed: 'Space-separated per Webflow SDK.' },
		refreshScopes: {
			unconfirmed:
				'Webflow issues no refresh token; access tokens do not expire until revoked/uninstalled (not confirmed from a stored page).',
		},
		tokenLifetimes: { unconfirmed: "Row's unconfirmed item stands." },
		grants: {
			unconfirmed: 'Only authorization code documented for apps; site/workspace tokens are static.',
			lead: 'https://developers.webflow.com/data/reference/oauth-app',
		},
		clientCredentialsScopes: { notApplicable: 'No client-credentials grant.' },
		apiBaseUrl: {
			page: 'https://developers.webflow.com/data/reference/eu-hosting#host-names',
			quote: 'For example, the EU Data API base URL is https://api.eu.webflow.com/v2',
			readOn: '2026-12-03',
			note: 'Row: Webflow Region field (https://api.eu.webflow.com/v2 for EU).',
		},
		apiHosts: {
			page: 'https://developers.webflow.com/data/reference/eu-hosting#host-names',
			quote:
				'Send EU tokens to api.eu.webflow.com. The US API rejects EU tokens, and the EU API rejects US tokens.',
			readOn: '2026-12-03',
			note: 'Row: the allowed domain is the region’s API host only.',
		},
		tokenResponseHost: {
			notApplicable: 'Token response names no host; the region must be chosen by the user.',
		},
		checkRequest: {
			unconfirmed:
				"Introspect is a row source; scope requirement not re-read. Must follow the region's API host.",
			lead: 'https://developers.webflow.com/data/reference/token/introspect',
		},
		consoleSettings: {
			page: 'https://developers.webflow.com/data/docs/working-with-eu-hosting#approval-for-external-eu-users',
			quote:
				"As in the US region, a new EU registration is available only to users in your app's workspace. External users can't authorize it until Webflow approves it.",
			readOn: '2026-12-03',
		},
		regions: {
			page: 'https://developers.webflow.com/data/reference/eu-hosting#host-names',
			quote:
				'Enterprise customers can host their Webflow workspaces in the EU. These workspaces run in a separate Webflow region, with their own accounts, sites, and data.',
			readOn: '2026-12-03',
			note: 'Row: Webflow Region field, US (the default) or EU.',
		},
	},
	whoop: {
		authUrl: {
			page: 'https://developer.whoop.com/docs/developing/oauth#authorization-url',
			quote: "This WHOOP URL prompts a user to authorize your app to access the WHOOP user's data.",
			readOn: '2026-12-03',
			note: 'The URL follows the sentence in the same section: https://api.prod.whoop.com/oauth/oauth2/auth.',
		},
		tokenUrl: {
			page: 'https://developer.whoop.com/docs/developing/oauth#token-url',
			quote: 'This endpoint provides an access token in exchange for the authorization code.',
			readOn: '2026-12-03',
			note: "The URL follows in the same section: https://api.prod.whoop.com/oauth/oauth2/token; the refresh tutorials use it too ('Refresh Token Endpoint: https://api.prod.whoop.com/oauth/oauth2/token').",
		},
		tokenAuthMethod: {
			page: 'https://developer.whoop.com/docs/tutorials/refresh-token-postman#making-the-request',
			quote:
				'In the Body section, select the "x-www-form-urlencoded" radio button. Fill in the following keys and values:',
			readOn: '2026-12-03',
			note: 'The keys listed include client_id and client_secret; the JavaScript tutorial (refresh-token-javascript) sends them in a URLSearchParams form body. No Basic header is shown.',
		},
		pkce: {
			unconfirmed:
				'The OAuth page (as stored) lists client ID, secret, URLs, redirect URL and state; code_challenge is not mentioned. Kept off.',
		},
		scopeSeparator: {
			page: 'https://developer.whoop.com/docs/tutorials/refresh-token-postman#receiving-the-response',
			quote: '"scope": "offline other-scopes-requested",',
			readOn: '2026-12-03',
			note: 'Scopes come back space-separated in the token response.',
		},
		refreshScopes: {
			page: 'https://developer.whoop.com/docs/tutorials/refresh-token-javascript#prerequisites',
			quote:
				'A refresh token is received along with an access token when completing the initial OAuth 2.0 flow, when the auth request includes the offline scope.',
			readOn: '2026-12-03',
			note: 'The refresh examples also send scope=offline on the refresh request; n8n sends none on refresh (the grant keeps its scopes).',
		},
		tokenLifetimes: {
			unconfirmed:
				'The refresh response carries a new refresh token (rotation) and "expires_in": 3600; the refresh token\'s own lifetime is not stated.',
			lead: 'https://developer.whoop.com/docs/tutorials/refresh-token-postman#receiving-the-response',
		},
		grants: {
			page: 'https://developer.whoop.com/docs/partner/authentication',
			quote: 'The Partner API uses a Trusted Partner OAuth 2.0 client credentials flow.',
			readOn: '2026-12-03',
			note: 'Client credentials exist only for Trusted Partners, at a separate endpoint (/developer/v2/partner/token) with a JSON body; the user API uses the authorization code.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials for the user API.',
		},
		apiBaseUrl: {
			unconfirmed:
				"The /developer/v2 prefix is seen on WHOOP's partner page; the user API reference (developer.whoop.com/api) was not readable in the stored copies.",
			lead: 'https://developer.whoop.com/docs/partner/authentication',
		},
		apiHosts: {
			page: 'https://developer.whoop.com/docs/developing/oauth#token-url',
			quote: 'This endpoint provides an access token in exchange for the authorization code.',
			readOn: '2026-12-03',
			note: 'The OAuth and API endpoints share api.prod.whoop.com.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no host.',
		},
		checkRequest: {
			unconfirmed:
				'GET /v2/user/profile/basic (scope read:profile) is seen only in third-party code; the API reference at developer.whoop.com/api was not readable in the stored copies.',
		},
		consoleSettings: {
			page: 'https://developer.whoop.com/docs/developing/oauth#redirect-url',
			quote: 'You must register the Redirect URL in the WHOOP Developer Dashboard.',
			readOn: '2026-12-03',
		},
		regions: {
			notApplicable: 'One API host.',
		},
	},
	wrike: {
		authUrl: {
			page: 'https://developers.wrike.com/oauth-20-authorization#oauth-20-authorization-flow',
			quote:
				'direct him to the following URL: https://login.wrike.com/oauth2/authorize/v4?client_id=<client_id>&response_type=code',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			unconfirmed:
				'The FAQ names the /oauth2/token call but not its host; the full URL login.wrike.com/oauth2/token is in the token-exchange step of the OAuth page, which the search excerpts did not reach. Keep. Re-tried 2026-12-03: every stored copy of developers.wrike.com/oauth-20-authorization stops in step 1 (authorize URL https://login.wrike.com/oauth2/authorize/v4).',
			lead: 'https://developers.wrike.com/faq#4-does-the-api-support-users-on-european-data-center-eu-dc',
		},
		tokenAuthMethod: {
			unconfirmed:
				'Token step (client_id/client_secret parameters) not reached in excerpts of developers.wrike.com/oauth-20-authorization; keep body.',
		},
		pkce: {
			unconfirmed:
				'No PKCE parameter in the authorize parameter table excerpt (client_id, response_type, redirect_uri, state, scope).',
		},
		scopeSeparator: {
			unconfirmed: 'Scope parameter description not reached in the excerpt; keep comma.',
		},
		refreshScopes: {
			page: 'https://developers.wrike.com/oauth-20-authorization',
			quote: 'At the moment, we support only authorization code flow.',
			readOn: '2026-12-03',
			note: 'No scope or parameter is needed for the refresh token (none documented).',
		},
		tokenLifetimes: {
			unconfirmed:
				"Lifetimes are in the token step of the OAuth page, not reached in excerpts. Third-party copies of Wrike's token-response example show expires_in 3600.",
		},
		grants: {
			page: 'https://developers.wrike.com/oauth-20-authorization',
			quote: 'At the moment, we support only authorization code flow.',
			readOn: '2026-12-03',
		},
		clientCredentialsScopes: { notApplicable: 'No client credentials grant.' },
		apiBaseUrl: {
			page: 'https://developers.wrike.com/faq#4-does-the-api-support-users-on-european-data-center-eu-dc',
			quote:
				'The web host for API endpoints differ depending on the datacenter that contains user’s data. For example, the “tasks” endpoint on EU DC will have URL https://app-eu.wrike.com/api/v4/tasks.',
			readOn: '2026-12-03',
			note: 'Row: relative paths go to the token response host under /api/v4.',
		},
		apiHosts: {
			page: 'https://developers.wrike.com/reference/getcontactsempty',
			quote:
				'"servers": [ { "url": "https://www.wrike.com/api/v4" }, { "url": "https://app-eu.wrike.com/api/v4" }, { "url": "https://app-us2.wrike.com/api/v4" } ]',
			readOn: '2026-12-03',
			note: "Covered by the row's *.wrike.com; app-us2 is a third data centre not named in the notes.",
		},
		tokenResponseHost: {
			page: 'https://developers.wrike.com/faq#4-does-the-api-support-users-on-european-data-center-eu-dc',
			quote:
				'Always use the “host” parameter obtained from /oauth2/token call to construct API endpoint URLs.',
			readOn: '2026-12-03',
			note: 'Row: relative paths go to the token response host under /api/v4.',
		},
		checkRequest: {
			page: 'https://developers.wrike.com/reference/getcontactsempty',
			quote:
				'"name": "me", "in": "query", "description": "If present - only contact info of requesting user is returned"',
			readOn: '2026-12-03',
			note: 'Row: relative paths go to the token response host under /api/v4.',
		},
		consoleSettings: {
			unconfirmed: 'No console setting affecting refresh tokens found in the excerpts.',
		},
		regions: {
			page: 'https://developers.wrike.com/reference/getcontactsempty',
			quote:
				'"url": "https://app-eu.wrike.com/api/v4" }, { "url": "https://app-us2.wrike.com/api/v4"',
			readOn: '2026-12-03',
			note: 'Row: the bare host of the token response (tokenResponseApiHost, *.wrike.com).',
		},
	},
	xero: {
		authUrl: {
			page: 'https://developer.xero.com/documentation/oauth2/auth-flow',
			quote:
				'1. Send a user to authorize your app Your app should direct users to the following url: https://login.xero.com/identity/connect/authorize?response_type=code&client_id=YOURCLIENTID',
			readOn: '2026-12-03',
			note: "Stored copy at the page's older address; developer.xero.com/documentation/guides/oauth2/auth-flow is the current one.",
		},
		tokenUrl: {
			unconfirmed:
				"Not re-read this round (row's source). Re-tried 2026-12-03: the stored copy of developer.xero.com/documentation/oauth2/auth-flow stops after step 1 (authorize URL, now confirmed).",
			lead: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
		},
		tokenAuthMethod: {
			unconfirmed: "Basic header per the auth-flow page (row's source); not re-read.",
			lead: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
		},
		pkce: {
			page: 'https://developer.xero.com/faq/custom-integration#how-do-i-build-a-machine-to-machine-integration',
			quote: 'you can still make use of Web or PKCE code flow',
			readOn: '2026-12-03',
		},
		scopeSeparator: { unconfirmed: 'Not re-read.' },
		refreshScopes: { unconfirmed: 'Row already has offline_access; not re-read this round.' },
		tokenLifetimes: {
			page: 'https://developer.xero.com/faq/custom-integration#will-you-support-long-lived-access-tokens',
			quote: 'All Xero access tokens expire after 30 minutes.',
			readOn: '2026-12-03',
			note: 'Refresh lifetime and rotation (new refresh token on each refresh) not re-read on a Xero page; keep marked unconfirmed in the row.',
		},
		grants: {
			page: 'https://developer.xero.com/faq/custom-integration#how-do-i-build-a-machine-to-machine-integration',
			quote:
				"If the organisation you're connecting to is in Australia, New Zealand, the UK or the US then you have the option of utilising our premium integration option Custom Connections.",
			readOn: '2026-12-03',
			note: 'Client credentials only for paid Custom Connections in AU/NZ/UK/US: the notice should say so.',
		},
		clientCredentialsScopes: {
			unconfirmed:
				"No Xero excerpt says which scopes a custom-connection token request may carry; the row's defaults include openid/profile/email/offline_access, which must not go on client credentials per issue 23 unless documented. Recommend dropping them for that grant.",
			lead: 'https://developer.xero.com/faq/custom-integration#will-you-support-long-lived-access-tokens',
		},
		apiBaseUrl: {
			unconfirmed:
				'Products live under paths (api.xro/2.0, payroll.xro, files.xro, projects.xro, assets.xro).',
		},
		apiHosts: {
			unconfirmed:
				'identity.xero.com serves /connect/userinfo (only needed if a userinfo check were used).',
		},
		tokenResponseHost: {
			notApplicable: 'Tenant is chosen by the xero-tenant-id header, not a host.',
		},
		checkRequest: {
			unconfirmed:
				'The FAQ suggests connection information is readable with client credentials; /connections itself not confirmed for that grant.',
			lead: 'https://developer.xero.com/faq/custom-integration#will-you-support-the-client-credentials-grant-type',
		},
		consoleSettings: {
			page: 'https://developer.xero.com/faq/custom-integration#how-do-i-build-a-machine-to-machine-integration',
			quote: 'premium integration option Custom Connections',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: Custom Connections are a paid (premium) option; the AU/NZ/UK/US limit is not in the quote and is left out',
		},
		regions: { notApplicable: 'Regions limit Custom Connections only; API host is global.' },
	},
	yandex: {
		authUrl: {
			page: 'https://yandex.com/dev/id/doc/en/codes/code-url',
			quote: 'https://oauth.yandex.com/authorize?response_type=code & client_id=<app ID>',
			readOn: '2026-12-03',
			note: "'Request format' of the confirmation code request; optional parameters include redirect_uri, scope, optional_scope, state, code_challenge.",
		},
		tokenUrl: {
			page: 'https://yandex.com/dev/id/doc/en/tokens/refresh-client#get-token',
			quote: 'POST /token HTTP/1.1 Host: https://oauth.yandex.com/',
			readOn: '2026-12-03',
			note: "The refresh request's format; the code exchange is a POST to the same Yandex OAuth token endpoint (code-url page: 'To switch the confirmation code for the OAuth token, the app must send a POST request'), whose request block is past the stored opening of that page.",
		},
		tokenAuthMethod: {
			page: 'https://yandex.com/dev/id/doc/en/tokens/refresh-client#get-token',
			quote: 'You can also pass the password and app ID in the authorization header.',
			readOn: '2026-12-03',
			note: "client_id and client_secret are body parameters, or 'Authorization: Basic <encoded string client_id:client_secret>'. The row sends them in the body.",
		},
		pkce: {
			page: 'https://yandex.com/dev/id/doc/en/codes/code-url',
			quote:
				'For enhanced protection when transmitting data, you can use parameters supported by the PKCE extension of the OAuth 2.0 protocol in your requests',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			unconfirmed:
				"The scope parameter's description is past the stored opening of the code-url page. The row asks for no scope by default: the token then carries the permissions chosen when the app was registered.",
		},
		refreshScopes: {
			page: 'https://yandex.com/dev/id/doc/en/tokens/refresh-client#get-token',
			quote:
				'The refresh token received from Yandex OAuth with an OAuth token. The tokens have the same lifetime.',
			readOn: '2026-12-03',
			note: 'A refresh token comes with every OAuth token; no scope asks for it.',
		},
		tokenLifetimes: {
			page: 'https://yandex.com/dev/id/doc/en/tokens/refresh-client',
			quote: 'Yandex OAuth returns a token and a new refresh token in the response body.',
			readOn: '2026-12-03',
			note: "Same page: 'The main token may not change when you update it ... We recommend updating long-lived tokens every three months.' The exact access lifetime (ya-oauth-intro#ttl) is past the stored opening of that page.",
		},
		grants: {
			page: 'https://yandex.com/dev/id/doc/en/codes/code-and-token',
			quote: 'Receiving a confirmation code from the user and passing the code to Yandex OAuth.',
			readOn: '2026-12-03',
			note: 'Yandex ID documents confirmation-code flows (from URL, typed by the user, device code) and refresh; no client credentials grant.',
		},
		clientCredentialsScopes: {
			notApplicable: 'No client credentials grant.',
		},
		apiBaseUrl: {
			page: 'https://yandex.ru/dev/id/doc/en/user-information#request-format',
			quote: 'GET https://login.yandex.ru/info?',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://yandex.ru/dev/id/doc/en/user-information#request-format',
			quote: 'GET https://login.yandex.ru/info?',
			readOn: '2026-12-03',
			note: 'The same token works for other Yandex APIs the app was granted (Direct: api.direct.yandex.com, ...): users add those hosts to the allowed domains.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host.',
		},
		checkRequest: {
			unconfirmed:
				"The user-information page documents the header as 'Authorization: OAuth <OAuth token>' and says any Yandex OAuth token may call it; n8n sends 'Authorization: Bearer <token>'. Yandex Direct documents the same Yandex OAuth tokens as 'Authorization: Bearer ...' (lead), but no Yandex ID page says /in...",
			lead: 'https://yandex.com/dev/direct/doc/en/concepts/headers',
		},
		consoleSettings: {
			page: 'https://yandex.com/dev/id/doc/en/register-api',
			quote: "You can't edit the redirect_uri value for apps that were created for API access.",
			readOn: '2026-12-03',
			note: "register-auth ('App registration for authorization', Step 2. App platforms): 'Redirect URI. The URL the user is sent to after they give the app permission to access their data.'",
		},
		regions: {
			notApplicable:
				'oauth.yandex.com and oauth.yandex.ru serve the same accounts; the English docs use .com.',
		},
	},
	zendesk: {
		authUrl: {
			unconfirmed:
				"Path from third-party guides and Airbyte's Zendesk notes ('https://{subdomain}.zendesk.com/oauth/authorizations/new'); Zendesk help text not captured.",
			lead: 'https://support.zendesk.com/hc/en-us/articles/4408845965210-Using-OAuth-authentication-with-your-application',
		},
		tokenUrl: {
			page: 'https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/',
			quote:
				'The application then exchanges this authorization code for an access token by sending a request to the /oauth/tokens endpoint',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			unconfirmed:
				"client_id/client_secret in a JSON body in Zendesk examples; form-encoded acceptance unconfirmed (row's item). Re-tried 2026-12-03: the stored grant_type_tokens page says the code is exchanged 'including the authorization_code, client_id, and, if using PKCE, the code_verifier'; its parameter table is not stored.",
			lead: 'https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/',
		},
		pkce: {
			page: 'https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/',
			quote:
				'When using PKCE, the initial authorization request must also include the code_challenge and code_challenge_method parameters.',
			readOn: '2026-12-03',
			note: "Confidential clients 'can use PKCE and/or the client secret' (help article, client types).",
		},
		scopeSeparator: { unconfirmed: 'Space-separated scopes (read write, granular scopes).' },
		refreshScopes: {
			page: 'https://support.zendesk.com/hc/en-us/articles/9182123625370',
			quote:
				'The flow is utilized by passing a valid refresh_token parameter to the /oauth/tokens endpoint using grant_type: refresh_token to generate a new OAuth access token.',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://support.zendesk.com/hc/en-us/articles/9182123625370#what-is-changing',
			quote:
				'A successful request will also return a refresh token and delete the previous access and refresh tokens.',
			readOn: '2026-12-03',
			note: 'Refresh flow required for Marketplace apps by January 31, 2026 and for all customers by April 30, 2026. Defaults (row: 30 min / 30 days from a digest) remain unconfirmed.',
		},
		grants: {
			page: 'https://support.zendesk.com/hc/en-us/articles/4408845965210-Using-OAuth-authentication-with-your-application',
			quote: 'Zendesk also supports the client credentials',
			readOn: '2026-12-03',
			note: 'Help article intro (truncated in the stored copy).',
		},
		clientCredentialsScopes: {
			unconfirmed: 'Client-credentials request details not in the stored excerpts.',
		},
		apiBaseUrl: { unconfirmed: 'Zendesk Support API base; not re-read today.' },
		apiHosts: {
			unconfirmed:
				'No Zendesk page names the redirect host (zdusercontent.com is unconfirmed); kept out.',
			lead: 'https://developer.zendesk.com/documentation/ticketing/managing-tickets/accessing-end-user-uploaded-attachments/',
		},
		tokenResponseHost: { notApplicable: 'No host in token response.' },
		checkRequest: {
			unconfirmed:
				'users/me returns the anonymous user rather than 401 when a token has no user, so the check could pass without proving access; for client credentials a ticket read (e.g. /api/v2/tickets/count.json, tickets:read) may be a better check. Not confirmed from a stored page.',
		},
		consoleSettings: {
			unconfirmed: 'Help article text in the stored English copy was truncated.',
			lead: 'https://support.zendesk.com/hc/en-us/articles/4408845965210-Using-OAuth-authentication-with-your-application',
		},
		regions: { notApplicable: 'Per-subdomain host; no regional hosts.' },
	},
	zitadel: {
		authUrl: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#authorization_endpoint',
			quote: '`${CUSTOM_DOMAIN}/oauth/v2/authorize`',
			readOn: '2026-12-03',
			note: 'Read in zitadel/zitadel docs/docs/apis/openidoauth/endpoints.mdx; CUSTOM_DOMAIN is the instance domain (<instance>.zitadel.cloud or a custom domain).',
		},
		tokenUrl: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#token_endpoint',
			quote: '`${CUSTOM_DOMAIN}/oauth/v2/token`',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#authorization-code-grant-code-exchange',
			quote: 'Send your `client_id` and `client_secret` as Basic Auth Header.',
			readOn: '2026-12-03',
			note: "client_secret_basic is the default tab; client_secret_post is also listed. The application's Authentication Method in the console (Basic vs Post) must match.",
		},
		pkce: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#authorization_endpoint',
			quote: 'Method used to generate the challenge, must be `S256`',
			readOn: '2026-12-03',
		},
		scopeSeparator: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#authorization_endpoint',
			quote:
				'`openid` is required, see Scopes for more possible values. Scopes are space delimited, e.g. `openid email profile`',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			page: 'https://zitadel.com/docs/apis/openidoauth/scopes#standard-scopes',
			quote: 'Optional scope to request a refresh_token (only possible when using code flow)',
			readOn: '2026-12-03',
			note: "Token response: 'refresh_token | An opaque token. Only returned if `offline_access` scope was requested'.",
		},
		tokenLifetimes: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#token-refresh-response',
			quote: 'An new opaque refresh_token.',
			readOn: '2026-12-03',
			note: 'Each refresh returns a new refresh token. The default lifetimes (instance OIDC token lifetime settings) were not read on a stored page.',
		},
		grants: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#client-credentials-grant',
			quote: 'Must be `client_credentials`',
			readOn: '2026-12-03',
			note: 'Client credentials are for service users (their own client ID and secret).',
		},
		clientCredentialsScopes: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#client-credentials-grant',
			quote:
				'Scopes you would like to request from ZITADEL. Scopes are space delimited, e.g. `openid profile`',
			readOn: '2026-12-03',
			note: 'scope is in the required parameters of the client credentials request; no offline_access (refresh tokens only with the code flow).',
		},
		apiBaseUrl: {
			unconfirmed:
				"ZITADEL's own APIs are on the same domain but need the ZITADEL project audience scope (urn:zitadel:iam:org:project:id:zitadel:aud); no page read names a base for relative paths.",
		},
		apiHosts: {
			unconfirmed: 'All endpoints are under ${CUSTOM_DOMAIN}; one host.',
		},
		tokenResponseHost: {
			notApplicable: 'The token response names no API host; the host is the user-supplied field.',
		},
		checkRequest: {
			page: 'https://zitadel.com/docs/apis/openidoauth/endpoints#userinfo_endpoint',
			quote: '`${CUSTOM_DOMAIN}/oidc/v1/userinfo`',
			readOn: '2026-12-03',
			note: "'Send the access_token of the user (not the client)': no check on client credentials.",
		},
		consoleSettings: {
			page: 'https://zitadel.com/docs/guides/manage/console/applications#application-settings',
			quote:
				'After creating the application, you can still change its configuration if you for example need a offline_access support (Refresh token).',
			readOn: '2026-12-03',
			note: "Same page, Redirect URIs: 'App Types with User interaction (Web, Native and User Agent) require redirect URIs.' The authentication method names are in the page's AuthType include, not read.",
		},
		regions: {
			notApplicable:
				'Self-hosted or ZITADEL Cloud: the instance domain the user enters already fixes the region.',
		},
	},
	zoho: {
		authUrl: {
			page: 'https://www.zoho.com/invoice/api/v3/oauth/#step-2-generating-grant-token',
			quote:
				'Redirect to the following authorization URL with the given params https://accounts.zoho.com/oauth/v2/auth?',
			readOn: '2026-12-03',
		},
		tokenUrl: {
			page: 'https://zoho.com/accounts/protocol/oauth/devices/refresh-access-token.html#endpoint',
			quote:
				'POST {accounts-server-url}/oauth/v2/token Note: The accounts-server-url is specific to the location (i.e., datacenter) where the user is present.',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://zoho.com/accounts/protocol/oauth/devices/refresh-access-token.html#query-parameters',
			quote:
				'client_secret required The unique secret for your app which is known only to your app and Zoho.',
			readOn: '2026-12-03',
			note: "Documented as query parameters on the POST; form body (what n8n sends) is the row's assumption.",
		},
		pkce: { unconfirmed: 'Mobile-applications page (row source) not re-read.' },
		scopeSeparator: {
			page: 'https://zoho.com/crm/developer/docs/api/v4/client-credentials.html#parameters',
			quote: 'Multiple scopes can be given in comma separated format.',
			readOn: '2026-12-03',
		},
		refreshScopes: {
			unconfirmed: 'Row sends both as authorize parameters; not re-read this session.',
		},
		tokenLifetimes: {
			page: 'https://www.zoho.com/fsm/developer/help/api/refresh-token.html',
			quote:
				'when the user creates the 21st refresh token, the system deletes the first created refresh token.',
			readOn: '2026-12-03',
			note: 'access 1 h; refresh does not expire, at most 20 per user',
		},
		grants: {
			page: 'https://zoho.com/accounts/protocol/oauth/self-client/overview.html',
			quote:
				"In the client credentials grant flow, you will need to provide your client credentials to get an access token. A refresh token won't be provided.",
			readOn: '2026-12-03',
			note: 'Client credentials only for a Self Client.',
		},
		clientCredentialsScopes: {
			page: 'https://zoho.com/accounts/protocol/oauth/self-client/client-credentials-flow.html#query-parameters',
			quote:
				'soid required based on the Zoho app ... (Tip: If the request sent without this parameter throws the exception missing_org_info, then this parameter must be sent.)',
			readOn: '2026-12-03',
			note: "Row's notes mention soid; CRM (the default scopes) needs it.",
		},
		apiBaseUrl: {
			page: 'https://www.zoho.com/fsm/developer/help/api/refresh-token.html',
			quote: '"api_domain": "https://www.zohoapis.com"',
			readOn: '2026-12-03',
		},
		apiHosts: {
			page: 'https://www.zoho.com/thrive/resources/api/oauth-step4.html',
			quote:
				"Though the value will contain the zohoapis domain, the client application must use your Creator account's base URL in its API requests.",
			readOn: '2026-12-03',
			note: 'Some products ignore api_domain and use their own hosts (row already lists them; desk/mail/projectsapi unconfirmed).',
		},
		tokenResponseHost: {
			page: 'https://zoho.com/accounts/protocol/oauth/devices/refresh-access-token.html#response-parameters',
			quote:
				'api_domain The domain to which your app needs to make API requests, for accessing the protected',
			readOn: '2026-12-03',
			note: 'Row has tokenResponseApiHost api_domain with ZOHO_API_HOSTS.',
		},
		checkRequest: { unconfirmed: 'CurrentUser for a Self Client token not confirmed.' },
		consoleSettings: {
			page: 'https://www.zoho.com/fsm/developer/help/api/refresh-token.html',
			quote: 'A "User" in an organization can have a maximum of 20 refresh tokens.',
			readOn: '2026-12-03',
			note: 'fixed in the row: notes: at most 20 refresh tokens per user, the oldest deleted',
		},
		regions: {
			page: 'https://www.zoho.com/fsm/developer/help/api/refresh-token.html',
			quote: 'For CA: https://accounts.zohocloud.ca ... For SA: https://accounts.zoho.sa',
			readOn: '2026-12-03',
			note: 'UK (zoho.uk / zohoapis.uk) and UAE (zoho.ae) remain unconfirmed per the row.',
		},
	},
	zoom: {
		authUrl: {
			page: 'https://github.com/zoom/skills/blob/1c10739bda8b6199ac107be0b200184750ef5bfa/skills/oauth/concepts/oauth-flows.md#zoom-oauth-flows',
			quote:
				'Endpoint split to remember: - Authorization URL: `https://zoom.us/oauth/authorize` - Token URL: `https://zoom.us/oauth/token`',
			readOn: '2026-12-03',
			note: "Zoom's own OAuth documentation for agents (github.com/zoom/skills); its User Authorization OAuth section redirects to https://zoom.us/oauth/authorize with response_type=code. The stored copy of developers.zoom.us/docs/integrations/oauth/ stops before the user flow.",
		},
		tokenUrl: {
			page: 'https://devsupport.zoom.us/hc/en-us/articles/360060332931-Extending-the-expiration-for-an-OAuth-access-token',
			quote:
				'make a POST request to https://zoom.us/oauth/token with the following query params and authorization header',
			readOn: '2026-12-03',
		},
		tokenAuthMethod: {
			page: 'https://devsupport.zoom.us/hc/en-us/articles/360060332931-Extending-the-expiration-for-an-OAuth-access-token',
			quote:
				"Authorization | The string 'Basic' with your Client ID and Client Secret with a colon : in between, Base64 Encoded.",
			readOn: '2026-12-03',
		},
		pkce: {
			unconfirmed: "the page was not quoted this round: Row's source; not re-read.",
			lead: 'https://developers.zoom.us/blog/pcke-oauth-with-postman-rest-api/',
		},
		scopeSeparator: {
			unconfirmed:
				"Scopes are configured on the app and the authorize request needs none (defaultScopes []); the row's ',' is never used unless the user types scopes, and OAuth 2.0 default is space. Not confirmed on a Zoom page either way.",
		},
		refreshScopes: {
			page: 'https://devsupport.zoom.us/hc/en-us/articles/360060332931-Extending-the-expiration-for-an-OAuth-access-token',
			quote:
				'Once you have an active OAuth Access Token and Refresh Token, make a POST request to https://zoom.us/oauth/token',
			readOn: '2026-12-03',
		},
		tokenLifetimes: {
			page: 'https://devsupport.zoom.us/hc/en-us/articles/360060332931-Extending-the-expiration-for-an-OAuth-access-token',
			quote:
				'Refresh tokens expire after 15 years, however, the latest refresh token must always be used for the next refresh request. If you use an prior refresh token to make a Refresh Request, you will recei...',
			readOn: '2026-12-03',
			note: 'access 1 h; refresh 15 years, rotating',
		},
		grants: {
			unconfirmed:
				'the page was not quoted this round: Row: clientCredentials false with a note to use Extra Token Parameters for account_credentials; S2S tokens have no refresh token. Page not re-read.',
			lead: 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/',
		},
		clientCredentialsScopes: { notApplicable: 'Scopes come from the S2S app.' },
		apiBaseUrl: {
			unconfirmed: 'the page was not quoted this round: Row value.',
			lead: 'https://developers.zoom.us/docs/api/',
		},
		apiHosts: {
			unconfirmed:
				"The quote was read in a third-party copy of Zoom's OpenAPI (api-docs.integration.app), not on a Zoom page; zoom.us is kept out until a Zoom page states it.",
			lead: 'https://developers.zoom.us/docs/api/rest/reference/zoom-api/methods/#operation/recordingsList',
		},
		tokenResponseHost: { notApplicable: 'No host in the token response.' },
		checkRequest: {
			unconfirmed:
				"Depends on the scopes the user ticks in the app (defaults are empty); for S2S (account_credentials) 'me' is not valid.",
		},
		consoleSettings: {
			page: 'https://developers.zoom.us/docs/integrations/oauth/',
			readOn: '2026-12-03',
			note: "Row's setupHint covers this.",
		},
		regions: {
			unconfirmed: 'ZoomGov hosts not read on a Zoom page this round; row offers only zoom.us.',
		},
	},
};
