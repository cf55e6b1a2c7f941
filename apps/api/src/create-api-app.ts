import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { JsonLogger } from './common/logging/json-logger.js';
import { bodyParsingMiddleware } from './common/middleware/body-parsing.middleware.js';
import { corsMiddleware } from './common/middleware/cors.middleware.js';
import { securityHeadersMiddleware } from './common/middleware/security-headers.middleware.js';
import { requestIdMiddleware } from './common/middleware/request-id.middleware.js';
import type { ApiConfig } from './config/api-config.js';
import { setupOpenApi } from './docs/openapi.js';
import { httpObserverMiddleware } from './metrics/http-observer.middleware.js';
import { TraceRouteInterceptor } from './metrics/trace-route.interceptor.js';
import { MetricsService } from './metrics/metrics.service.js';
import { BULL_BOARD_PATH, bullBoardHandlers } from './queues/bull-board.js';
import { QUEUE_INSPECTOR, type QueueInspector } from './queues/queue-inspector.js';
import { UI_PATH, uiHandlers } from './ui/ui-handler.js';

/** Builds (but does not start) the API application; the HTTP pipeline is configured here once for main and tests. */
export async function createApiApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  configureApiApp(app, config);
  return app;
}

/** Applies middleware, docs and the dashboard to an application built from {@link AppModule} (also used by tests). */
export function configureApiApp(app: NestExpressApplication, config: ApiConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(securityHeadersMiddleware());
  app.use(requestIdMiddleware);
  app.use(httpObserverMiddleware(app.get(MetricsService)));
  app.use(corsMiddleware(config.http.corsOrigins));
  app.use(bodyParsingMiddleware(config.limits));
  app.use(
    BULL_BOARD_PATH,
    ...bullBoardHandlers(app.get<QueueInspector>(QUEUE_INSPECTOR).queues(), {
      auth: app.get(AuthService),
      authDisabled: config.authDisabled,
      withoutAuth: config.http.adminUiWithoutAuth,
    }),
  );
  app.useGlobalInterceptors(new TraceRouteInterceptor());
  app.use(UI_PATH, ...uiHandlers());
  setupOpenApi(app);
  app.enableShutdownHooks();
}
