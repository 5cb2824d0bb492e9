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
 * Where each fact of a row was confirmed (the provider's page, a quote, the date read) or why it
 * is not, is recorded in credentials/presetFacts.ts alone; the README's preset table is generated
 * from both.
 */
export * from './presets/types';
export * from './presets/fields';
export * from './presets/templates';
export * from './presets/rows';
