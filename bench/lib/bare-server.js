/**
 * The baselines: a bare Fastify server (no logger, no schemas, no plugins) with
 *   GET /                    a constant JSON body, `{"hello":"world"}` (the baseline the goal is set against);
 *   GET /v1/recordings/:isrc the same body behind the lookup route's path shape (routing a parameter costs too);
 *   GET /answer/:isrc        when BARE_ANSWERS names a JSON file `{ hit, miss }`: those two real answers,
 *                            alternately, i.e. the service's response sizes without any lookup.
 * Prints its URL on stdout.
 */
import { readFileSync } from 'node:fs';
import fastify from 'fastify';

const app = fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));
app.get('/v1/recordings/:isrc', () => ({ hello: 'world' }));
if (process.env.BARE_ANSWERS) {
  const { hit, miss } = JSON.parse(readFileSync(process.env.BARE_ANSWERS, 'utf8'));
  let i = 0;
  app.get('/answer/:isrc', () => (i++ % 2 === 0 ? hit : miss));
}
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`http://127.0.0.1:${app.server.address().port}/\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
