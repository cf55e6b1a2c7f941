// Public API of @threadloom/api: build the HTTP application from validated configuration.
// The process entry is `dist/main.js` (configured by environment, see docs/api.md).
export { AppModule } from './app.module.js';
export { configureApiApp, createApiApp } from './create-api-app.js';
export { parseApiConfig } from './config/api-config.js';
export type { ApiConfig, ConfigResult } from './config/api-config.js';
export { API_SCOPES, apiEnvSchema } from './config/api-config.schema.js';
export type { ApiKeyEntry, ApiScope } from './config/api-config.schema.js';
export { hashApiKey } from './auth/api-key-hash.js';
