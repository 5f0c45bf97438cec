/**
 * The HTTP service: builds a Fastify app over the registry. No listening here (the `serve` command
 * does that), so tests drive it with `app.inject()`.
 *
 * @example
 * await using ctx = await createContext(config);
 * const app = buildApp(ctx, { logLevel: 'info' });
 * await app.listen({ port: 8080 });
 * // ... later: close the app first (it owns the lookup reader), then the context.
 * await app.close();
 */
import accepts from '@fastify/accepts';
import fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { Context } from '../context.js';
import type { LedgerService } from '../ledger/service.js';
import type { RegistryService } from '../registry/service.js';
import { BUNDLED_CRAWLERS } from '../signals/crawlers.js';
import { toSite } from '../signals/model.js';
import { PublicationService } from '../signals/service.js';
import {
  openStatusLookup,
  ReaderStatusLookup,
  StoreStatusLookup,
  type StatusLookup,
} from '../registry/status-lookup.js';
import { CheckPool } from './check-pool.js';
import { AnswerCache, answerBytes } from './answer-cache.js';
import { KeptItems } from './check-kept.js';
import { fastPathServer, fastStatus, type FastListener } from './fast-status.js';
import { licenceHolder, type LicenceHolder } from './licensed-lookup.js';
import type { LicensingService } from '../licensing/service.js';
import type { StatementsService } from '../licensing/statements-service.js';
import { frameworkErrorHandler, installErrorHandling } from './error-handler.js';
import { registerOpenApi } from './openapi.js';
import { registerHomeRoutes } from './routes/home.js';
import { registerLedgerRoutes } from './routes/ledger.js';
import { registerRegistryRoutes } from './routes/registry.js';
import { registerSignalRoutes } from './routes/signals.js';
import { registerStatusRoutes } from './routes/status.js';
import { errorBodySchema, healthSchema } from './schemas/common.js';
import { registrySchemas } from './schemas/registry.js';
import { licensingSchemas } from './schemas/licensing.js';
import { remunerationSchemas } from './schemas/remuneration.js';
import { registerLicensingRoutes } from './routes/licensing.js';
import { registerDeskRoutes } from './routes/desk.js';
import { registerRemunerationRoutes } from './routes/remuneration.js';
import { registerFingerprintRoutes } from './routes/fingerprint.js';
import { fingerprintSchemas } from './schemas/fingerprint.js';
import type { FingerprintService } from '../fingerprint/identify/service.js';
import { statusSchemas } from './schemas/status.js';
import { VERSION } from './version.js';
import type { WebOptions } from '../web/deps.js';
import { Jobs } from '../web/jobs.js';
import { registerWeb } from '../web/plugin.js';
import { serviceInfo, serviceInfoSchema } from './routes/home.js';

export interface AppServices {
  registry: RegistryService;
  /** The transparency log; its routes are served when present. */
  ledger?: LedgerService;
  /** The status lookups (`StoreStatusLookup` over any store, or `ReaderStatusLookup`). */
  lookup: StatusLookup;
  /** The published artefacts and headers; served (and added to every response) when present. */
  publication?: PublicationService;
}

export interface AppOptions {
  /** pino level; default `silent` (tests). `serve` passes the configured level. */
  logLevel?: Config['logLevel'];
  /** Where log lines go; default stdout. */
  logStream?: { write(line: string): unknown };
  /** Log one line per request received and completed (at `info`). Default true. */
  logRequests?: boolean;
  /** Public base URL used in links; default: taken from each request's Host. */
  publicUrl?: string | null;
  /** Serve the interactive API reference at /docs. Default true. */
  docs?: boolean;
  /** With a context: `auto` (default) uses the synchronous SQLite snapshot reader when it can, `store` never. */
  lookup?: 'auto' | 'store';
  /**
   * With a context on an SQLite file: worker threads answering `POST /v1/check` (check-pool.ts).
   * Default 0: batches are answered inline. `serve` passes the configured number.
   */
  checkWorkers?: number;
  /** Where the check workers' module is and how to run it (tests run them from the sources). */
  checkWorker?: { url: URL; execArgv?: string[] };
  /** How often the publication re-reads the declarations (ms); default 5000. */
  publicationRefreshMs?: number;
  /**
   * Answer `GET /v1/recordings/{ISRC}` in front of Fastify when it can (fast-status.ts). Default true;
   * it applies only over the SQLite snapshot reader and while no per-request log line is due.
   */
  fastPath?: boolean;
  /**
   * Room (bytes) for the answers to the default question, kept while they hold: single lookups
   * (answer-cache.ts), and batch items (check-kept.ts) inline and in each check worker; 0 keeps none.
   * Default `DEFAULT_ANSWER_CACHE_BYTES`; `serve` passes the configured size.
   */
  answerCacheBytes?: number;
  /**
   * With a context: the web application (src/web/) at `/` and its pages. Default on; `false` leaves the
   * service as the API alone (then `/` is the plain service description).
   */
  web?: WebOptions | false;
}

export { VERSION };

/** Default room for kept answers: 256 MiB, about 250,000 answers of the benchmark registry's sizes. */
export const DEFAULT_ANSWER_CACHE_BYTES = 256 * 1024 * 1024;

/** Default body limit: every route but the batch check takes small bodies, if any. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

function isContext(input: Context | AppServices): input is Context {
  return 'services' in input && 'db' in input;
}

/** The app over a context (it opens, and closes on `app.close()`, the fast lookup) or over services. */
export function buildApp(input: Context | AppServices, options: AppOptions = {}): FastifyInstance {
  let registry: RegistryService;
  let ledger: LedgerService | undefined;
  let lookup: StatusLookup;
  let closeLookup = (): void => undefined;
  let checkPool: CheckPool | undefined;
  let publication: PublicationService | undefined;
  /** The synchronous lookup, when there is one (the snapshot reader): the fast path needs it. */
  let syncLookup: ReaderStatusLookup | undefined;
  let licences: LicenceHolder | undefined;
  let licensing: LicensingService | undefined;
  let statements: StatementsService | undefined;
  let fingerprint: FingerprintService | undefined;
  if (isContext(input)) {
    registry = input.services.registry;
    licensing = input.services.licensing;
    statements = input.services.statements;
    fingerprint = input.services.fingerprint;
    licences = licenceHolder(input.services.licensing, input.services.registry);
    ledger = input.services.ledger;
    const { config } = input;
    const reg = registry;
    publication = new PublicationService({
      declarations: () => reg.declarations(),
      site: toSite({
        baseUrl:
          options.publicUrl ??
          config.publicUrl ??
          `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
        issuer: config.issuer,
        contactEmail: config.contactEmail,
        licensingUrl: config.licensingUrl,
      }),
      crawlers: BUNDLED_CRAWLERS,
      signer: input.declarationSigner,
      // The declaration served is entered in the log, so that its text and date are provable.
      record: async (entry, topic) => {
        const log = input.services.ledger;
        if ((await input.stores.ledger.entriesAbout([topic], await log.size())).length === 0)
          await log.append([entry]);
      },
    });
    if ((options.lookup ?? 'auto') === 'auto') {
      const opened = openStatusLookup(input.db, input.stores.registry);
      lookup = opened.lookup;
      closeLookup = () => opened.close();
      if (opened.lookup instanceof ReaderStatusLookup) syncLookup = opened.lookup;
      const workers = options.checkWorkers ?? 0;
      if (opened.path === 'snapshot' && workers > 0 && input.db.kind === 'sqlite') {
        checkPool = CheckPool.start({
          dbPath: input.db.path,
          size: workers,
          keptBytes: options.answerCacheBytes ?? DEFAULT_ANSWER_CACHE_BYTES,
          ...(options.checkWorker === undefined
            ? {}
            : { workerUrl: options.checkWorker.url, execArgv: options.checkWorker.execArgv }),
        });
      }
    } else {
      lookup = new StoreStatusLookup(input.stores.registry);
    }
  } else {
    registry = input.registry;
    ledger = input.ledger;
    lookup = input.lookup;
    publication = input.publication;
  }

  const level = options.logLevel ?? 'silent';
  const requestLogs = options.logRequests !== false && ['info', 'debug', 'trace'].includes(level);
  // Filled in once the app's hooks exist; the server only calls it for requests, i.e. after listen.
  let fast: FastListener | undefined;
  const app = fastify({
    serverFactory: fastPathServer(() => fast),
    logger: {
      level,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    logController: new LogController({ disableRequestLogging: options.logRequests === false }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    frameworkErrors: frameworkErrorHandler,
    return503OnClosing: false,
    // Reject unknown query and body properties instead of silently dropping them: a misspelt
    // `?territoty=FR` must not quietly answer for every territory.
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.addHook('onClose', async () => {
    await checkPool?.close();
    closeLookup();
    publication?.stop();
  });
  if (publication !== undefined) {
    const pub = publication;
    // Derived once before the first request; then kept fresh in the background, never per request.
    app.addHook('onReady', async () => {
      await pub.refresh();
      pub.start(options.publicationRefreshMs ?? 5000, (e) =>
        app.log.error({ err: e }, 'publication refresh failed'),
      );
    });
  }

  // JSON only: any other body is answered 415 rather than parsed as text and rejected by a schema.
  app.removeContentTypeParser('text/plain');
  const lifecycle = installErrorHandling(app);
  // The default question's answers, kept while they hold; the fast path and the route share them.
  const cacheBytes = options.answerCacheBytes ?? DEFAULT_ANSWER_CACHE_BYTES;
  const answer = syncLookup === undefined ? undefined : answerBytes(syncLookup, cacheBytes > 0 ? new AnswerCache(cacheBytes) : null);
  // Batches answered on this thread keep their items too (check-kept.ts); the workers keep their own.
  const keptItems = syncLookup !== undefined && checkPool === undefined && cacheBytes > 0 ? new KeptItems(cacheBytes) : undefined;
  if (answer !== undefined && !requestLogs && (options.fastPath ?? true)) {
    const pub = publication;
    const none = Object.freeze({});
    fast = fastStatus({
      answer,
      headers: pub === undefined ? () => none : () => pub.current().headers,
      closing: () => lifecycle.closing(),
    });
  }
  for (const schema of [errorBodySchema, healthSchema, ...registrySchemas, ...statusSchemas, ...licensingSchemas, ...remunerationSchemas, ...fingerprintSchemas])
    app.addSchema(schema);
  const publicUrl = options.publicUrl ?? null;
  const docs = options.docs ?? true;

  void app.register(accepts);
  registerOpenApi(app, { version: VERSION, publicUrl, docs });
  // Routes go in a plugin registered after the OpenAPI plugin, so that it sees every one of them.
  const web = isContext(input) && options.web !== false ? input : null;
  void app.register(async (instance) => {
    registerHomeRoutes(instance, { version: VERSION, publicUrl, docs, root: web === null });
    if (publication !== undefined) registerSignalRoutes(instance, { publication });
    registerStatusRoutes(instance, { lookup, checkPool, licences, answer, keptItems });
    registerRegistryRoutes(instance, { registry });
    if (ledger !== undefined) registerLedgerRoutes(instance, { ledger });
    if (licensing !== undefined) {
      registerLicensingRoutes(instance, { licensing });
      registerDeskRoutes(instance, { licensing });
      if (statements !== undefined) registerRemunerationRoutes(instance, { licensing, statements });
    }
    if (fingerprint !== undefined) registerFingerprintRoutes(instance, { fingerprint });
    return Promise.resolve();
  });
  if (web !== null) {
    const ctx = web;
    const jobs = new Jobs();
    // Its own scope: the pages' security headers, cookies, form parsers and CSRF checks stay off the API.
    void app.register(async (instance) =>
      registerWeb(
        instance,
        {
          db: ctx.db,
          registry: ctx.services.registry,
          ledger: ctx.services.ledger,
          licensing: ctx.services.licensing,
          accounts: ctx.services.accounts,
          views: ctx.views,
          publication,
          jobs,
          version: VERSION,
          contactEmail: ctx.config.contactEmail ?? 'licensing@example.org',
          serviceInfo: (base) => serviceInfo(VERSION, base, docs),
          serviceInfoSchema,
          publicUrl,
        },
        options.web === false ? {} : options.web,
      ),
    );
    app.addHook('onClose', async () => jobs.idle());
  }
  return app;
}
