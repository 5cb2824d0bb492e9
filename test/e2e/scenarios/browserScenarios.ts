// A person's path through n8n's UI: sign in, Credentials, create an OAuth2 Connection in the
// credential modal, read the redirect URL it shows, Connect, sign in and consent in the popup,
// see the connected state, save. Screenshots go to test/e2e/screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

import { PROVIDER_PRESETS } from '../../../credentials/providerPresets';
import { CLIENTS } from '../../harness/openIdProvider';
import {
	dismissToasts,
	docsScreenshot,
	newContext,
	retry,
	screenshot,
	settle,
	signIn,
} from '../../harness/n8n/browser';
import type { E2eContext, Scenario } from '../../harness/n8n/context';
import { OWNER } from '../../harness/n8n/server';
import { TEST_USER } from '../../harness/openIdProvider';
import { EXPECTED_FORM_ORDER } from '../../harness/credentialForm';
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

/** Signs in as the owner and opens a new connection's modal; resolves once it shows the redirect URL. */
async function openNewConnectionModal(page: Page, ctx: E2eContext): Promise<void> {
	const typeDisplayName = ctx.credentialType!.displayName;
	await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
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
	await page.locator('[data-test-id="copy-input"]').first().waitFor();
	await settle(page); // the modal fades in
}

/** Completes login and consent in the provider's popup; resolves when n8n's callback closed it. */
async function completeProviderPopup(
	popup: Page,
	ctx: E2eContext,
	shots = { login: '04-provider-login', consent: '05-provider-consent' },
): Promise<void> {
	await popup.waitForLoadState();
	await popup.locator('input[name="username"]').fill(TEST_USER.username);
	await popup.locator('input[name="password"]').fill(TEST_USER.password);
	await screenshot(popup, ctx.screenshotDir, shots.login);
	await popup.locator('#sign-in').click();
	await popup.locator('#allow').waitFor();
	await screenshot(popup, ctx.screenshotDir, shots.consent);
	const closed = popup.waitForEvent('close', { timeout: 30_000 });
	await popup.locator('#allow').click();
	await closed;
}

/**
 * Picks an option of an options parameter in the credential modal (an element-plus select: the
 * list is teleported to the body). Resolves once `expectField` (a field the choice reveals) shows.
 */
async function chooseOption(
	page: Page,
	name: string,
	optionName: string,
	expectField: string,
): Promise<void> {
	const field = page.locator(`[data-test-id="parameter-input-${name}"]`).first();
	const input = field.locator('input').first();
	const option = page
		.locator('.el-select-dropdown__item')
		.filter({ visible: true })
		.filter({ hasText: new RegExp(`^\\s*${optionName}`) })
		.first();
	const revealed = page.locator(`[data-test-id="parameter-input-${expectField}"]`).first();
	await retry(`choosing ${optionName} as ${name}`, 4, async (attempt) => {
		if (attempt > 0) await page.keyboard.press('Escape').catch(() => undefined);
		await field.waitFor({ timeout: 30_000 });
		await field.scrollIntoViewIfNeeded();
		await input.click({ timeout: 10_000 });
		// Filterable selects take typed text; a plain one just lists every option.
		if (await input.isEditable().catch(() => false)) await input.fill(optionName);
		await option.click({ timeout: 10_000 });
		await revealed.waitFor({ timeout: 10_000 });
	});
}

function listCredentials(ctx: E2eContext) {
	return ctx.rest.request<Array<{ id: string; type: string }>>('GET', '/rest/credentials');
}

/** The credentials of this package's type created since `before`; waits up to 30 s for one. */
async function waitForNewCredential(ctx: E2eContext, before: Set<string>) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const created = (await listCredentials(ctx)).filter(
			(c) => c.type === ctx.credentialType!.name && !before.has(c.id),
		);
		if (created.length || Date.now() > deadline) return created;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Clicks Connect until the provider's popup opens (a click during a re-render can be lost). */
async function openProviderPopup(page: Page, connect: Locator): Promise<Page> {
	return retry('opening the provider popup', 3, async () => {
		const popup = page.waitForEvent('popup', { timeout: 20_000 });
		await connect.scrollIntoViewIfNeeded();
		await connect.click({ timeout: 10_000 });
		return popup;
	});
}

/**
 * The modal's fields top to bottom: each parameter's label, `notice` for a notice. Read in the
 * page (a string: the tests compile without the DOM library).
 */
async function modalFieldLabels(page: Page): Promise<string[]> {
	const script = `(() => {
		const dialog = document.querySelector('[data-test-id="credential-edit-dialog"]');
		const fields = [...dialog.querySelectorAll('form[data-test-id="credential-connection-parameter"]')];
		return fields
			.filter((field) => field.offsetParent !== null && field.innerText.trim() !== '')
			.map((field) => {
				const title = field.querySelector('label.n8n-input-label [class*="_title_"]');
				if (title) return title.innerText.replace(/\\*/g, '').trim();
				return field.querySelector('[class*="notice"]') ? 'notice' : '?';
			});
	})()`;
	return (await page.evaluate(script)) as string[];
}

export const browserScenarios: Scenario[] = [
	{
		name: 'UI: the credential modal reads top-down, for Custom and for a preset with a tenant field and setup hint',
		skip: (ctx) => (ctx.credentialType ? undefined : 'credential type not loaded'),
		timeoutMs: 120_000,
		async run(ctx) {
			const preset = PROVIDER_PRESETS.find((p) => p.id === 'keycloak');
			assert.ok(preset, 'the Keycloak preset exists');
			const context = await newContext();
			const page = await context.newPage();
			try {
				await openNewConnectionModal(page, ctx);
				assert.deepEqual(await modalFieldLabels(page), EXPECTED_FORM_ORDER.custom, 'Custom');

				await chooseOption(page, 'provider', preset.displayName, 'keycloakHost');
				await settle(page);
				assert.deepEqual(await modalFieldLabels(page), EXPECTED_FORM_ORDER.keycloak, 'Keycloak');
				const hint = page
					.locator('[data-test-id="credential-edit-dialog"]')
					.getByText(preset.setupHint.slice(0, 40), { exact: false })
					.first();
				await hint.waitFor({ timeout: 10_000 });
				assert.ok(await hint.isVisible(), 'the Keycloak setup hint is shown under Provider');
				await page.locator('[data-test-id="parameter-input-provider"]').scrollIntoViewIfNeeded();
				await docsScreenshot(page, ctx.screenshotDir, 'form-keycloak', 'credential-modal-preset');
			} catch (error) {
				await screenshot(page, ctx.screenshotDir, 'failed-form-order').catch(() => undefined);
				const html = await page
					.locator('[data-test-id="credential-edit-dialog"]')
					.innerHTML()
					.catch(() => '');
				fs.writeFileSync(`${ctx.screenshotDir}/failed-form-order.html`, html);
				throw error;
			} finally {
				await context.close();
			}
		},
	},
	{
		name: 'UI: create an OAuth2 Connection in the credential modal, Connect through the popup, save',
		skip: (ctx) => (ctx.credentialType ? undefined : 'credential type not loaded'),
		timeoutMs: 180_000,
		async run(ctx) {
			const context = await newContext();
			try {
				const page = await context.newPage();
				await openNewConnectionModal(page, ctx);
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
				await fillParameter(page, 'customApiBaseUrl', ctx.api.url);
				await fillParameter(page, 'appClientId', CLIENTS.basic.clientId);
				await fillParameter(page, 'appClientSecret', CLIENTS.basic.clientSecret);
				await fillParameter(page, 'scopes', TYPED_SCOPES);
				await screenshot(page, ctx.screenshotDir, '02-credential-filled');

				await page.locator('[data-test-id="credential-save-button"]').click();
				const connect = page
					.locator(
						'[data-test-id="oauth-connect-button"], [data-test-id="oauth-not-connected-banner"] button',
					)
					.first();
				await connect.waitFor();
				// After saving, the modal header shows "Saved" in place of the Save button.
				await page
					.getByText('Saved', { exact: true })
					.first()
					.waitFor({ timeout: 10_000 })
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
	{
		name: 'UI: Keycloak preset in the credential modal, aimed at the local HTTPS auth server, Connect through the popup',
		skip: (ctx) =>
			!ctx.credentialType
				? 'credential type not loaded'
				: !ctx.keycloak
					? 'no HTTPS auth server'
					: ctx.credentialType.properties.some((p) => p.name === 'keycloakHost')
						? undefined
						: 'the credential has no keycloakHost field',
		timeoutMs: 180_000,
		async run(ctx) {
			const keycloak = ctx.keycloak!;
			const preset = PROVIDER_PRESETS.find((p) => p.id === 'keycloak');
			assert.ok(preset, 'the Keycloak preset exists');
			const host = new URL(keycloak.origin).host; // 127.0.0.1:<port>, no https://
			const before = new Set((await listCredentials(ctx)).map((c) => c.id));
			// The popup goes to the HTTPS server's self-signed certificate (n8n trusts it through
			// NODE_EXTRA_CA_CERTS; the browser is told to accept it).
			const context = await newContext({ ignoreHTTPSErrors: true });
			const page = await context.newPage();
			try {
				await openNewConnectionModal(page, ctx);

				await chooseOption(page, 'provider', preset.displayName, 'keycloakHost');
				await fillParameter(page, 'keycloakHost', host);
				await fillParameter(page, 'keycloakRealm', keycloak.realm);
				await fillParameter(page, 'appClientId', CLIENTS.basic.clientId);
				await fillParameter(page, 'appClientSecret', CLIENTS.basic.clientSecret);
				await parameterInput(page, 'keycloakHost').scrollIntoViewIfNeeded();
				await screenshot(page, ctx.screenshotDir, 'keycloak-02-credential-filled');

				const save = page.locator('[data-test-id="credential-save-button"]');
				await save.click();
				const connect = page
					.locator(
						'[data-test-id="oauth-connect-button"], [data-test-id="oauth-not-connected-banner"] button',
					)
					.first();
				await connect.waitFor({ timeout: 30_000 });
				await waitForNewCredential(ctx, before); // saved before Connect is clicked
				await connect.scrollIntoViewIfNeeded();
				await screenshot(page, ctx.screenshotDir, 'keycloak-03-saved-not-connected');

				const popup = await openProviderPopup(page, connect);
				await completeProviderPopup(popup, ctx, {
					login: 'keycloak-04-provider-login',
					consent: 'keycloak-05-provider-consent',
				});

				await page
					.locator('[data-test-id="oauth-connect-success-banner"]')
					.waitFor({ timeout: 30_000 });
				await dismissToasts(page);
				await screenshot(page, ctx.screenshotDir, 'keycloak-06-connected');
				await save.click().catch(() => undefined);
			} catch (error) {
				await screenshot(page, ctx.screenshotDir, 'failed-keycloak-ui').catch(() => undefined);
				throw error;
			} finally {
				await context.close();
			}

			// n8n's side: one new credential, set to the Keycloak preset, holding a token.
			const created = await waitForNewCredential(ctx, before);
			assert.equal(created.length, 1, 'the modal saved one new credential');
			const saved = await ctx.rest.getCredential(created[0].id);
			assert.equal(saved.data?.provider, 'keycloak');
			assert.equal(saved.data?.keycloakHost, host);
			assert.equal(saved.data?.keycloakRealm, keycloak.realm);
			assert.ok(await isConnected(ctx, created[0].id), 'n8n stored the token');

			// The auth server's side: the preset's Keycloak URLs, default scopes and Basic auth.
			const authorize = keycloak.authorizeRequests.at(-1);
			assert.ok(authorize, 'the authorize request reached the HTTPS "Keycloak" server');
			assert.equal(authorize.path, `/realms/${keycloak.realm}/protocol/openid-connect/auth`);
			assert.equal(authorize.clientId, CLIENTS.basic.clientId);
			const requested = [...new Set([...preset.defaultScopes, ...(preset.refreshScopes ?? [])])];
			assert.equal(authorize.scope, requested.join(preset.scopeSeparator));
			assert.equal(
				authorize.redirectUri,
				`${ctx.n8n.url}/rest/oauth2-credential/callback`,
				'redirect_uri is n8n’s callback',
			);
			const exchange = keycloak.tokenRequests.find((r) => r.grantType === 'authorization_code');
			assert.ok(exchange, 'n8n exchanged the code at the Keycloak token endpoint');
			assert.equal(exchange.status, 200, exchange.error);
			assert.equal(exchange.clientId, CLIENTS.basic.clientId);
			assert.equal(preset.tokenAuthMethod, 'header');
			assert.equal(exchange.clientAuth, 'basic', 'Keycloak preset uses client_secret_basic');
			assert.equal(ctx.auth.authorizeRequests.length, 0, 'nothing went to the plain server');
			assert.equal(ctx.auth.tokenRequests.length, 0, 'nothing went to the plain server');
		},
	},
];
