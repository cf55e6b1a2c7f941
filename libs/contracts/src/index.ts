// Public API of @threadloom/contracts: shapes shared by producers (API, CLI) and workers.
export { REQUEST_STATUSES, TERMINAL_STATUSES, isTerminalStatus } from './lib/request-status.js';
export type { RequestStatus } from './lib/request-status.js';
export { reasoningParametersSchema, reasoningSubmissionSchema } from './lib/reasoning-request.js';
export type { NormalizedSubmission, ReasoningParameters, ReasoningSubmission } from './lib/reasoning-request.js';
export type { BlockRecord, ReasoningClient, ReasoningEvent, ReasoningResult, RequestView, ThreadRecord } from './lib/reasoning-client.js';
