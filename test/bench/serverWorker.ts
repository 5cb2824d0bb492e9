/**
 * Hosts the harness's OAuth2 server and resource server in a worker thread, so the API answers
 * on the second core instead of sharing the event loop of the client under test. The main
 * thread talks to it through `ServerHost` (servers.ts).
 */
import { parentPort } from 'node:worker_threads';

import { AuthServer } from '../harness/authServer';
import { ResourceServer } from '../harness/resourceServer';

const auth = new AuthServer();
const api = new ResourceServer(auth);

type Command =
	| { cmd: 'start' }
	| { cmd: 'plant'; accessToken: string; refreshToken: string; expiresAt: number }
	| { cmd: 'acceptToken'; token: string; expiresAt: number }
	| { cmd: 'stats' }
	| { cmd: 'clear' }
	| { cmd: 'stop' };

async function handle(command: Command): Promise<unknown> {
	switch (command.cmd) {
		case 'start':
			await auth.start();
			await api.start();
			return { apiUrl: api.url, tokenUrl: auth.tokenUrl, authorizeUrl: auth.authorizeUrl };
		case 'plant':
			api.acceptToken(command.accessToken, command.expiresAt);
			auth.grantRefreshToken(command.refreshToken);
			return null;
		case 'acceptToken':
			api.acceptToken(command.token, command.expiresAt);
			return null;
		case 'stats': {
			let unauthorized = 0;
			for (const request of api.requests) if (!request.authorized) unauthorized++;
			return {
				tokenRequests: auth.tokenRequests.length,
				refreshGrants: auth.tokenRequests.filter((request) => request.grantType === 'refresh_token')
					.length,
				requests: api.requests.length,
				unauthorized,
				maxInFlight: api.maxInFlight,
			};
		}
		case 'clear':
			// The records are only counted here; dropping them keeps the worker's heap flat.
			(api.requests as unknown[]).length = 0;
			(auth.tokenRequests as unknown[]).length = 0;
			api.maxInFlight = 0;
			return null;
		case 'stop':
			await api.stop();
			await auth.stop();
			return null;
	}
}

parentPort?.on('message', (message: { id: number; command: Command }) => {
	handle(message.command).then(
		(result) => parentPort?.postMessage({ id: message.id, result }),
		(error: unknown) =>
			parentPort?.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) }),
	);
});
