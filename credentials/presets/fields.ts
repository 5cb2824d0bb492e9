/**
 * The fields a preset's templates may use (`{fieldKey}`), what each may hold, and the placeholders
 * derived from one (a Microsoft cloud gives its sign-in and Graph hosts).
 */
import type { PresetField, PresetFieldKind } from './types';

/** The Microsoft clouds: where users sign in and where Graph lives (learn.microsoft.com/graph/deployments). */
export const MICROSOFT_CLOUDS = [
	{
		name: 'Global (login.microsoftonline.com, graph.microsoft.com)',
		value: 'global',
		loginHost: 'login.microsoftonline.com',
		graphHost: 'graph.microsoft.com',
		// File downloads answer 302 to the file's SharePoint or OneDrive host
		// (learn.microsoft.com/en-us/graph/api/driveitem-get-content#response).
		sharePointHost: '*.sharepoint.com',
		oneDriveFileHost: '*.files.1drv.com',
	},
	{
		name: 'US Government L4 / GCC High (login.microsoftonline.us, graph.microsoft.us)',
		value: 'usGovernmentL4',
		loginHost: 'login.microsoftonline.us',
		graphHost: 'graph.microsoft.us',
		// The national clouds' SharePoint hosts are not on a Microsoft page: nothing beyond Graph.
		sharePointHost: 'graph.microsoft.us',
		oneDriveFileHost: 'graph.microsoft.us',
	},
	{
		name: 'US Government L5 / DoD (login.microsoftonline.us, dod-graph.microsoft.us)',
		value: 'usGovernmentL5',
		loginHost: 'login.microsoftonline.us',
		graphHost: 'dod-graph.microsoft.us',
		sharePointHost: 'dod-graph.microsoft.us',
		oneDriveFileHost: 'dod-graph.microsoft.us',
	},
	{
		name: 'China, operated by 21Vianet (login.chinacloudapi.cn, microsoftgraph.chinacloudapi.cn)',
		value: 'china',
		loginHost: 'login.chinacloudapi.cn',
		graphHost: 'microsoftgraph.chinacloudapi.cn',
		sharePointHost: 'microsoftgraph.chinacloudapi.cn',
		oneDriveFileHost: 'microsoftgraph.chinacloudapi.cn',
	},
] as const;

/**
 * Webflow's regions: an EU workspace, its app and its tokens live on EU hosts, and each region's API
 * rejects the other's tokens (developers.webflow.com/data/reference/eu-hosting#host-names).
 */
export const WEBFLOW_REGIONS = [
	{
		name: 'US (webflow.com, api.webflow.com)',
		value: 'us',
		appHost: 'webflow.com',
		apiHost: 'api.webflow.com',
	},
	{
		name: 'EU (eu.webflow.com, api.eu.webflow.com)',
		value: 'eu',
		appHost: 'eu.webflow.com',
		apiHost: 'api.eu.webflow.com',
	},
] as const;

/** Login with Amazon's token endpoint per region (developer.amazon.com/docs/amazon-data-portability/lwa-access-token.html). */
export const AMAZON_REGIONS = [
	{ name: 'North America (api.amazon.com)', value: 'na', tokenHost: 'api.amazon.com' },
	{ name: 'Europe (api.amazon.co.uk)', value: 'eu', tokenHost: 'api.amazon.co.uk' },
	{ name: 'Far East (api.amazon.co.jp)', value: 'fe', tokenHost: 'api.amazon.co.jp' },
] as const;

/**
 * QuickBooks' environments: one sign-in, but sandbox companies are served and checked on hosts of
 * their own (developer.intuit.com/.well-known/openid-sandbox-configuration).
 */
export const QUICKBOOKS_ENVIRONMENTS = [
	{
		name: 'Production (quickbooks.api.intuit.com)',
		value: 'production',
		apiHost: 'quickbooks.api.intuit.com',
		accountsHost: 'accounts.platform.intuit.com',
	},
	{
		name: 'Sandbox (sandbox-quickbooks.api.intuit.com)',
		value: 'sandbox',
		apiHost: 'sandbox-quickbooks.api.intuit.com',
		accountsHost: 'sandbox-accounts.platform.intuit.com',
	},
] as const;

/** The Datadog sites: the web host users sign in on and the API host of the same site (docs.datadoghq.com/api). */
export const DATADOG_SITES = [
	{ name: 'US1 (app.datadoghq.com)', value: 'app.datadoghq.com', apiHost: 'api.datadoghq.com' },
	{ name: 'US3 (us3.datadoghq.com)', value: 'us3.datadoghq.com', apiHost: 'api.us3.datadoghq.com' },
	{ name: 'US5 (us5.datadoghq.com)', value: 'us5.datadoghq.com', apiHost: 'api.us5.datadoghq.com' },
	{ name: 'EU1 (app.datadoghq.eu)', value: 'app.datadoghq.eu', apiHost: 'api.datadoghq.eu' },
	{
		name: 'AP1 (Japan) (ap1.datadoghq.com)',
		value: 'ap1.datadoghq.com',
		apiHost: 'api.ap1.datadoghq.com',
	},
	{
		name: 'AP2 (Australia) (ap2.datadoghq.com)',
		value: 'ap2.datadoghq.com',
		apiHost: 'api.ap2.datadoghq.com',
	},
	{ name: 'UK1 (uk1.datadoghq.com)', value: 'uk1.datadoghq.com', apiHost: 'api.uk1.datadoghq.com' },
	{ name: 'US1-FED (app.ddog-gov.com)', value: 'app.ddog-gov.com', apiHost: 'api.ddog-gov.com' },
	{
		name: 'US2-FED (us2.ddog-gov.com)',
		value: 'us2.ddog-gov.com',
		apiHost: 'api.us2.ddog-gov.com',
	},
] as const;

export const PRESET_FIELDS = {
	microsoftCloud: {
		displayName: 'Microsoft Cloud',
		kind: 'option',
		description:
			'The national cloud your tenant lives in: it sets the sign-in host, the Graph host and the host of the Graph scopes. GCC (moderate) uses Global.',
		default: 'global',
		options: MICROSOFT_CLOUDS.map(({ name, value }) => ({ name, value })),
		sample: 'usGovernmentL5',
	},
	tenant: {
		displayName: 'Tenant',
		kind: 'tenant',
		description:
			'Directory (tenant) ID or domain from the Azure portal; "common" lets any work or personal account sign in, "organizations" only work accounts. Client credentials need your tenant ID or domain.',
		placeholder: 'e.g. contoso.onmicrosoft.com',
		default: 'common',
		sample: 'contoso.onmicrosoft.com',
	},
	salesforceLoginHost: {
		displayName: 'Salesforce Login',
		kind: 'hostname',
		description:
			'Where users sign in: login.salesforce.com (production), test.salesforce.com (sandbox) or your My Domain host, without https://',
		placeholder: 'e.g. acme.my.salesforce.com',
		default: 'login.salesforce.com',
		sample: 'test.salesforce.com',
	},
	salesforceInstance: {
		displayName: 'Salesforce Instance',
		kind: 'hostname',
		description:
			'Your org host for API calls (My Domain), without https://. Used only when the token response has no instance_url: leave empty for Authorization Code, fill in for client credentials.',
		placeholder: 'e.g. acme.my.salesforce.com',
		default: '',
		sample: 'acme.my.salesforce.com',
	},
	serviceNowInstance: {
		displayName: 'ServiceNow Instance',
		kind: 'dnsLabel',
		description: 'The instance name: the part before .service-now.com',
		placeholder: 'e.g. dev12345',
		default: '',
		sample: 'dev12345',
	},
	genesysRegion: {
		displayName: 'Genesys Cloud Region',
		kind: 'option',
		description: 'The domain of your Genesys Cloud region (the login host without "login.")',
		default: 'mypurecloud.com',
		options: [
			{ name: 'Americas (US East) - mypurecloud.com', value: 'mypurecloud.com' },
			{
				name: 'Americas (US East 2, FedRAMP) - use2.us-gov-pure.cloud',
				value: 'use2.us-gov-pure.cloud',
			},
			{ name: 'Americas (US West) - usw2.pure.cloud', value: 'usw2.pure.cloud' },
			{ name: 'Americas (Canada) - cac1.pure.cloud', value: 'cac1.pure.cloud' },
			{ name: 'Americas (Mexico) - mxc1.pure.cloud', value: 'mxc1.pure.cloud' },
			{ name: 'Americas (São Paulo) - sae1.pure.cloud', value: 'sae1.pure.cloud' },
			{ name: 'EMEA (Dublin) - mypurecloud.ie', value: 'mypurecloud.ie' },
			{ name: 'EMEA (Frankfurt) - mypurecloud.de', value: 'mypurecloud.de' },
			{ name: 'EMEA (London) - euw2.pure.cloud', value: 'euw2.pure.cloud' },
			{ name: 'EMEA (Zurich) - euc2.pure.cloud', value: 'euc2.pure.cloud' },
			{ name: 'EMEA (UAE) - mec1.pure.cloud', value: 'mec1.pure.cloud' },
			{ name: 'Asia Pacific (Mumbai) - aps1.pure.cloud', value: 'aps1.pure.cloud' },
			{ name: 'Asia Pacific (Singapore) - apse1.pure.cloud', value: 'apse1.pure.cloud' },
			{ name: 'Asia Pacific (Seoul) - apne2.pure.cloud', value: 'apne2.pure.cloud' },
			{ name: 'Asia Pacific (Sydney) - mypurecloud.com.au', value: 'mypurecloud.com.au' },
			{ name: 'Asia Pacific (Tokyo) - mypurecloud.jp', value: 'mypurecloud.jp' },
			{ name: 'Asia Pacific (Osaka) - apne3.pure.cloud', value: 'apne3.pure.cloud' },
		],
		sample: 'mypurecloud.ie',
	},
	zohoDataCenter: {
		displayName: 'Zoho Data Centre',
		kind: 'option',
		description:
			'The accounts domain of the data centre your Zoho account lives in (where you sign in)',
		default: 'zoho.com',
		options: [
			{ name: 'United States (zoho.com)', value: 'zoho.com' },
			{ name: 'Europe (zoho.eu)', value: 'zoho.eu' },
			{ name: 'India (zoho.in)', value: 'zoho.in' },
			{ name: 'Australia (zoho.com.au)', value: 'zoho.com.au' },
			{ name: 'Japan (zoho.jp)', value: 'zoho.jp' },
			{ name: 'Canada (zohocloud.ca)', value: 'zohocloud.ca' },
			{ name: 'China (zoho.com.cn)', value: 'zoho.com.cn' },
			{ name: 'Saudi Arabia (zoho.sa)', value: 'zoho.sa' },
			{ name: 'United Kingdom (zoho.uk)', value: 'zoho.uk' },
		],
		sample: 'zoho.eu',
	},
	zohoApiDomain: {
		displayName: 'Zoho API Domain',
		kind: 'option',
		description:
			'The API domain of the same data centre, used when the token response has no api_domain; Canada signs in at zohocloud.ca but calls zohoapis.ca',
		default: 'zohoapis.com',
		options: [
			{ name: 'United States (zohoapis.com)', value: 'zohoapis.com' },
			{ name: 'Europe (zohoapis.eu)', value: 'zohoapis.eu' },
			{ name: 'India (zohoapis.in)', value: 'zohoapis.in' },
			{ name: 'Australia (zohoapis.com.au)', value: 'zohoapis.com.au' },
			{ name: 'Japan (zohoapis.jp)', value: 'zohoapis.jp' },
			{ name: 'Canada (zohoapis.ca)', value: 'zohoapis.ca' },
			{ name: 'China (zohoapis.com.cn)', value: 'zohoapis.com.cn' },
			{ name: 'Saudi Arabia (zohoapis.sa)', value: 'zohoapis.sa' },
			{ name: 'United Kingdom (zohoapis.uk)', value: 'zohoapis.uk' },
		],
		sample: 'zohoapis.eu',
	},
	apigeeHost: {
		displayName: 'Apigee API Host',
		kind: 'hostname',
		pattern: {
			regex: /^(?:[a-z0-9]+-)?apigee\.googleapis\.com$/i,
			expected:
				'apigee.googleapis.com or a control-plane location host such as eu-apigee.googleapis.com',
		},
		description:
			'apigee.googleapis.com, or with data residency your control-plane location’s service endpoint (e.g. us-apigee.googleapis.com, eu-apigee.googleapis.com), without https://',
		placeholder: 'e.g. eu-apigee.googleapis.com',
		default: 'apigee.googleapis.com',
		sample: 'ca-apigee.googleapis.com',
	},
	apigeeOrganization: {
		displayName: 'Apigee Organization',
		kind: 'pathSegment',
		description: 'The Apigee organization name, usually your Google Cloud project ID',
		placeholder: 'e.g. my-gcp-project',
		default: '',
		sample: 'my-gcp-project',
	},
	auth0Domain: {
		displayName: 'Auth0 Domain',
		kind: 'hostname',
		description: 'Your Auth0 tenant domain or custom domain, without https://',
		placeholder: 'e.g. acme.us.auth0.com',
		default: '',
		sample: 'acme.us.auth0.com',
	},
	autheliaHost: {
		displayName: 'Authelia Host',
		kind: 'hostname',
		description: 'The host of your Authelia portal (its OpenID Connect issuer), without https://',
		placeholder: 'e.g. auth.example.com',
		default: '',
		sample: 'auth.example.com',
	},
	authentikHost: {
		displayName: 'authentik Host',
		kind: 'hostname',
		description:
			'The host of your authentik server (with its port if it has one), without https://',
		placeholder: 'e.g. auth.example.com',
		default: '',
		sample: 'auth.example.com',
	},
	cognitoDomain: {
		displayName: 'Cognito User Pool Domain',
		kind: 'hostname',
		description:
			'The domain of your user pool (App integration > Domain), without https://: the prefix domain <prefix>.auth.<region>.amazoncognito.com or your custom domain',
		placeholder: 'e.g. acme.auth.us-east-1.amazoncognito.com',
		default: '',
		sample: 'acme.auth.eu-west-1.amazoncognito.com',
	},
	datadogSite: {
		displayName: 'Datadog Site',
		kind: 'option',
		description:
			'The Datadog site your organization lives on: the host in your browser when you use Datadog (it sets the sign-in host and the API host)',
		default: 'app.datadoghq.com',
		options: DATADOG_SITES.map(({ name, value }) => ({ name, value })),
		sample: 'app.datadoghq.eu',
	},
	docuSignAccountHost: {
		displayName: 'DocuSign Environment',
		kind: 'option',
		description: 'The DocuSign account server: production or the developer (demo) environment',
		default: 'account.docusign.com',
		options: [
			{ name: 'Production (account.docusign.com)', value: 'account.docusign.com' },
			{ name: 'Developer / Demo (account-d.docusign.com)', value: 'account-d.docusign.com' },
		],
		sample: 'account-d.docusign.com',
	},
	forgejoHost: {
		displayName: 'Forgejo Host',
		kind: 'hostname',
		description:
			'codeberg.org, or the host of your Forgejo instance (with its port if it has one), without https://',
		placeholder: 'e.g. git.example.com',
		default: '',
		sample: 'codeberg.org',
	},
	fusionAuthHost: {
		displayName: 'FusionAuth Host',
		kind: 'hostname',
		description:
			'The host of your FusionAuth instance (with its port if it has one, e.g. auth.example.com:9011) or your FusionAuth Cloud host, without https://',
		placeholder: 'e.g. acme.fusionauth.io',
		default: '',
		sample: 'auth.example.com:9011',
	},
	giteaHost: {
		displayName: 'Gitea Host',
		kind: 'hostname',
		description: 'The host of your Gitea instance (with its port if it has one), without https://',
		placeholder: 'e.g. gitea.example.com',
		default: '',
		sample: 'gitea.example.com:3000',
	},
	gitHubHost: {
		displayName: 'GitHub Host',
		kind: 'hostname',
		pattern: {
			regex: /^(?:github\.com|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.ghe\.com)$/i,
			expected: 'github.com or a GHE.com host (<subdomain>.ghe.com)',
		},
		description:
			'github.com, or for GitHub Enterprise Cloud with data residency your <subdomain>.ghe.com, without https://',
		placeholder: 'e.g. octocorp.ghe.com',
		default: 'github.com',
		sample: 'octocorp.ghe.com',
	},
	gitlabHost: {
		displayName: 'GitLab Host',
		kind: 'hostname',
		description:
			'gitlab.com, or the host of your self-managed GitLab (with its port if it has one), without https://',
		placeholder: 'e.g. gitlab.example.com',
		default: 'gitlab.com',
		sample: 'gitlab.example.com',
	},
	keycloakHost: {
		displayName: 'Keycloak Host',
		kind: 'hostname',
		pathSuffixes: ['/auth'],
		description:
			'The host of your Keycloak server (with its port if it has one), without https://; for Keycloak 16 and older add the /auth path (e.g. sso.example.com:8443/auth)',
		placeholder: 'e.g. sso.example.com',
		default: '',
		sample: 'sso.example.com',
	},
	keycloakRealm: {
		displayName: 'Keycloak Realm',
		kind: 'pathSegment',
		description: 'The realm your client is registered in',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme',
	},
	kindeDomain: {
		displayName: 'Kinde Domain',
		kind: 'hostname',
		description:
			'Your Kinde business domain (<subdomain>.kinde.com) or custom domain, without https://',
		placeholder: 'e.g. acme.kinde.com',
		default: '',
		sample: 'acme.kinde.com',
	},
	logtoHost: {
		displayName: 'Logto Endpoint Host',
		kind: 'hostname',
		description:
			'Your Logto endpoint without https://: the Logto Cloud tenant host (<tenant-id>.logto.app), its custom domain, or your self-hosted Logto host',
		placeholder: 'e.g. abc123.logto.app',
		default: '',
		sample: 'abc123.logto.app',
	},
	mailchimpDataCenter: {
		displayName: 'Mailchimp Data Center',
		kind: 'dnsLabel',
		description:
			'The prefix of your Mailchimp URL (us6 in us6.admin.mailchimp.com); also the dc of https://login.mailchimp.com/oauth2/metadata',
		placeholder: 'e.g. us6',
		default: '',
		sample: 'us6',
	},
	mastodonHost: {
		displayName: 'Mastodon Server',
		kind: 'hostname',
		description: 'The domain of your Mastodon server, without https:// (e.g. mastodon.social)',
		placeholder: 'e.g. mastodon.social',
		default: '',
		sample: 'mastodon.example',
	},
	mattermostHost: {
		displayName: 'Mattermost Host',
		kind: 'hostname',
		description:
			'The host of your Mattermost server or Mattermost Cloud workspace (with its port if it has one), without https://',
		placeholder: 'e.g. chat.example.com',
		default: '',
		sample: 'acme.cloud.mattermost.com',
	},
	oktaAuthServerId: {
		displayName: 'Okta Authorization Server ID',
		kind: 'pathSegment',
		description:
			'The ID of your custom authorization server (Security > API > Authorization Servers); "default" is the one every Okta org has',
		placeholder: 'e.g. aus1a2b3c4d5e6f7g8h9',
		default: 'default',
		sample: 'aus1a2b3c4d5e6f7g8h9',
	},
	oktaDomain: {
		displayName: 'Okta Domain',
		kind: 'hostname',
		description: 'Your Okta org domain or custom domain, without https://',
		placeholder: 'e.g. dev-123456.okta.com',
		default: '',
		sample: 'dev-123456.okta.com',
	},
	oneLoginSubdomain: {
		displayName: 'OneLogin Subdomain',
		kind: 'dnsLabel',
		description: 'The part before .onelogin.com in your OneLogin URL (acme for acme.onelogin.com)',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme-sso',
	},
	dynamicsOrgHost: {
		displayName: 'Dynamics 365 / Dataverse Environment Host',
		kind: 'hostname',
		description:
			'Your environment URL host, without https:// (Power Platform admin center > Environments): e.g. contoso.crm.dynamics.com or contoso.crm4.dynamics.com; GCC High *.crm.microsoftdynamics.us, DoD *.crm.appsplatform.us, China *.crm.dynamics.cn',
		placeholder: 'e.g. contoso.crm.dynamics.com',
		default: '',
		sample: 'contoso.crm4.dynamics.com',
	},
	gorgiasSubdomain: {
		displayName: 'Gorgias Subdomain',
		kind: 'dnsLabel',
		description: 'The part before .gorgias.com in your helpdesk URL (acme for acme.gorgias.com)',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme-support',
	},
	oryProjectHost: {
		displayName: 'Ory Project Host',
		kind: 'hostname',
		description:
			"Your Ory Network project host (<project-slug>.projects.oryapis.com) or the project's custom domain, without https://",
		placeholder: 'e.g. upbeat-shtern-abc123.projects.oryapis.com',
		default: '',
		sample: 'upbeat-shtern-abc123.projects.oryapis.com',
	},
	netsuiteAccountId: {
		displayName: 'NetSuite Account ID',
		kind: 'dnsLabel',
		description:
			'The account ID as it appears in your account-specific domains (Setup > Company > Company Information > Company URLs), e.g. 1234567 of 1234567.app.netsuite.com',
		placeholder: 'e.g. 1234567',
		default: '',
		sample: '1234567-sb1',
	},
	gustoEnvironment: {
		displayName: 'Gusto Environment',
		kind: 'option',
		description:
			'Production, or the demo environment Gusto gives developers; the client ID and secret differ per environment',
		default: 'gusto.com',
		options: [
			{ name: 'Production (api.gusto.com)', value: 'gusto.com' },
			{ name: 'Demo (api.gusto-demo.com)', value: 'gusto-demo.com' },
		],
		sample: 'gusto-demo.com',
	},
	payPalEnvironment: {
		displayName: 'PayPal Environment',
		kind: 'option',
		description: 'Live or Sandbox; use the client ID and secret of the same environment',
		default: 'paypal.com',
		options: [
			{ name: 'Live (paypal.com)', value: 'paypal.com' },
			{ name: 'Sandbox (sandbox.paypal.com)', value: 'sandbox.paypal.com' },
		],
		sample: 'sandbox.paypal.com',
	},
	ringCentralEnvironment: {
		displayName: 'RingCentral Environment',
		kind: 'option',
		description:
			'Commercial RingCentral, or the segregated environment of AT&T Office@Hand and Verizon customers',
		default: 'ringcentral.com',
		options: [
			{ name: 'Commercial (platform.ringcentral.com)', value: 'ringcentral.com' },
			{
				name: 'Segregated: AT&T Office@Hand, Verizon (platform.ringcentral.biz)',
				value: 'ringcentral.biz',
			},
		],
		sample: 'ringcentral.biz',
	},
	pagerDutyServiceRegion: {
		displayName: 'PagerDuty Service Region',
		kind: 'option',
		description:
			'The service region your PagerDuty account lives in: it sets the REST API host (api.pagerduty.com or api.eu.pagerduty.com) and the as_account scope of client credentials',
		default: 'us',
		options: [
			{ name: 'US (api.pagerduty.com)', value: 'us' },
			{ name: 'EU (api.eu.pagerduty.com)', value: 'eu' },
		],
		sample: 'eu',
	},
	pagerDutySubdomain: {
		displayName: 'PagerDuty Subdomain',
		kind: 'dnsLabel',
		description:
			'Only for client credentials: the part before .pagerduty.com in your PagerDuty URL (acme for acme.pagerduty.com), sent as the as_account scope',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme-ops',
	},
	smartsheetRegion: {
		displayName: 'Smartsheet Region',
		kind: 'option',
		description:
			'The region your Smartsheet account is hosted in (apps and tokens are separate per region)',
		default: 'smartsheet.com',
		options: [
			{ name: 'US (smartsheet.com)', value: 'smartsheet.com' },
			{ name: 'Europe (smartsheet.eu)', value: 'smartsheet.eu' },
			{ name: 'Australia (smartsheet.au)', value: 'smartsheet.au' },
			{ name: 'Smartsheet Gov (smartsheetgov.com)', value: 'smartsheetgov.com' },
		],
		sample: 'smartsheet.eu',
	},
	squareEnvironment: {
		displayName: 'Square Environment',
		kind: 'option',
		description: 'Production or Sandbox; the application ID and secret differ per environment',
		default: 'squareup.com',
		options: [
			{ name: 'Production (squareup.com)', value: 'squareup.com' },
			{ name: 'Sandbox (squareupsandbox.com)', value: 'squareupsandbox.com' },
		],
		sample: 'squareupsandbox.com',
	},
	teslaFleetApiHost: {
		displayName: 'Tesla Fleet API Region',
		kind: 'option',
		description:
			'The Fleet API region of the accounts you connect: it is the API host and the audience of the tokens (China needs a separate app on developer.tesla.cn: use Custom)',
		default: 'fleet-api.prd.na.vn.cloud.tesla.com',
		options: [
			{
				name: 'North America, Asia-Pacific (fleet-api.prd.na.vn.cloud.tesla.com)',
				value: 'fleet-api.prd.na.vn.cloud.tesla.com',
			},
			{
				name: 'Europe, Middle East, Africa (fleet-api.prd.eu.vn.cloud.tesla.com)',
				value: 'fleet-api.prd.eu.vn.cloud.tesla.com',
			},
		],
		sample: 'fleet-api.prd.eu.vn.cloud.tesla.com',
	},
	zendeskSubdomain: {
		displayName: 'Zendesk Subdomain',
		kind: 'dnsLabel',
		description: 'The part before .zendesk.com in your Zendesk URL (acme for acme.zendesk.com)',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme-help',
	},
	zitadelDomain: {
		displayName: 'ZITADEL Domain',
		kind: 'hostname',
		description:
			'Your instance domain, without https://: <instance>.zitadel.cloud, your custom domain, or the host of your own ZITADEL (with its port if it has one)',
		placeholder: 'e.g. acme-abc123.zitadel.cloud',
		default: '',
		sample: 'acme-abc123.zitadel.cloud',
	},
	webflowRegion: {
		displayName: 'Webflow Region',
		kind: 'option',
		description:
			'The region your Webflow workspace is hosted in (EU: Enterprise workspaces hosted in the EU); the app and its tokens work only in that region',
		default: 'us',
		options: WEBFLOW_REGIONS.map(({ name, value }) => ({ name, value })),
		sample: 'eu',
	},
	amazonRegion: {
		displayName: 'Amazon Region',
		kind: 'option',
		description: 'The region whose Login with Amazon token endpoint n8n asks for tokens',
		default: 'na',
		options: AMAZON_REGIONS.map(({ name, value }) => ({ name, value })),
		sample: 'eu',
	},
	quickBooksEnvironment: {
		displayName: 'QuickBooks Environment',
		kind: 'option',
		description:
			'Production, or Sandbox for sandbox companies (development keys work only there): it sets the API and check hosts',
		default: 'production',
		options: QUICKBOOKS_ENVIRONMENTS.map(({ name, value }) => ({ name, value })),
		sample: 'sandbox',
	},
	userAgent: {
		displayName: 'User-Agent',
		kind: 'headerValue',
		description:
			'Sent as the User-Agent header of every request, which this provider requires: your app’s name and a contact (email or URL), e.g. Acme Sync (ops@acme.com)',
		placeholder: 'e.g. Acme Sync (ops@acme.com)',
		default: 'n8n-nodes-oauth2-connections (https://github.com/n8n-nodes-oauth2-connections)',
		sample: 'Acme Sync (ops@acme.com)',
	},
	shopifyShop: {
		displayName: 'Shopify Shop',
		kind: 'dnsLabel',
		description: 'The shop name: the part before .myshopify.com',
		placeholder: 'e.g. acme-store',
		default: '',
		sample: 'acme-store',
	},
} satisfies Record<string, PresetField>;

export type PresetFieldKey = keyof typeof PRESET_FIELDS;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = `${LABEL}(?:\\.${LABEL})*`;
/** A self-hosted server on a port of its own (Keycloak's 8443) is still the same host. */
const PORT = '(?::[1-9][0-9]{0,4})?';

/** What each kind of field may hold; the nodes refuse anything else, and no URL is built from it. */
export const FIELD_KIND_PATTERNS: Record<PresetFieldKind, RegExp> = {
	dnsLabel: new RegExp(`^${LABEL}$`, 'i'),
	hostname: new RegExp(`^${HOSTNAME}${PORT}$`, 'i'),
	tenant: /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i,
	pathSegment: /^[a-z0-9._~-]+$/i,
	option: /^[a-z0-9.-]+$/i,
	headerValue: /^[\x20-\x7e]{1,256}$/,
};

/** The pattern a field's value must match: its own, or its kind's. */
export function fieldPattern(field: PresetField): RegExp {
	return field.pattern?.regex ?? FIELD_KIND_PATTERNS[field.kind];
}

/** Characters that would move a value out of its place in a URL (a port's `:` only as the patterns allow). */
export const URL_BREAKING = /[/?#@,\\\s%]/;

/** A field's value as a template uses it: trimmed, without a trailing slash. */
export function cleanFieldValue(raw: unknown): string {
	return String(raw ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** The value without an allowed path suffix (Keycloak's `/auth`): what must be a host name. */
export function withoutPathSuffix(field: PresetField, value: string): string {
	const suffix = field.pathSuffixes?.find((candidate) => value.endsWith(candidate));
	return suffix ? value.slice(0, -suffix.length) : value;
}

/** Whether a non-empty value is one the field may hold (an option exactly as listed). */
export function isValidFieldValue(key: PresetFieldKey, raw: unknown): boolean {
	const field: PresetField = PRESET_FIELDS[key];
	if (field.options) return field.options.some((option) => option.value === String(raw ?? ''));
	const checked = withoutPathSuffix(field, cleanFieldValue(raw));
	const urlSafe = field.kind === 'headerValue' || !URL_BREAKING.test(checked);
	return urlSafe && fieldPattern(field).test(checked);
}

/**
 * What a placeholder becomes when the user's value is not one the field may hold: no host can be
 * built from it (`<` is not allowed in a host name), so the URL fails instead of reaching another host.
 */
export const UNUSABLE_VALUE = '<invalid>';

/** A placeholder that takes the host `column` of the option the user picked in `field`. */
function hostsPerOption<Option extends { value: string }>(
	field: PresetFieldKey,
	options: readonly Option[],
	column: keyof Option,
): { field: PresetFieldKey; values: Record<string, string> } {
	return {
		field,
		values: Object.fromEntries(options.map((option) => [option.value, String(option[column])])),
	};
}

export const DERIVED_PLACEHOLDERS = {
	microsoftLoginHost: hostsPerOption('microsoftCloud', MICROSOFT_CLOUDS, 'loginHost'),
	microsoftGraphHost: hostsPerOption('microsoftCloud', MICROSOFT_CLOUDS, 'graphHost'),
	microsoftSharePointHost: hostsPerOption('microsoftCloud', MICROSOFT_CLOUDS, 'sharePointHost'),
	microsoftOneDriveFileHost: hostsPerOption('microsoftCloud', MICROSOFT_CLOUDS, 'oneDriveFileHost'),
	webflowAppHost: hostsPerOption('webflowRegion', WEBFLOW_REGIONS, 'appHost'),
	webflowApiHost: hostsPerOption('webflowRegion', WEBFLOW_REGIONS, 'apiHost'),
	amazonTokenHost: hostsPerOption('amazonRegion', AMAZON_REGIONS, 'tokenHost'),
	quickBooksApiHost: hostsPerOption('quickBooksEnvironment', QUICKBOOKS_ENVIRONMENTS, 'apiHost'),
	quickBooksAccountsHost: hostsPerOption(
		'quickBooksEnvironment',
		QUICKBOOKS_ENVIRONMENTS,
		'accountsHost',
	),
	datadogApiHost: {
		field: 'datadogSite',
		values: Object.fromEntries(DATADOG_SITES.map((site) => [site.value, site.apiHost])),
	},
	pagerDutyApiHost: {
		field: 'pagerDutyServiceRegion',
		values: { us: 'api.pagerduty.com', eu: 'api.eu.pagerduty.com' },
	},
} satisfies Record<string, { field: PresetFieldKey; values: Record<string, string> }>;

export type DerivedPlaceholder = keyof typeof DERIVED_PLACEHOLDERS;
