/** DI token of the API's own ioredis connection (batches, readiness). */
export const API_REDIS = Symbol('API_REDIS');
