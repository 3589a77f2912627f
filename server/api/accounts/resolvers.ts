import { AccountError, publicAccount, type Account, type Role } from '../../accounts/accounts';
import type { AuditEntry } from '../../audit/audit-log';
import { userError } from '../errors';
import { GraphQLError } from 'graphql';
import { authOf, personal, requireRole, type GuardedContext } from './guard';

type Args = Record<string, unknown>;

const toRole = (r: unknown) => String(r).toLowerCase() as Role;
const gqlAccount = (a: Account) => ({ ...publicAccount(a), role: a.role.toUpperCase() });
const text = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Account errors as GraphQL errors with the same message and a code the page can tell apart. */
async function accountCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AccountError) {
      if (err.code === 'BAD_USER_INPUT') throw userError(err.message);
      throw new GraphQLError(err.message, { extensions: { code: err.code } });
    }
    throw err;
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;
function when(v: unknown, name: string): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string' || !ISO.test(v)) throw userError(`${name} must be a date (2025-01-31) or an ISO timestamp, got ${JSON.stringify(v)}`);
  return v;
}

export const accountResolvers = {
  Query: {
    me: (_: unknown, __: Args, ctx: GuardedContext) => {
      personal(ctx);
      const p = authOf(ctx).principal;
      return p ? { name: p.name, role: p.role.toUpperCase(), via: p.via.toUpperCase() } : null;
    },
    accounts: async (_: unknown, __: Args, ctx: GuardedContext) => {
      requireRole(ctx, 'admin');
      return (await authOf(ctx).services.accounts.list()).map(gqlAccount);
    },
    auditLog: async (_: unknown, args: Args, ctx: GuardedContext) => {
      requireRole(ctx, 'admin');
      const limit = typeof args.limit === 'number' ? args.limit : 100;
      if (limit < 1 || limit > 1000) throw userError(`limit must be between 1 and 1000, got ${limit}`);
      const until = when(args.until, 'until');
      const page = await authOf(ctx).services.audit.read({
        action: args.action as string | null, who: args.who as string | null, target: args.target as string | null,
        since: when(args.since, 'since'),
        // A date as `until` means the whole of that day.
        until: until && until.length === 10 ? `${until}T23:59:59.999Z` : until,
      }, limit);
      return { total: page.total, entries: page.entries.map((e: AuditEntry) => ({ ...e, before: text(e.before), after: text(e.after), note: e.note ?? null })) };
    },
  },
  Mutation: {
    createAccount: async (_: unknown, args: Args, ctx: GuardedContext) => {
      const who = requireRole(ctx, 'admin');
      const { accounts, audit } = authOf(ctx).services;
      const account = await accountCall(() => accounts.add(String(args.name), toRole(args.role), String(args.password)));
      await audit.append({ who: who.name, action: 'account-add', target: account.name, after: { role: account.role } });
      return gqlAccount(account);
    },
    setAccountRole: async (_: unknown, args: Args, ctx: GuardedContext) => {
      const who = requireRole(ctx, 'admin');
      const { accounts, audit } = authOf(ctx).services;
      const { before, after } = await accountCall(() => accounts.setRole(String(args.name), toRole(args.role)));
      await audit.append({ who: who.name, action: 'account-role', target: after.name, before: { role: before.role }, after: { role: after.role } });
      return gqlAccount(after);
    },
    setAccountPassword: async (_: unknown, args: Args, ctx: GuardedContext) => {
      const who = requireRole(ctx, 'viewer');
      const name = String(args.name);
      if (who.name !== name) requireRole(ctx, 'admin');
      const { accounts, audit } = authOf(ctx).services;
      const account = await accountCall(() => accounts.setPassword(name, String(args.password)));
      await audit.append({ who: who.name, action: 'account-password', target: name });
      return gqlAccount(account);
    },
    deleteAccount: async (_: unknown, args: Args, ctx: GuardedContext) => {
      const who = requireRole(ctx, 'admin');
      const { accounts, audit } = authOf(ctx).services;
      const gone = await accountCall(() => accounts.remove(String(args.name)));
      await audit.append({ who: who.name, action: 'account-remove', target: gone.name, before: { role: gone.role } });
      return true;
    },
  },
};
