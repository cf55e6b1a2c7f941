import { describe, expect, it } from 'vitest';
import { idleScavengeWanted, tracesConfigured } from './telemetry-config.js';

describe('tracesConfigured', () => {
  it('is off without an exporter, so the SDK is never loaded', () => {
    expect(tracesConfigured({})).toBe(false);
    expect(tracesConfigured({ OTEL_SERVICE_NAME: 'x' })).toBe(false);
  });

  it('is on with an OTLP endpoint or an explicit exporter', () => {
    expect(tracesConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracesConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/v1/traces' })).toBe(true);
    expect(tracesConfigured({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
  });

  it('honours OTEL_SDK_DISABLED and OTEL_TRACES_EXPORTER=none', () => {
    expect(tracesConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracesConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(
      false,
    );
  });
});

describe('idleScavengeWanted', () => {
  it('is on by default and off with THREADLOOM_IDLE_SCAVENGE=false', () => {
    expect(idleScavengeWanted({})).toBe(true);
    expect(idleScavengeWanted({ THREADLOOM_IDLE_SCAVENGE: 'true' })).toBe(true);
    expect(idleScavengeWanted({ THREADLOOM_IDLE_SCAVENGE: ' FALSE ' })).toBe(false);
  });
});
