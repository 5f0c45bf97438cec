/**
 * The baseline: a bare Fastify server with one route returning a constant JSON body, and nothing else
 * (no logger, no schemas, no plugins). Prints its URL on stdout.
 */
import fastify from 'fastify';

const app = fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));
// The same path shape as the lookup route, for a second, stricter baseline (routing a parameter costs too).
app.get('/v1/recordings/:isrc', () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`http://127.0.0.1:${app.server.address().port}/\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
