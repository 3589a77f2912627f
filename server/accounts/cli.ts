/**
 * npm run user -- add NAME --role admin|editor|viewer   (password from the terminal, or stdin)
 * npm run user -- role NAME ROLE | passwd NAME | remove NAME | list
 *
 * Works on DATA_DIR/accounts.json directly, with or without the server running; every change is
 * written to the audit log as `cli:<login name>`.
 */
import { userInfo } from 'node:os';
import { ConfigError, loadConfig } from '../config';
import { AuditLog } from '../audit/audit-log';
import { AccountError, AccountStore, publicAccount, ROLES, type Role } from './accounts';

const USAGE = `usage:
  npm run user -- add NAME --role ${ROLES.join('|')}   (asks for the password; or pipe it on stdin)
  npm run user -- role NAME ${ROLES.join('|')}
  npm run user -- passwd NAME
  npm run user -- remove NAME
  npm run user -- list`;

/** Read a password without echoing it on a terminal; from a pipe, its first line. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          return reject(new Error('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

async function askNewPassword(): Promise<string> {
  const first = await readPassword('password: ');
  if (process.stdin.isTTY) {
    const again = await readPassword('password again: ');
    if (again !== first) throw new AccountError('the two passwords differ: nothing was changed');
  }
  return first;
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const accounts = new AccountStore(config.dataDir);
  const audit = new AuditLog(config.dataDir);
  const who = `cli:${userInfo().username}`;
  const [command, name, ...rest] = argv;
  switch (command) {
    case 'add': {
      const i = rest.indexOf('--role');
      const role = (i >= 0 ? rest[i + 1] : rest.find((r) => !r.startsWith('-'))) as Role | undefined;
      if (!name || !role) throw new AccountError(`add needs a name and a role\n${USAGE}`);
      const account = await accounts.add(name, role, await askNewPassword());
      await audit.append({ who, action: 'account-add', target: name, after: { role } });
      process.stdout.write(`account ${account.name} (${account.role}) added to ${accounts.file}\n`);
      return;
    }
    case 'role': {
      const role = rest[0] as Role | undefined;
      if (!name || !role) throw new AccountError(`role needs a name and a role\n${USAGE}`);
      const { before, after } = await accounts.setRole(name, role);
      await audit.append({ who, action: 'account-role', target: name, before: { role: before.role }, after: { role: after.role } });
      process.stdout.write(`${name} is now ${after.role}\n`);
      return;
    }
    case 'passwd': {
      if (!name) throw new AccountError(`passwd needs a name\n${USAGE}`);
      await accounts.get(name).then((a) => { if (!a) throw new AccountError(`there is no account named ${name}`); });
      await accounts.setPassword(name, await askNewPassword());
      await audit.append({ who, action: 'account-password', target: name });
      process.stdout.write(`password of ${name} changed\n`);
      return;
    }
    case 'remove': {
      if (!name) throw new AccountError(`remove needs a name\n${USAGE}`);
      const gone = await accounts.remove(name);
      await audit.append({ who, action: 'account-remove', target: name, before: { role: gone.role } });
      process.stdout.write(`account ${name} removed\n`);
      return;
    }
    case 'list':
      for (const a of (await accounts.list()).map(publicAccount)) process.stdout.write(`${a.name}\t${a.role}\t${a.created}\n`);
      return;
    default:
      throw new AccountError(USAGE);
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  const known = err instanceof AccountError || err instanceof ConfigError;
  process.stderr.write(`${known ? '' : 'user: '}${(err as Error).message}\n`);
  process.exitCode = 1;
}
