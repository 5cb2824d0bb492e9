import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startHarness, type Harness } from './harness/fixtures';

let harness: Harness;
before(async () => {
	harness = await startHarness();
});
after(async () => await harness.stop());

test('a connected credential calls the API with its Bearer token', async () => {
	const credential = await harness.connectedCredential();
	const result = await harness.run(credential, 'oAuth2HttpRequest', { method: 'GET', url: '/contacts/7' });
	assert.equal(result.error, undefined);
	assert.deepEqual((result.items[0].json.data as Record<string, unknown>).last_name, 'Lovelace-7');
	assert.equal(harness.api.requests.at(-1)?.headers.authorization, `Bearer ${credential.accessToken}`);
});
