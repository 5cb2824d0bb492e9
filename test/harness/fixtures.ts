/** Starts the servers and creates connections for a test file; stops everything afterwards. */
import { AuthServer } from './authServer';
import { CredentialStore } from './credentialStore';
import { loadOptions, runNode, type InputItem, type RunOptions } from './engine';
import { ensureExpressionEngine } from './expressionEngine';
import { ResourceServer } from './resourceServer';

export const CLIENT_ID = 'n8n-client';
export const CLIENT_SECRET = 'client-secret-do-not-leak-8f2a';

export interface Harness {
	auth: AuthServer;
	api: ResourceServer;
	store: CredentialStore;
	/** An authorization-code connection already connected: access token valid for `expiresInMs`. */
	connectedCredential(options?: {
		expiresInMs?: number;
		extra?: Record<string, unknown>;
		name?: string;
		withRefreshToken?: boolean;
		/** More fields of the stored token response (e.g. instance_url). */
		tokenData?: Record<string, unknown>;
	}): Promise<{ id: string; name: string; accessToken: string; refreshToken: string }>;
	credential(data: Record<string, unknown>, name?: string): { id: string; name: string };
	run(
		credential: { id: string; name: string },
		nodeType: RunOptions['nodeType'],
		parameters: RunOptions['parameters'],
		items?: InputItem[],
		continueOnFail?: RunOptions['continueOnFail'],
		workflowId?: string,
	): ReturnType<typeof runNode>;
	/**
	 * The node panel's Connection Status for this connection (none: no credential assigned yet):
	 * the option's name, then its description on a second line (rejects with its error).
	 */
	connectionStatus(
		credential: { id: string; name: string } | undefined,
		nodeType?: RunOptions['nodeType'],
	): Promise<string>;
	stop(): Promise<void>;
}

let counter = 0;

export async function startHarness(): Promise<Harness> {
	await ensureExpressionEngine();
	const auth = new AuthServer();
	await auth.start();
	const api = new ResourceServer(auth);
	await api.start();
	const store = new CredentialStore();

	const baseData = () => ({
		provider: 'custom',
		customAuthUrl: auth.authorizeUrl,
		customTokenUrl: auth.tokenUrl,
		customApiBaseUrl: api.url,
		appClientId: CLIENT_ID,
		appClientSecret: CLIENT_SECRET,
	});

	return {
		auth,
		api,
		store,
		credential: (data, name = `Connection ${++counter}`) =>
			store.add(name, { ...baseData(), ...data }),
		async connectedCredential(options = {}) {
			const accessToken = `access-${++counter}-${Math.random().toString(36).slice(2)}`;
			const refreshToken = `refresh-${counter}-${Math.random().toString(36).slice(2)}`;
			const expiresAt = Date.now() + (options.expiresInMs ?? 3_600_000);
			api.acceptToken(accessToken, expiresAt);
			auth.grantRefreshToken(refreshToken);
			const tokenData: Record<string, unknown> = {
				access_token: accessToken,
				token_type: 'Bearer',
				// As issued an hour ago: the provider's lifetime, not what is left of it.
				expires_in: Math.max(3600, Math.round((options.expiresInMs ?? 3_600_000) / 1000)),
				n8n_expires_at: String(expiresAt),
				...options.tokenData,
			};
			if (options.withRefreshToken !== false) tokenData.refresh_token = refreshToken;
			const credential = store.add(options.name ?? `Connected ${counter}`, {
				...baseData(),
				grantType: 'authorizationCode',
				...options.extra,
				oauthTokenData: tokenData,
			});
			return { ...credential, accessToken, refreshToken };
		},
		run: async ({ id, name }, nodeType, parameters, items, continueOnFail, workflowId) =>
			await runNode({
				store,
				credential: { id, name },
				nodeType,
				parameters,
				items,
				continueOnFail,
				workflowId,
			}),
		async connectionStatus(credential, nodeType = 'oAuth2HttpRequest') {
			const options = (await loadOptions(
				{
					store,
					credential: credential && { id: credential.id, name: credential.name },
					nodeType,
					parameters: {},
				},
				'getConnectionStatus',
			)) as Array<{ name: string; description?: string }>;
			return [options[0].name, options[0].description].filter(Boolean).join('\n');
		},
		async stop() {
			await api.stop();
			await auth.stop();
		},
	};
}

export function itemsOf(
	count: number,
	make: (index: number) => Record<string, unknown> = (index) => ({ index }),
): InputItem[] {
	return Array.from({ length: count }, (_, index) => ({ json: make(index) as InputItem['json'] }));
}
