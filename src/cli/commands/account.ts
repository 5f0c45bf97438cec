/**
 * `tdmr account password ACCOUNT`: sets the web login password of an account of the licensing desk (by
 * id or e-mail), read from standard input so that it never appears in the shell history or the process
 * list; every session of the account ends. `tdmr account demo` creates the demo accounts (README).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { seedDemoAccounts, DEMO_PASSWORD } from '../../demo/accounts.js';
import { EXIT, action, emit, withContext, type Register } from '../io.js';

/** All of standard input, without the final line break. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin as AsyncIterable<Buffer | string>)
    chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export const registerAccount: Register = (program, io, done) => {
  const account = program
    .command('account')
    .description('web accounts: passwords for the licensing accounts');
  account
    .command('password')
    .description('set the web password of an account (read from standard input); ends its sessions')
    .argument('<account>', 'account id or e-mail address')
    .option('--password-file <file>', 'read the password from this file instead of standard input')
    .addHelpText(
      'after',
      "\nThe password has 12 to 256 characters and may not contain the login name.\nExample: printf '%s' 'a long pass phrase' | tdmr account password officer@example.org",
    )
    .action(
      action(io, done, async (who: string, opts: { passwordFile?: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const id = await ctx.services.accounts.accountId(who);
          const password =
            opts.passwordFile === undefined
              ? await readStdin()
              : (await readFile(opts.passwordFile, 'utf8')).replace(/\r?\n$/, '');
          await ctx.services.accounts.setPassword(id, password);
          emit(io, cmd, { account: id, password: 'set' }, () => `password set for account ${id}`);
          return EXIT.OK;
        }),
      ),
    );
  account
    .command('demo')
    .description('create the demo accounts (one per role), licences, usage reports and a distribution run')
    .addHelpText(
      'after',
      `\nNeeds the demo registry (tdmr demo seed) and the log key (tdmr init). Every demo account's password is ${DEMO_PASSWORD}.`,
    )
    .action(
      action(io, done, async (_opts: unknown, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const r = await seedDemoAccounts({
            registry: ctx.services.registry,
            licensing: ctx.services.licensing,
            accounts: ctx.services.accounts,
            registryViews: ctx.views.registry,
          });
          emit(io, cmd, r, () =>
            r.created
              ? r.accounts.map((a) => `${a.role}: ${a.email}`).join('\n') + `\npassword: ${DEMO_PASSWORD}`
              : 'the demo accounts exist already',
          );
          return EXIT.OK;
        }),
      ),
    );
};
