import { z } from 'zod';

/** W3C trace context of the request's workflow span, carried by every job so the trace survives crashes and retries. */
export const traceCarrierSchema = z
  .object({ traceparent: z.string().min(1).max(256), tracestate: z.string().max(512).optional() })
  .strict();
export type TraceCarrierData = z.infer<typeof traceCarrierSchema>;

/** A `reason` job: decode the sequential step at checkpoint version `step`. Ids only. */
export const reasonJobSchema = z
  .object({
    requestId: z.string().min(1),
    step: z.number().int().nonnegative(),
    trace: traceCarrierSchema.optional(),
  })
  .strict();
export type ReasonJobData = z.infer<typeof reasonJobSchema>;

/** A `thread` job: decode one branch of fork block `block`; `index` is its position in outline order. */
export const threadJobSchema = z
  .object({
    requestId: z.string().min(1),
    block: z.number().int().nonnegative(),
    index: z.number().int().nonnegative(),
    number: z.string().min(1),
    enqueuedAt: z.number().int().nonnegative(),
    trace: traceCarrierSchema.optional(),
  })
  .strict();
export type ThreadJobData = z.infer<typeof threadJobSchema>;

/** A `join` job: reassemble block `block` (forked at checkpoint `version`) once every thread child finished or finally failed. */
export const joinJobSchema = z
  .object({
    requestId: z.string().min(1),
    block: z.number().int().nonnegative(),
    version: z.number().int().nonnegative(),
    trace: traceCarrierSchema.optional(),
  })
  .strict();
export type JoinJobData = z.infer<typeof joinJobSchema>;
