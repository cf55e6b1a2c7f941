import { SetMetadata } from '@nestjs/common';
import type { ApiScope } from '../config/api-config.schema.js';

export const REQUIRED_SCOPE = 'threadloom:required-scope';
export const PUBLIC_ROUTE = 'threadloom:public-route';

/** The scope a route needs; routes without it (and not {@link Public}) need only a valid key. */
export const RequireScope = (scope: ApiScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Marks a route that needs no API key (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
