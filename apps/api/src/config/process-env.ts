import { parseApiConfig, type ConfigResult } from './api-config.js';

/** The only place in the API that reads `process.env`. */
export function readApiConfigFromProcess(): ConfigResult {
  return parseApiConfig(process.env);
}
