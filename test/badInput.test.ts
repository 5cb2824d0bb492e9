/**
 * Bad input, table-driven: each case, the message and the fix the user gets, through n8n-core's
 * real engine. Where the input can be checked before sending, nothing reaches the API or the
 * token endpoint. `BAD_INPUTS` and `badInputMarkdown()` are exported; test/badInputTable.md is
 * that Markdown (regenerate with UPDATE_BAD_INPUT_TABLE=1).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { InputItem } from './harness/engine';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './harness/fixtures';

export interface BadInputCase {
	/** What the user did, as the table's first column. */
	input: string;
	/** Extra credential fields; 'unconnected' for a connection that was never authorized. */
	credential?: Record<string, unknown> | 'unconnected';
	/** The credential fields are those of a connection never authorized (no token stored). */
	neverConnected?: boolean;
	parameters: Record<string, unknown>;
	items?: InputItem[];
	/**
	 * The exact error message and description; `<port>` stands for the test server's port,
	 * `<detail>` for the JSON parser's own words, `<item>` for the item's index.
	 */
	message: string;
	description: string;
	/** Whether the input is refused before anything is sent. */
	refusedBeforeSending: boolean;
	/** The host refuses to start the workflow (a required parameter is empty): no item runs. */
	refusedByHost?: boolean;
}

const CONNECTION = 'CRM';
const file = (name: string) => ({
	[name]: {
		base64: Buffer.from('hello').toString('base64'),
		mimeType: 'text/plain',
		fileName: 'hello.txt',
	},
});
const get = (url: string, extra: Record<string, unknown> = {}) => ({
	method: 'GET',
	url,
	...extra,
});
const post = (extra: Record<string, unknown>) => ({
	method: 'POST',
	url: '/echo',
	sendBody: true,
	...extra,
});
/** An absolute loopback URL: a preset connection must still never leave this machine. */
const LOOPBACK = 'http://127.0.0.1:9/echo';

export const BAD_INPUTS: BadInputCase[] = [
	{
		input: 'URL with a misspelled scheme (`ht!tp://x`)',
		parameters: get('ht!tp://x'),
		message: "The URL 'ht!tp://x' is not a valid URL: 'ht!tp' is not a scheme",
		description:
			'Start the URL with https:// (or http://), or enter a path relative to the connection’s API base URL, e.g. /v1/contacts.',
		refusedBeforeSending: true,
	},
	{
		input: 'Relative URL, connection without an API base URL',
		credential: { customApiBaseUrl: '', allowedDomainsMode: 'all' },
		parameters: get('/contacts/1'),
		message: "The URL '/contacts/1' is relative but the connection has no API base URL",
		description: "Enter a full URL (https://...), or set API Base URL in the connection 'CRM'.",
		refusedBeforeSending: true,
	},
	{
		input: 'URL with another scheme (`ftp://...`)',
		parameters: get('ftp://127.0.0.1/report.csv'),
		message: "The URL 'ftp://127.0.0.1/report.csv' uses ftp: but only http and https are supported",
		description: 'Use an https:// URL.',
		refusedBeforeSending: true,
	},
	{
		input: 'Empty URL',
		parameters: get(''),
		message: 'The \'OAuth2 HTTP Request\' node has issues:\n- Parameter "URL" is required.',
		description: '(the host refuses to start the workflow; the editor marks the field)',
		refusedBeforeSending: true,
		refusedByHost: true,
	},
	{
		input: 'URL from an expression that resolves to nothing (`{{ $json.path }}` without a path)',
		parameters: get('={{ $json.path ?? "" }}'),
		message: 'The URL is empty',
		description:
			'Enter a full URL (https://...) or a path relative to the connection’s API base URL.',
		refusedBeforeSending: true,
	},
	{
		input: 'URL on a host outside the connection’s allowed domains',
		parameters: get('http://127.0.0.2:9/contacts'),
		message: "The host 127.0.0.2:9 is not in the allowed domains of connection 'CRM'",
		description:
			'The token is only sent to: 127.0.0.1. Use a URL on one of them, or add 127.0.0.2 to Allowed Domains in the connection.',
		refusedBeforeSending: true,
	},
	{
		input: 'Connection never authorized (no Connect yet)',
		credential: 'unconnected',
		parameters: get('/contacts/1'),
		message: "Connection 'CRM' is not authorized yet: open it and click Connect",
		description:
			'Open Credentials, select this connection (an Any Service OAuth2 API credential) and click Connect (Reconnect if it was connected before), finish the sign-in in the popup, then run the node again.',
		refusedBeforeSending: true,
	},
	{
		input:
			'Preset that requires PKCE left on Grant Type Authorization Code (Canva), before Connect',
		credential: { provider: 'canva', grantType: 'authorizationCode' },
		neverConnected: true,
		parameters: get(LOOPBACK),
		message:
			"Connection 'CRM' uses Grant Type Authorization Code, but Canva requires PKCE: set Grant Type to Authorization Code with PKCE",
		description:
			'Canva rejects the sign-in without PKCE. Open the connection, set Grant Type to Authorization Code with PKCE, save it and click Connect.',
		refusedBeforeSending: true,
	},
	{
		input: 'Client credentials on a preset whose provider does not offer them (Canva)',
		credential: { provider: 'canva', grantType: 'clientCredentials' },
		neverConnected: true,
		parameters: get(LOOPBACK),
		message:
			"Connection 'CRM' uses Grant Type Client Credentials, which Canva does not offer: set Grant Type to Authorization Code with PKCE",
		description:
			'Canva rejects a client-credentials token request. Open the connection, set Grant Type to Authorization Code with PKCE, save it and click Connect.',
		refusedBeforeSending: true,
	},
	{
		input: 'Preset field left empty (Microsoft Entra ID, Tenant empty)',
		credential: { provider: 'microsoftEntraId', tenant: '' },
		parameters: get(LOOPBACK),
		message: "Connection 'CRM' has no Tenant, which the Microsoft Entra ID preset needs",
		description:
			'Open the connection and fill in Tenant: Directory (tenant) ID or domain from the Azure portal; "common" lets any work or personal account sign in, "organizations" only work accounts. Client credentials need your tenant ID or domain. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input:
			'Preset field left empty (Shopify, Shop empty: the API base URL would be `https://.myshopify.com/...`)',
		credential: { provider: 'shopify', shopifyShop: ' ' },
		parameters: get(LOOPBACK),
		message: "Connection 'CRM' has no Shopify Shop, which the Shopify preset needs",
		description:
			'Open the connection and fill in Shopify Shop: The shop name: the part before .myshopify.com. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input: 'Preset field with more than a name (Shopify Shop `acme.evil.example/x`)',
		credential: { provider: 'shopify', shopifyShop: 'acme.evil.example/x' },
		parameters: get(LOOPBACK),
		message:
			"Shopify Shop of connection 'CRM' is not valid: 'acme.evil.example/x' is not a single name (letters, digits and hyphens; no dots, slashes or spaces)",
		description:
			'Open the connection and correct Shopify Shop: The shop name: the part before .myshopify.com. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input: 'Preset field with a host of its own (ServiceNow Instance `dev1.evil.example`)',
		credential: { provider: 'serviceNow', serviceNowInstance: 'dev1.evil.example' },
		parameters: get(LOOPBACK),
		message:
			"ServiceNow Instance of connection 'CRM' is not valid: 'dev1.evil.example' is not a single name (letters, digits and hyphens; no dots, slashes or spaces)",
		description:
			'Open the connection and correct ServiceNow Instance: The instance name: the part before .service-now.com. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input: 'Host field that is not a bare host name (GitLab Host `user@127.0.0.1`)',
		credential: { provider: 'gitLab', gitlabHost: 'user@127.0.0.1' },
		parameters: get(LOOPBACK),
		message:
			"GitLab Host of connection 'CRM' is not valid: 'user@127.0.0.1' is not a bare host name such as login.example.com, with a port if it has one (no https:// or path)",
		description:
			'Open the connection and correct GitLab Host: gitlab.com, or the host of your self-managed GitLab (with its port if it has one), without https://. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input: 'Tenant with a path in it (Microsoft Entra ID, Tenant `contoso/../common`)',
		credential: { provider: 'microsoftEntraId', tenant: 'contoso/../common' },
		parameters: get(LOOPBACK),
		message:
			"Tenant of connection 'CRM' is not valid: 'contoso/../common' is not a directory (tenant) ID, a domain such as contoso.onmicrosoft.com, or common",
		description:
			'Open the connection and correct Tenant: Directory (tenant) ID or domain from the Azure portal; "common" lets any work or personal account sign in, "organizations" only work accounts. Client credentials need your tenant ID or domain. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input:
			'Option field that is not exactly one of its options (Microsoft Cloud `global `, a trailing space)',
		credential: { provider: 'microsoftEntraId', microsoftCloud: 'global ', tenant: '127.0.0.2' },
		parameters: get(LOOPBACK),
		message:
			"Microsoft Cloud of connection 'CRM' is not valid: 'global ' is not one of its choices",
		description:
			'Open the connection and correct Microsoft Cloud: The national cloud your tenant lives in: it sets the sign-in host, the Graph host and the host of the Graph scopes. GCC (moderate) uses Global. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input:
			'Option field that is not exactly one of its options (Microsoft Cloud `global/`, a trailing slash)',
		credential: { provider: 'microsoftEntraId', microsoftCloud: 'global/', tenant: '127.0.0.2' },
		parameters: get(LOOPBACK),
		message:
			"Microsoft Cloud of connection 'CRM' is not valid: 'global/' is not one of its choices",
		description:
			'Open the connection and correct Microsoft Cloud: The national cloud your tenant lives in: it sets the sign-in host, the Graph host and the host of the Graph scopes. GCC (moderate) uses Global. Then save it and click Reconnect.',
		refusedBeforeSending: true,
	},
	{
		input: 'A plain http:// URL on a connection whose API is served over https',
		credential: { provider: 'gitLab', gitlabHost: '127.0.0.1' },
		parameters: get(LOOPBACK),
		message:
			"The URL uses http:// (127.0.0.1:9): the token of connection 'CRM' is only sent over https",
		description:
			'Use the https:// URL. Plain http is accepted only when the connection’s API base URL is http itself (a local development server).',
		refusedBeforeSending: true,
	},
	{
		input: 'Another port of the API’s own host (allowed domains taken from the API base URL)',
		parameters: get(LOOPBACK),
		message:
			"The URL uses port 9 of 127.0.0.1, but connection 'CRM' only sends its token to port <port> there",
		description:
			'Use the port of the API base URL (127.0.0.1:<port>). To allow another port, list 127.0.0.1:9 in Allowed Domains in the connection.',
		refusedBeforeSending: true,
	},
	{
		input: 'Custom API base URL that is not a URL (`https://`)',
		credential: { customApiBaseUrl: 'https://', allowedDomainsMode: 'all' },
		parameters: get('/contacts/1'),
		message: "The API Base URL of connection 'CRM' is not a valid URL: 'https:'",
		description: 'Open the connection and correct API Base URL (e.g. https://api.example.com/v1).',
		refusedBeforeSending: true,
	},
	{
		input: 'Token Expired Status Codes in the connection not numeric (`401, expired`)',
		credential: { expiryStatusCodes: '401, expired' },
		parameters: get('/contacts/1'),
		message:
			"Token Expired Status Codes of connection 'CRM' has 'expired', which is not an HTTP status code",
		description:
			'Open the connection and enter HTTP status codes separated by commas, e.g. 401, 403 (401 when unsure).',
		refusedBeforeSending: true,
	},
	{
		input: 'Malformed JSON body (`{"name": "Ada",}`)',
		parameters: post({ contentType: 'json', specifyBody: 'json', jsonBody: '{"name": "Ada",}' }),
		message: 'JSON body is not valid JSON: <detail>',
		description:
			'Fix the JSON in \'JSON body\' (e.g. {"name": "value"}), or switch Specify As to Using Fields Below.',
		refusedBeforeSending: true,
	},
	{
		input: 'Malformed JSON query (`{page: 2}`)',
		parameters: get('/echo', { sendQuery: true, specifyQuery: 'json', jsonQuery: '{page: 2}' }),
		message: 'JSON query is not valid JSON: <detail>',
		description:
			'Fix the JSON in \'JSON query\' (e.g. {"name": "value"}), or switch Specify As to Using Fields Below.',
		refusedBeforeSending: true,
	},
	{
		input: 'JSON query that is a list, not an object (`[1, 2]`)',
		parameters: get('/echo', { sendQuery: true, specifyQuery: 'json', jsonQuery: '[1, 2]' }),
		message: 'JSON query must be a JSON object',
		description: 'Write \'JSON query\' as an object, e.g. {"name": "value"}.',
		refusedBeforeSending: true,
	},
	{
		input: 'Malformed JSON headers (`{"X-Trace": 1`)',
		parameters: get('/echo', {
			sendHeaders: true,
			specifyHeaders: 'json',
			jsonHeaders: '{"X-Trace": 1',
		}),
		message: 'JSON headers is not valid JSON: <detail>',
		description:
			'Fix the JSON in \'JSON headers\' (e.g. {"name": "value"}), or switch Specify As to Using Fields Below.',
		refusedBeforeSending: true,
	},
	{
		input: 'A body with GET',
		parameters: get('/echo', { sendBody: true, contentType: 'raw', rawBody: 'x' }),
		message: 'A GET request cannot have a body',
		description: 'Turn off Send Body, or use POST, PUT, PATCH or DELETE.',
		refusedBeforeSending: true,
	},
	{
		input: 'A body with HEAD (a method without a body)',
		parameters: {
			method: 'HEAD',
			url: '/echo',
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '{}',
		},
		message: 'A HEAD request cannot have a body',
		description: 'Turn off Send Body, or use POST, PUT, PATCH or DELETE.',
		refusedBeforeSending: true,
	},
	{
		input: 'A method that is not supported (an expression giving `FETCH`)',
		parameters: { method: '={{ "FETCH" }}', url: '/echo' },
		message: "The method 'FETCH' is not supported",
		description: 'Set Method to one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT.',
		refusedBeforeSending: true,
	},
	{
		input: 'An Authorization header set by hand',
		parameters: get('/echo', {
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: 'Bearer abc' }] },
		}),
		message: 'The Authorization header is set by the connection',
		description: 'Remove the Authorization header: the node adds the connection’s token itself.',
		refusedBeforeSending: true,
	},
	{
		input: 'An Authorization header in JSON headers, any case',
		parameters: get('/echo', {
			sendHeaders: true,
			specifyHeaders: 'json',
			jsonHeaders: '{"AUTHORIZATION": "Bearer abc"}',
		}),
		message: 'The Authorization header is set by the connection',
		description: 'Remove the Authorization header: the node adds the connection’s token itself.',
		refusedBeforeSending: true,
	},
	{
		input: 'A Host header set by hand',
		parameters: get('/echo', {
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Host', value: 'evil.example' }] },
		}),
		message: 'The Host header cannot be set: it decides where the connection’s token goes',
		description: 'Remove the Host header: put the host into the URL instead.',
		refusedBeforeSending: true,
	},
	{
		input: 'An X-Forwarded-Host or Forwarded header in JSON headers',
		parameters: get('/echo', {
			sendHeaders: true,
			specifyHeaders: 'json',
			jsonHeaders: '{"X-Forwarded-Host": "evil.example"}',
		}),
		message:
			'The X-Forwarded-Host header cannot be set: it decides where the connection’s token goes',
		description: 'Remove the X-Forwarded-Host header: put the host into the URL instead.',
		refusedBeforeSending: true,
	},
	{
		input: 'A header whose value is an object (JSON headers `{"X-Meta": {"a": 1}}`)',
		parameters: get('/echo', {
			sendHeaders: true,
			specifyHeaders: 'json',
			jsonHeaders: '{"X-Meta": {"a": 1}}',
		}),
		message: "Header 'x-meta' is an object, not text",
		description:
			"Give 'x-meta' a text value: join a list with commas (e.g. {{ $json.tags.join(',') }}) or write an object as JSON (e.g. {{ JSON.stringify($json.meta) }}).",
		refusedBeforeSending: true,
	},
	{
		input: 'A header whose value is a list (JSON headers `{"X-Tags": ["a", "b"]}`)',
		parameters: get('/echo', {
			sendHeaders: true,
			specifyHeaders: 'json',
			jsonHeaders: '{"X-Tags": ["a", "b"]}',
		}),
		message: "Header 'x-tags' is a list, not text",
		description:
			"Give 'x-tags' a text value: join a list with commas (e.g. {{ $json.tags.join(',') }}) or write an object as JSON (e.g. {{ JSON.stringify($json.meta) }}).",
		refusedBeforeSending: true,
	},
	{
		input: 'A binary field the input item does not have (item has no files)',
		parameters: post({ contentType: 'binaryData', binaryProperty: 'data' }),
		message: "Item <item> has no binary field 'data'",
		description:
			'The input item has no files. Add a node that reads or downloads the file before this one.',
		refusedBeforeSending: true,
	},
	{
		input: 'A binary field the input item does not have (item has other files)',
		parameters: post({
			contentType: 'multipart-form-data',
			multipartFields: { fields: [{ kind: 'file', name: 'upload', binaryProperty: 'attachment' }] },
		}),
		items: [
			{ json: {}, binary: file('data') },
			{ json: {}, binary: file('data') },
		],
		message: "Item <item> has no binary field 'attachment'",
		description: 'Use one of its binary fields: data.',
		refusedBeforeSending: true,
	},
	{
		input: 'Pagination with a records path that is not a list',
		parameters: get('/items/cursor?total=30&size=10', {
			pagination: 'cursor',
			recordsPath: 'meta',
			cursorPath: 'meta.next_cursor',
		}),
		message: "No list found at records path 'meta' in the first page",
		description:
			'Set Records Path to where the page’s list is (e.g. data or items), or leave it empty when the page itself is a list.',
		refusedBeforeSending: false,
	},
	{
		input: 'Max Pages 0',
		parameters: get('/items/page?total=30&size=10', {
			pagination: 'page',
			recordsPath: 'results',
			maxPages: 0,
		}),
		message: "Max Pages must be a whole number from 1 to 10000, not '0'",
		description:
			'Set Max Pages from 1 to 10000: paging stops after that many pages. To send a single request, set Pagination to Off; for more pages, split the work (e.g. by date range) across items.',
		refusedBeforeSending: true,
	},
	{
		input: 'Max Pages above the limit (20000)',
		parameters: get('/items/page?total=30&size=10', {
			pagination: 'page',
			recordsPath: 'results',
			maxPages: 20000,
		}),
		message: "Max Pages must be a whole number from 1 to 10000, not '20000'",
		description:
			'Set Max Pages from 1 to 10000: paging stops after that many pages. To send a single request, set Pagination to Off; for more pages, split the work (e.g. by date range) across items.',
		refusedBeforeSending: true,
	},
	{
		input: 'Page Size 0 with offset pagination',
		parameters: get('/items/offset?total=30', {
			pagination: 'offset',
			recordsPath: 'items',
			pageSize: 0,
		}),
		message: "Page Size must be a whole number of at least 1, not '0'",
		description: 'Set Page Size to the number of records the API returns per page.',
		refusedBeforeSending: true,
	},
	{
		input: 'A pagination style that does not exist (an expression giving `pages`)',
		parameters: get('/items/page', {
			pagination: '={{ "pages" }}',
			nextUrlPath: 'next',
			cursorPath: 'cursor',
		}),
		message: "Pagination 'pages' is not a pagination style",
		description: 'Set Pagination to one of: off, nextUrl, linkHeader, cursor, offset, page.',
		refusedBeforeSending: true,
	},
];

/** Not an error: what happens, for the table. */
export const ACCEPTED_INPUTS: Array<{ input: string; outcome: string }> = [
	{
		input: 'Scopes left empty',
		outcome:
			'No error: scopes are optional in OAuth2 (RFC 6749 section 3.3). A preset requests its default scopes; a Custom connection sends no scope parameter and the provider grants its default. If the API then refuses a call with 403, the message says to add the needed scopes in the connection and reconnect.',
	},
];

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function badInputMarkdown(): string {
	const rows = [
		...BAD_INPUTS.map((entry) =>
			entry.refusedByHost
				? `| ${escapeCell(entry.input)} | \`${escapeCell(entry.message)}\` ${escapeCell(entry.description)} |`
				: `| ${escapeCell(entry.input)} | \`${escapeCell(entry.message)}\` — ${escapeCell(entry.description)} |`,
		),
		...ACCEPTED_INPUTS.map(
			(entry) => `| ${escapeCell(entry.input)} | ${escapeCell(entry.outcome)} |`,
		),
	];
	return ['| Bad input | Message the user gets |', '| --- | --- |', ...rows, ''].join('\n');
}

/** The expected text as an anchored pattern, placeholders filled for `itemIndex`. */
function pattern(expected: string, itemIndex: number): RegExp {
	const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const filled = escaped
		.replace(/<port>/g, '\\d+')
		.replace(/<detail>/g, '.+')
		.replace(/<item>/g, String(itemIndex));
	return new RegExp(`^${filled}$`);
}

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness();
});
afterAll(async () => await harness.stop());

async function credentialFor(entry: BadInputCase) {
	if (entry.credential === 'unconnected')
		return harness.credential({ grantType: 'authorizationCode' }, CONNECTION);
	if (entry.neverConnected) return harness.credential({ ...entry.credential }, CONNECTION);
	return await harness.connectedCredential({ name: CONNECTION, extra: entry.credential });
}

describe('bad input gets a message naming the field and the fix', () => {
	for (const entry of BAD_INPUTS) {
		test(entry.input, async () => {
			const credential = await credentialFor(entry);
			const apiBefore = harness.api.requests.length;
			const tokenBefore = harness.auth.tokenRequests.length;
			const items = entry.items ?? itemsOf(2);

			if (entry.refusedByHost) {
				for (const continueOnFail of [false, true]) {
					await assert.rejects(
						harness.run(credential, 'oAuth2HttpRequest', entry.parameters, items, continueOnFail),
						(error: Error) => {
							assert.match(
								error.message.replace("'Target'", "'OAuth2 HTTP Request'"),
								pattern(entry.message, 0),
							);
							return true;
						},
					);
				}
				assert.equal(harness.api.requests.length, apiBefore, 'the API received nothing');
				return;
			}

			const stopped = await harness.run(credential, 'oAuth2HttpRequest', entry.parameters, items);
			assert.ok(stopped.error, 'the run fails');
			assert.match(stopped.error.message, pattern(entry.message, 0));
			assert.match(String(stopped.error.description), pattern(entry.description, 0));

			const continued = await harness.run(
				credential,
				'oAuth2HttpRequest',
				entry.parameters,
				items,
				true,
			);
			assert.equal(continued.items.length, items.length, 'one error item per input item');
			continued.items.forEach((item, index) => {
				assert.match(String(item.json.error), pattern(entry.message, index));
				assert.match(String(item.error?.description), pattern(entry.description, index));
				assert.equal(item.error?.context.itemIndex, index);
				assert.deepEqual(item.pairedItem, { item: index });
			});

			if (entry.refusedBeforeSending) {
				assert.equal(harness.api.requests.length, apiBefore, 'the API received nothing');
				assert.equal(
					harness.auth.tokenRequests.length,
					tokenBefore,
					'the token endpoint received nothing',
				);
			}
			for (const text of [JSON.stringify(stopped.run), JSON.stringify(continued.run)]) {
				assert.ok(!text.includes(CLIENT_SECRET));
				if (credential && 'accessToken' in credential)
					assert.ok(!text.includes(String(credential.accessToken)));
			}
		});
	}
});

test('test/badInputTable.md is the Markdown of this table', () => {
	const tablePath = path.join(__dirname, 'badInputTable.md');
	if (process.env.UPDATE_BAD_INPUT_TABLE) writeFileSync(tablePath, badInputMarkdown());
	assert.equal(
		readFileSync(tablePath, 'utf8'),
		badInputMarkdown(),
		'run with UPDATE_BAD_INPUT_TABLE=1 to regenerate',
	);
});
