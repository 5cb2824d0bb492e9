// Completes n8n's OAuth2 authorization-code flow over plain HTTP, the way a browser would:
// n8n's authorize URL -> the auth server's login and consent pages -> n8n's callback (with the
// owner's cookies, which n8n checks). Faster than the browser, so most scenarios use it; the
// browser scenario covers the same flow through n8n's UI.
import type { N8nRest } from './server';
import { TEST_USER } from '../openIdProvider';

export interface ConnectResult {
	/** n8n's callback page (says "Connection successful" when the token was stored). */
	callbackStatus: number;
	callbackHtml: string;
	/** The provider authorization URL n8n built. */
	authUrl: string;
}

class CookieJar {
	private readonly cookies = new Map<string, string>();

	header(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	store(response: Response): void {
		for (const header of response.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const index = pair.indexOf('=');
			const name = pair.slice(0, index).trim();
			const value = pair.slice(index + 1);
			// Cookie paths are ignored: one auth server, one flow at a time.
			if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}
}

/** The first POST form of an interaction page: its action and the fields to submit. */
function interactionForm(
	html: string,
	pageUrl: string,
): { action: string; fields: URLSearchParams } | undefined {
	const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
	if (!action) return undefined;
	const fields = new URLSearchParams();
	if (html.includes('name="password"')) {
		fields.set('username', TEST_USER.username);
		fields.set('password', TEST_USER.password);
	}
	return { action: new URL(action, pageUrl).href, fields };
}

export async function connectOverHttp(rest: N8nRest, credentialId: string): Promise<ConnectResult> {
	const authUrl = await rest.oauthAuthUrl(credentialId);
	const jar = new CookieJar();
	let url = authUrl;
	let method = 'GET';
	let body: URLSearchParams | undefined;
	for (let step = 0; step < 20; step++) {
		if (url.startsWith(`${rest.baseUrl}/`)) {
			const response = await fetch(url, {
				headers: { cookie: rest.cookieHeader(), 'browser-id': 'e2e-rest-client' },
				redirect: 'manual',
			});
			return { callbackStatus: response.status, callbackHtml: await response.text(), authUrl };
		}
		const response = await fetch(url, {
			method,
			headers: {
				cookie: jar.header(),
				...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
			},
			body: body?.toString(),
			redirect: 'manual',
		});
		jar.store(response);
		method = 'GET';
		body = undefined;
		const location = response.headers.get('location');
		if (response.status >= 300 && response.status < 400 && location) {
			url = new URL(location, url).href;
			continue;
		}
		const html = await response.text();
		const form = response.status === 200 ? interactionForm(html, url) : undefined;
		if (!form)
			throw new Error(`OAuth flow stuck at ${url} (${response.status}): ${html.slice(0, 300)}`);
		url = form.action;
		method = 'POST';
		body = form.fields;
	}
	throw new Error('OAuth flow did not reach n8n within 20 steps');
}
