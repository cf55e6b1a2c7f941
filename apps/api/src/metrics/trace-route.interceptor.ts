import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/** Names the HTTP server span `{method} {route}` (HTTP semantic conventions) once Nest has matched the route. */
@Injectable()
export class TraceRouteInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = trace.getActiveSpan();
    if (span !== undefined && context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const path = (request.route as { path?: string } | undefined)?.path;
      if (path !== undefined) {
        const route = `${request.baseUrl}${path}`;
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
    }
    return next.handle();
  }
}
