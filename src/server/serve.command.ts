// bin/hamlet serve (and npm start): migrate, seed the synthetic borough on first start, serve HTTP,
// and shut down gracefully: in-flight requests finish and the database closes cleanly, so nothing
// acknowledged is lost.
import pino from 'pino';
import type { CliCommand } from '../cli/cli-command.ts';
import { parseCommandArgs } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { londonDate } from '../shared/domain/london-time.ts';
import { isSeeded, seedBorough } from '../borough/borough-seeder.ts';
import { buildApp } from './app.ts';
import { createReadiness } from './readiness.ts';
import { acquireDataDirLock, openConfiguredDatabase } from './runtime.ts';
import { createServices } from './services.ts';
import { systemClock } from './clock.ts';
import { createOutboxWorker } from '../booking/outbox-worker.ts';
import { createAuditSealer } from '../trust/audit-trail.ts';
import { transportFromConfig } from '../booking/message-transports.ts';

export const command: CliCommand = {
  summary: 'Run Hamlet (HTTP API and web app); seeds the synthetic borough on first start',
  usage: `Usage: hamlet serve [--port N]

Starts Hamlet at http://localhost:3000 (PORT or --port overrides) on the embedded database in ./data
(HAMLET_DATA_DIR overrides) or on DATABASE_URL. The first start migrates and seeds the synthetic borough,
showing progress; later starts reuse it. See .env.example for every setting.`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' } });
    const env = { ...io.env, ...(values.port ? { PORT: values.port } : {}) };
    const config = loadConfig(env);
    const logger = pino({ level: config.logLevel, ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}) });
    const releaseLock = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir, config.port);
    const started = performance.now();
    const database = await openConfiguredDatabase(config);
    logger.info({ database: database.kind, dataDir: config.databaseUrl ? undefined : config.dataDir }, 'database ready');
    const readiness = createReadiness(false);
    const services = createServices({ database, config, clock: systemClock });
    const app = await buildApp(services, { logger, readiness });
    await app.listen({ port: config.port, host: config.host });
    // Delivers booking messages and lapses waiting-list offers; started once the borough is ready.
    const outbox = createOutboxWorker({
      db: database.db, clock: systemClock, transport: transportFromConfig(config, (line) => logger.info(line)),
      housekeeping: [() => services.booking.waitingList.sweep()], onError: (err) => logger.error({ err }, 'outbox worker'),
    });

    let stopping = false;
    const auditSealer = createAuditSealer(database.db, 1_000, (err) => logger.error({ err }, 'audit sealer'));
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      await app.close();
      await outbox.stop();
      await auditSealer.stop();
      await database.close();
      releaseLock();
      logger.info('stopped');
    };
    const stopped = new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal).then(resolve));
    });

    if (!(await isSeeded(database))) {
      readiness.message = 'generating the synthetic borough';
      const anchorDate = config.anchorDate ?? londonDate(systemClock.now());
      logger.info({ seed: config.seed, scale: config.scale, anchorDate }, 'first start: generating the synthetic borough');
      await seedBorough(database, {
        seed: config.seed, scale: config.scale, anchorDate,
        onProgress: (progress) => {
          readiness.progress = { step: progress.step, done: progress.done, total: progress.total };
          readiness.message = progress.message;
          const percent = progress.total ? ` (${Math.round((100 * progress.done) / progress.total)}%)` : '';
          logger.info(`seeding: ${progress.message}${percent}`);
        },
      });
    }
    readiness.ready = true;
    outbox.start();
    auditSealer.start();
    // Warm the booking search index so the first patient does not wait for it.
    void services.booking.snapshot().catch((err: unknown) => logger.error({ err }, 'booking index'));
    readiness.message = 'ready';
    logger.info({ url: `http://localhost:${config.port}`, seconds: ((performance.now() - started) / 1000).toFixed(1) }, 'Hamlet is ready');
    await stopped;
    return 0;
  },
};
