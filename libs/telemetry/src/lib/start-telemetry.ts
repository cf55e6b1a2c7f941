import { ID_GENERATOR } from './preset-id-generator.js';
import { disableIdleScavenge, enableIdleScavenge } from './idle-scavenge.js';
import { flushSpanRecords } from './span-recorder.js';
import { SyncContextManager } from './sync-context-manager.js';
import { idleScavengeWanted, tracesConfigured } from './telemetry-config.js';

/** What one app's preload asks for. */
export interface TelemetryOptions {
  /** Used unless OTEL_SERVICE_NAME is set. */
  readonly serviceName: string;
  /** Server spans for incoming HTTP (the API); outgoing calls are traced by hand, never by patching. */
  readonly instrumentHttpServer?: boolean;
  /** Incoming paths that get no span (health checks, scrapes). */
  readonly ignorePaths?: readonly string[];
  /**
   * Keep the active context across `await` (AsyncLocalStorage): the API needs it, its HTTP server span
   * being the parent of what its handlers do. Without it the context is active for synchronous code
   * only (SyncContextManager), which spares the process AsyncLocalStorage's promise hooks.
   */
  readonly asyncContext?: boolean;
}

interface RunningSdk {
  shutdown(): Promise<void>;
}

let running: RunningSdk | undefined;

/**
 * Starts `@opentelemetry/sdk-node` when the OTEL_* variables configure a trace exporter (OTLP by
 * default, protocol from OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL, W3C propagation). Otherwise it loads
 * nothing and every span stays a no-op. Returns whether tracing is on. Call from a `--import` preload.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<boolean> {
  if (running !== undefined) return true;
  if (!tracesConfigured()) return false;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const instrumentations = options.instrumentHttpServer === true ? [await httpServerInstrumentation(options)] : [];
  const sdk = new NodeSDK({
    ...(process.env['OTEL_SERVICE_NAME'] ? {} : { serviceName: options.serviceName }),
    idGenerator: ID_GENERATOR,
    ...(options.asyncContext === true ? {} : { contextManager: new SyncContextManager() }),
    instrumentations,
    // Metrics are Prometheus text served by each process; logs stay on stdout.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  if (idleScavengeWanted()) enableIdleScavenge();
  running = sdk;
  return true;
}

/** Flushes and stops the SDK (call once the process has drained its work); a no-op when tracing is off. */
export async function shutdownTelemetry(): Promise<void> {
  const sdk = running;
  running = undefined;
  if (sdk === undefined) return;
  disableIdleScavenge();
  flushSpanRecords();
  await sdk.shutdown();
}

/** True once startTelemetry started the SDK in this process. */
export function tracingEnabled(): boolean {
  return running !== undefined;
}

async function httpServerInstrumentation(options: TelemetryOptions) {
  const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
  const ignored = new Set(options.ignorePaths ?? []);
  return new HttpInstrumentation({
    disableOutgoingRequestInstrumentation: true,
    ignoreIncomingRequestHook: (request) => ignored.has((request.url ?? '').split('?')[0] ?? ''),
  });
}
