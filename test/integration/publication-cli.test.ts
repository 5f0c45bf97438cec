/**
 * `tdmr publish --out DIR`: the static files equal what the service serves, the declaration is signed
 * with the log's key (checked by jose against the log's verifier key) and its digest is in the log.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { canonicalJson, type JsonValue } from '../../src/ledger/canonical-json.js';
import { parseVerifierKey } from '../../src/ledger/note-keys.js';
import { PATHS } from '../../src/signals/model.js';
import { tdmr } from '../support/cli.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { robots } from '../support/signal-readers.js';
import { seedRegistry } from './registry-seed.js';

describe('tdmr publish', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-publish-'));
  const out = join(dir, 'site');
  const saved = process.env.TDMR_LOG_KEY_FILE;
  let dbUrl = '';
  let dispose: () => Promise<void> = () => Promise.resolve();
  let ctx: Context;
  beforeAll(async () => {
    process.env.TDMR_LOG_KEY_FILE = join(dir, 'log.key');
    const fresh = await freshContext(sqliteTestDb);
    await seedRegistry(fresh.ctx.services.registry);
    dbUrl = fresh.db.url;
    dispose = fresh.dispose;
    ctx = fresh.ctx;
    expect((await tdmr('--db', dbUrl, 'init')).code).toBe(0);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.TDMR_LOG_KEY_FILE;
    else process.env.TDMR_LOG_KEY_FILE = saved;
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every artefact, signs the declaration and logs its digest', async () => {
    const r = await tdmr('--db', dbUrl, '--json', 'publish', '--out', out, '--base-url', 'https://tdm.cmo.example');
    expect(r.code, r.err).toBe(0);
    const res = r.json<{ files: string[]; headers: Record<string, string>; logEntry: number }>();
    for (const p of Object.values(PATHS)) expect(existsSync(join(out, p)), p).toBe(true);
    expect(res.headers['tdm-reservation']).toBe('1');
    const robotsTxt = readFileSync(join(out, 'robots.txt'), 'utf8');
    expect(robots('https://tdm.cmo.example/robots.txt', robotsTxt).isDisallowed('https://tdm.cmo.example/a.mp3', 'GPTBot')).toBe(true);

    // The JWS verifies with the log's own public key (the verifier key `ledger key` prints).
    const jws = readFileSync(join(out, 'declaration.jws'), 'utf8').trim();
    const verifier = parseVerifierKey((await tdmr('--db', dbUrl, 'ledger', 'key')).out.trim());
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8')) as { alg: string; kid: string; jwk: { x: string } };
    expect(header.alg).toBe('EdDSA');
    expect(header.kid).toBe(`${verifier.name}+${verifier.keyHash.toString(16).padStart(8, '0')}`);
    expect(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: header.jwk.x }, format: 'jwk' }).export({ format: 'der', type: 'spki' }))
      .toEqual(verifier.publicKey.export({ format: 'der', type: 'spki' }));
    const { payload } = await compactVerify(jws, verifier.publicKey);
    const doc = JSON.parse(readFileSync(join(out, 'declaration.jsonld'), 'utf8')) as JsonValue;
    expect(new TextDecoder().decode(payload)).toBe(canonicalJson(doc));
    const tampered = `${jws.split('.')[0]}.${Buffer.from(canonicalJson({ ...(doc as object), reservation: 0 })).toString('base64url')}.${jws.split('.')[2]}`;
    await expect(compactVerify(tampered, await importJWK({ kty: 'OKP', crv: 'Ed25519', x: header.jwk.x }, 'EdDSA'))).rejects.toThrow();

    // The log holds the digest of exactly that text.
    const [entry] = (await ctx.services.ledger.entries(res.logEntry, res.logEntry + 1)).entries;
    expect(entry?.type).toBe('declaration.published');
    expect(JSON.parse(entry?.body ?? '{}')).toMatchObject({
      data: { url: 'https://tdm.cmo.example/declaration.jsonld', sha256: createHash('sha256').update(canonicalJson(doc)).digest('hex') },
    });
    // The publication entry sits in the log beside the registry's own without upsetting the audit.
    const verify = await tdmr('--db', dbUrl, 'ledger', 'verify');
    expect(verify.code, verify.out + verify.err).toBe(0);
  });

  it('refuses to publish without a base URL, and a bad crawler list', async () => {
    const saved = process.env.PUBLIC_URL;
    delete process.env.PUBLIC_URL;
    const r = await tdmr('--db', dbUrl, 'publish', '--out', out, '--no-log');
    if (saved !== undefined) process.env.PUBLIC_URL = saved;
    expect(r.code).toBe(2);
    expect(r.err).toContain('SIGNALS_BAD_SITE');
    const bad = await tdmr('--db', dbUrl, 'publish', '--out', out, '--base-url', 'https://x.example', '--crawlers', join(dir, 'missing.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('SIGNALS_BAD_CRAWLER_LIST');
  });
});
