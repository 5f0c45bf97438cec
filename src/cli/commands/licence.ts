/**
 * `tdmr licence ...`: the licensing desk from the command line — organisations, accounts, API keys,
 * tariffs, licence requests through their workflow, the signed licences and their offline check.
 * Whoever acts on a request is named with `--as ACCOUNT`: the log records that account and its role.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { verifyAgreement } from '../../licensing/agreement.js';
import { KEY_SCOPES } from '../../licensing/api-keys.js';
import { LicensingError } from '../../licensing/errors.js';
import type { AccountRole } from '../../licensing/parties.js';
import { ACTIONS, REQUEST_STATES, ROLES, type Action, type RequestState } from '../../licensing/workflow.js';
import { toInstant } from '../../registry/model.js';
import { EXIT, action, emit, withContext, type Io, type Register } from '../io.js';
import { registerLicenceMoney } from './licence-money.js';

/** A JSON file's content, or LICENSING_BAD_USAGE naming the file. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new LicensingError('LICENSING_BAD_USAGE', `cannot read ${path}: ${(e as Error).message}`, { details: { file: path } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new LicensingError('LICENSING_BAD_USAGE', `${path}: not JSON: ${(e as Error).message}`, { details: { file: path } });
  }
}

const asOption = () => new Option('--as <account>', 'the account acting (its role decides what it may do)').makeOptionMandatory();

export const registerLicence: Register = (program, io, done) => {
  const licence = program.command('licence').description('licensing desk: organisations, accounts, API keys, tariffs, licence requests and licences');

  const org = licence.command('org').description('licensee organisations');
  org
    .command('create')
    .description('create a licensee organisation')
    .argument('<name>', 'its name')
    .action(
      action(io, done, async (name: string, _o, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const o = await ctx.services.licensing.createOrganisation(name);
          emit(io, cmd, o, () => `organisation ${o.id} ${o.name}`);
          return EXIT.OK;
        }),
      ),
    );

  licence
    .command('account')
    .description('accounts')
    .command('create')
    .description('create an account with one role')
    .argument('<name>', 'the person or service')
    .addOption(new Option('--role <role>', 'its role').choices(ROLES.filter((r) => r !== 'system')).makeOptionMandatory())
    .option('--org <id>', 'the organisation (licensee accounts)')
    .option('--performer <id>', 'the performer of the registry (performer accounts)')
    .option('--email <address>', 'contact address')
    .action(
      action(io, done, async (name: string, o: { role: AccountRole; org?: string; performer?: string; email?: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const a = await ctx.services.licensing.createAccount({ name, role: o.role, organisationId: o.org ?? null, performerId: o.performer ?? null, email: o.email ?? null });
          emit(io, cmd, a, () => `account ${a.id} ${a.name} (${a.role})`);
          return EXIT.OK;
        }),
      ),
    );

  const key = licence.command('key').description('API keys');
  key
    .command('issue')
    .description('issue an API key for an account; the key is printed once and never stored')
    .argument('<account>', 'the account id')
    .addOption(new Option('--scope <scope...>', 'what the key may do (default: all)').choices([...KEY_SCOPES]))
    .option('--expires <date>', 'expiry (ISO-8601)')
    .action(
      action(io, done, async (account: string, o: { scope?: string[]; expires?: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const expires = o.expires === undefined ? null : toInstant(o.expires);
          if (expires === null && o.expires !== undefined) throw new LicensingError('LICENSING_BAD_USAGE', `--expires: not a date: ${o.expires}`, { details: { field: '--expires' } });
          const k = await ctx.services.licensing.issueKey(account, o.scope ?? KEY_SCOPES, expires);
          emit(io, cmd, k, () => `${k.key}\n(key ${k.id}, scopes ${k.scopes.join(', ')}${k.expiresAt === null ? '' : `, expires ${k.expiresAt}`}; shown once: keep it now)`);
          return EXIT.OK;
        }),
      ),
    );
  key
    .command('revoke')
    .description('revoke an API key from now on')
    .argument('<id>', 'the key id (the 16 hex characters after tdmr_)')
    .action(
      action(io, done, async (id: string, _o, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          await ctx.services.licensing.revokeKey(id);
          emit(io, cmd, { id, revoked: true }, () => `key ${id} revoked`);
          return EXIT.OK;
        }),
      ),
    );

  licence
    .command('tariff')
    .description('tariffs')
    .command('put')
    .description('store a tariff version from a JSON file (docs/licensing.md); versions never change')
    .argument('<file>', 'the tariff JSON')
    .action(
      action(io, done, async (file: string, _o, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const { tariff, outcome } = await ctx.services.licensing.putTariff(readJson(file), file);
          emit(io, cmd, { outcome, tariff }, () => `tariff ${tariff.id} v${tariff.version}: ${outcome}`);
          return EXIT.OK;
        }),
      ),
    );

  const request = licence.command('request').description('licence requests and their workflow');
  request
    .command('submit')
    .description('submit a licence request (terms as JSON: uses, repertoire, media, territories, from, to, product)')
    .argument('<file>', 'the terms JSON')
    .addOption(asOption())
    .action(
      action(io, done, async (file: string, o: { as: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const r = await svc.submitRequest((await svc.principalOf(o.as)).actor, readJson(file));
          emit(io, cmd, r, () => `licence request ${r.id}: ${r.state}`);
          return EXIT.OK;
        }),
      ),
    );
  request
    .command('list')
    .description('licence requests the account may see, oldest first')
    .addOption(new Option('--state <state>', 'only those in this state').choices([...REQUEST_STATES]))
    .addOption(asOption())
    .action(
      action(io, done, async (o: { as: string; state?: RequestState }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const list = await svc.requests((await svc.principalOf(o.as)).actor, o.state);
          emit(io, cmd, list, () => (list.length === 0 ? 'no licence requests' : list.map((r) => `${r.id}  ${r.state.padEnd(12)} ${r.terms.uses.join(',')}  ${r.terms.product}`).join('\n')));
          return EXIT.OK;
        }),
      ),
    );
  request
    .command('show')
    .description('a licence request with every move it made and its licence')
    .argument('<id>', 'the request id')
    .addOption(asOption())
    .action(
      action(io, done, async (id: string, o: { as: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const r = await svc.request(id, (await svc.principalOf(o.as)).actor);
          emit(io, cmd, r, () =>
            [
              `licence request ${r.request.id}: ${r.request.state}`,
              ...r.events.map((e) => `  ${e.at}  ${e.action.padEnd(9)} ${e.from} -> ${e.to} by ${e.by.role} ${e.by.id}${e.note === null ? '' : `: ${e.note}`}`),
              r.licence === null ? '' : `  licence ${r.licence.id} issued ${r.licence.issuedAt}${r.licence.terminatedAt === null ? '' : `, terminated ${r.licence.terminatedAt}`}`,
            ]
              .filter(Boolean)
              .join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
  request
    .command('act')
    .description('move a request: review, offer (--offer FILE), reject, accept, decline, activate (issues the licence), terminate')
    .argument('<id>', 'the request id')
    .addArgument(new Argument('<action>', 'the move').choices(ACTIONS.filter((a) => a !== 'expire')))
    .option('--offer <file>', 'with offer: the terms and tariff offered, as JSON { terms, tariff: { id, version } }')
    .option('--note <text>', 'a note for the record (a reason, a comment)')
    .addOption(asOption())
    .action(
      action(io, done, async (id: string, act: Action, o: { as: string; offer?: string; note?: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const offer = o.offer === undefined ? undefined : readJson(o.offer);
          const r = await svc.act(id, act, (await svc.principalOf(o.as)).actor, { note: o.note ?? null, offer });
          emit(io, cmd, r, () => `licence request ${r.request.id}: ${r.request.state}${r.licence === null ? '' : `; licence ${r.licence.id}`}`);
          return EXIT.OK;
        }),
      ),
    );

  registerLicenceMoney(licence, io, done, asOption);

  licence
    .command('document')
    .description('the signed licence (JWS over the ODRL agreement), to give to the licensee')
    .argument('<licence>', 'the licence id')
    .option('--out <file>', 'write it to this file (default: print it)')
    .addOption(asOption())
    .action(
      action(io, done, async (id: string, o: { as: string; out?: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const l = await svc.licence(id, (await svc.principalOf(o.as)).actor);
          if (o.out !== undefined) writeFileSync(o.out, `${l.signature}\n`);
          emit(io, cmd, { licence: l.id, jws: l.signature, agreement: JSON.parse(l.document) as unknown }, () => (o.out === undefined ? l.signature : `licence ${l.id} written to ${o.out}`));
          return EXIT.OK;
        }),
      ),
    );

  licence
    .command('verify')
    .description('check a signed licence offline, with the collective’s public key (`tdmr ledger key`, /.well-known/tdm-reserve/log-key)')
    .argument('<file>', 'the licence (JWS)')
    .requiredOption('--key <verifier-key>', 'the verifier key text, or @FILE to read it from a file')
    .addHelpText('after', '\nExit code: 0 valid, 1 not valid (the reason is printed), 2 bad usage.')
    .action(
      action(io, done, (file: string, o: { key: string }, cmd: Command) => Promise.resolve(verify(io, cmd, file, o.key))),
    );

  licence
    .command('expire')
    .description('expire the active licences whose term has ended (run it daily)')
    .action(
      action(io, done, async (_o, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const ids = await ctx.services.licensing.expireDue();
          emit(io, cmd, { expired: ids }, () => (ids.length === 0 ? 'nothing to expire' : `expired: ${ids.join(', ')}`));
          return EXIT.OK;
        }),
      ),
    );
};

function verify(io: Io, cmd: Command, file: string, keyArg: string): 0 | 1 {
  let jws: string;
  let key: string;
  try {
    jws = readFileSync(file, 'utf8');
    key = keyArg.startsWith('@') ? readFileSync(keyArg.slice(1), 'utf8') : keyArg;
  } catch (e) {
    throw new LicensingError('LICENSING_BAD_USAGE', `cannot read: ${(e as Error).message}`, { details: { file } });
  }
  const r = verifyAgreement(jws, key);
  emit(io, cmd, r, () => (r.ok ? `valid licence ${String(r.agreement['tdmr:licence'])}, signed by ${r.kid}` : `NOT VALID: ${r.reason}`));
  return r.ok ? EXIT.OK : EXIT.NEGATIVE;
}
