import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiScope } from '../config/api-config.schema.js';
import { ForbiddenError } from '../common/errors/forbidden.error.js';
import { requestContext } from '../common/logging/request-context.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedRequest } from './current-principal.decorator.js';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './require-scope.decorator.js';

/** Global guard: 401 without a valid key, 403 without the route's scope. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = this.auth.authenticate(request.header('authorization'));
    request.principal = principal;
    const store = requestContext.getStore();
    if (store) store.tenant = principal.tenant;
    const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets);
    if (scope && !principal.scopes.has(scope)) throw new ForbiddenError(scope);
    return true;
  }
}
