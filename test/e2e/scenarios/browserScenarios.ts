// A person's path through n8n's UI: sign in, Credentials, create an OAuth2 Connection in the
// credential modal, read the redirect URL it shows, Connect, sign in and consent in the popup,
// see the connected state, save. Screenshots go to test/e2e/screenshots/.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

import { CLIENTS } from '../authServer';
import { dismissToasts, docsScreenshot, newContext, screenshot, settle, signIn } from '../browser';
import type { E2eContext, Scenario } from '../context';
import { OWNER } from '../n8nServer';
import { TEST_USER } from '../authServer';
import { EXPECTED_SCOPE, isConnected, TYPED_SCOPES } from './credentialHelpers';

function parameterInput(page: Page, name: string) {
	return page
		.locator(`[data-test-id="parameter-input-${name}"]`)
		.locator('input, textarea')
		.first();
}

async function fillParameter(page: Page, name: string, value: string): Promise<void> {
	const input = parameterInput(page, name);
	await input.scrollIntoViewIfNeeded();
	await input.fill(value);
}

async function openNewCredentialModal(
	page: Page,
	ctx: E2eContext,
	typeDisplayName: string,
): Promise<void> {
	await page.goto(`${ctx.n8n.url}/home/credentials`);
	await page.locator('[data-test-id="add-resource-credential"]').first().click();
	const search = page.locator('[data-test-id="new-credential-type-select"] input').first();
	await search.click();
	await search.fill(typeDisplayName);
	await page
		.locator('[data-test-id="new-credential-type-select-option"]')
		.filter({ hasText: typeDisplayName })
		.first()
		.click();
	await page.locator('[data-test-id="new-credential-type-button"]').click();
	await page.locator('[data-test-id="credential-edit-dialog"]').waitFor();
}

/** Completes login and consent in the provider's popup; resolves when n8n's callback closed it. */
async function completeProviderPopup(popup: Page, ctx: E2eContext): Promise<void> {
	await popup.waitForLoadState();
	await popup.locator('input[name="username"]').fill(TEST_USER.username);
	await popup.locator('input[name="password"]').fill(TEST_USER.password);
	await screenshot(popup, ctx.screenshotDir, '04-provider-login');
	await popup.locator('#sign-in').click();
	await popup.locator('#allow').waitFor();
	await screenshot(popup, ctx.screenshotDir, '05-provider-consent');
	const closed = popup.waitForEvent('close', { timeout: 30_000 });
	await popup.locator('#allow').click();
	await closed;
}

export const browserScenarios: Scenario[] = [
	{
		name: 'UI: create an OAuth2 Connection in the credential modal, Connect through the popup, save',
		skip: (ctx) => (ctx.credentialType ? undefined : 'credential type not loaded'),
		timeoutMs: 180_000,
		async run(ctx) {
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await openNewCredentialModal(page, ctx, ctx.credentialType!.displayName);
				await page.locator('[data-test-id="copy-input"]').first().waitFor();
				await settle(page); // the modal fades in
				await docsScreenshot(page, ctx.screenshotDir, '01-credential-modal', 'credential-modal');

				const redirectUrl = (
					await page.locator('[data-test-id="copy-input"]').first().innerText()
				).trim();
				assert.equal(
					redirectUrl,
					`${ctx.n8n.url}/rest/oauth2-credential/callback`,
					'the modal shows n8n’s OAuth redirect URL',
				);

				await fillParameter(page, 'customAuthUrl', ctx.auth.authorizeUrl);
				await fillParameter(page, 'customTokenUrl', ctx.auth.tokenUrl);
				await fillParameter(page, 'customApiBaseUrl', ctx.api.origin);
				await fillParameter(page, 'clientId', CLIENTS.basic.clientId);
				await fillParameter(page, 'clientSecret', CLIENTS.basic.clientSecret);
				await fillParameter(page, 'scopes', TYPED_SCOPES);
				await screenshot(page, ctx.screenshotDir, '02-credential-filled');

				await page.locator('[data-test-id="credential-save-button"]').click();
				const connect = page
					.locator(
						'[data-test-id="oauth-connect-button"], [data-test-id="oauth-not-connected-banner"] button',
					)
					.first();
				await connect.waitFor();
				await page
					.locator('[data-test-id="credential-save-button"]')
					.filter({ hasText: /Saved/ })
					.waitFor()
					.catch(() => undefined);
				await connect.scrollIntoViewIfNeeded();
				await screenshot(page, ctx.screenshotDir, '03-saved-not-connected');

				const popupPromise = page.waitForEvent('popup');
				await connect.click();
				await completeProviderPopup(await popupPromise, ctx);

				await page.locator('[data-test-id="oauth-connect-success-banner"]').waitFor();
				await dismissToasts(page);
				await docsScreenshot(page, ctx.screenshotDir, '06-connected', 'credential-connected');
				await page
					.locator('[data-test-id="credential-save-button"]')
					.click()
					.catch(() => undefined);

				const credentials = await ctx.rest.request<Array<{ id: string; type: string }>>(
					'GET',
					'/rest/credentials',
				);
				const created = credentials.filter((c) => c.type === ctx.credentialType!.name);
				assert.ok(created.length > 0, 'the credential was saved');
				const connected = await Promise.all(created.map((c) => isConnected(ctx, c.id)));
				assert.ok(
					connected.includes(true),
					'n8n stored the token of the credential created in the UI',
				);
				const authorize = ctx.auth.authorizeRequests.at(-1);
				assert.equal(authorize?.scope, EXPECTED_SCOPE);
				assert.equal(ctx.auth.tokenRequests.at(-1)?.clientAuth, 'basic');
			} finally {
				await context.close();
			}
		},
	},
];
