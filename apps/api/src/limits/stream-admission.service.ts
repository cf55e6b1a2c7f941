import { Inject, Injectable } from '@nestjs/common';
import { TooManyStreamsError } from '../common/errors/too-many-streams.error.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';

/** Counts the open event streams of this process, per API key and in all; refuses one over either cap. */
@Injectable()
export class StreamAdmission {
  private readonly perKey = new Map<string, number>();
  private open = 0;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Takes a slot for `keyId` or throws {@link TooManyStreamsError}; the returned function frees it (once). */
  admit(keyId: string): () => void {
    const { max, perKey } = this.config.streams;
    const retryAfter = this.config.backpressure.retryAfterSeconds;
    const held = this.perKey.get(keyId) ?? 0;
    if (held >= perKey) throw new TooManyStreamsError('key', perKey, retryAfter);
    if (this.open >= max) throw new TooManyStreamsError('process', max, retryAfter);
    this.perKey.set(keyId, held + 1);
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = (this.perKey.get(keyId) ?? 1) - 1;
      if (left === 0) this.perKey.delete(keyId);
      else this.perKey.set(keyId, left);
    };
  }

  /** Streams open right now. */
  get size(): number {
    return this.open;
  }
}
