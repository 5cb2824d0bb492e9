/**
 * Provider presets: one typed row per OAuth2 provider, read from each provider's own documentation.
 * The OAuth2 Connection credential generates its fields and the expressions the host resolves
 * from this table, and the README's preset table is generated from it too.
 *
 * URL templates (and scopes, token parameters, check URLs) may contain `{fieldKey}` placeholders;
 * each key names a field in PRESET_FIELDS, shown in the credential only for the presets whose
 * templates use it, or a placeholder derived from one (DERIVED_PLACEHOLDERS: a Microsoft cloud
 * gives its sign-in and Graph hosts).
 *
 * Each row records where its facts were confirmed: `sources` (the provider's own documentation
 * pages the endpoints, client authentication, PKCE and scopes were read from), `confirmedOn`, and
 * `unconfirmed` for the facts only found in a secondary index (Nango's providers.yaml, SDK code,
 * third-party guides): kept, but marked, and shown in the README.
 */
export * from './presets/types';
export * from './presets/fields';
export * from './presets/templates';
export * from './presets/rows';
