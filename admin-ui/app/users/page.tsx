'use client';
// Users: portal users (or admins) newest first, or the one with a phone; open one to see their sessions and
// purchases (GET /api/admin/users/{userId}: the first 20 of each).
import { useState } from 'react';
import Field from '@/components/Field';
import More from '@/components/More';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { SessionTable, TransactionTable } from '@/components/Tables';
import TableWrap from '@/components/TableWrap';
import { api, ApiError } from '@/lib/api';
import { when } from '@/lib/format';
import type { AdminUser } from '@/lib/types';
import { useLoad } from '@/lib/useLoad';
import { usePages } from '@/lib/usePages';

type Kind = 'portal' | 'admin';

export default function UsersPage() {
  const [filter, setFilter] = useState<{ phone?: string; kind: Kind }>({ kind: 'portal' });
  const [open, setOpen] = useState<string | null>(null);
  const list = usePages(cursor => api.users(filter.phone ? { phone: filter.phone } : { kind: filter.kind }, cursor), [filter]);
  const filterError = list.error instanceof ApiError && list.error.field ? list.error : null;

  function search(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setFilter({ phone: String(f.get('phone') ?? '').trim() || undefined, kind: f.get('kind') === 'admin' ? 'admin' : 'portal' });
  }

  return (
    <>
      <h1>Users</h1>
      <section className="card" aria-labelledby="search-title">
        <h2 id="search-title">Find users</h2>
        <form className="filters" onSubmit={search}>
          <div><Field id="phone" label="Phone" hint="finds one user" error={filterError}>
            <input name="phone" type="tel" inputMode="tel" placeholder="0712345678" /></Field></div>
          <div><Field id="kind" label="Kind" hint="without a phone" error={filterError}>
            <select name="kind" defaultValue="portal"><option value="portal">Portal users</option><option value="admin">Admins</option></select>
          </Field></div>
          <div><button type="submit" className="primary">Search</button></div>
        </form>
      </section>

      {open ? <UserDetailPanel userId={open} onClose={() => setOpen(null)} /> : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{filter.phone ? 'User with that phone' : filter.kind === 'admin' ? 'Admins, newest first' : 'Portal users, newest first'}</h2>
        {list.loading ? <Loading what="users" /> : list.error ? <ErrorNote error={list.error} retry={list.reload} />
          : !list.items.length ? <Empty>{filter.phone ? 'No user has that phone.' : 'No users yet.'}</Empty> : (
            <>
              <UserTable items={list.items} onOpen={u => setOpen(u.userId)} />
              <More next={list.next} more={list.more} loadMore={list.loadMore} count={list.items.length} />
            </>
          )}
      </section>
    </>
  );
}

function UserTable({ items, onOpen }: { items: AdminUser[]; onOpen: (u: AdminUser) => void }) {
  return (
    <TableWrap label="Users">
      <table className="users">
        <thead><tr><th scope="col">User</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Joined</th>
          <th scope="col">Last seen</th><th scope="col"><span className="sr-only">Details</span></th></tr></thead>
        <tbody>
          {items.map(u => (
            <tr key={u.userId} data-user={u.userId}>
              <td>{u.phone ?? u.email ?? '–'}<br /><span className="muted">{u.userId}</span></td>
              <td>{u.kind}</td><td>{u.status}</td><td>{when(u.createdAt)}</td><td>{when(u.lastSeenAt)}</td>
              <td className="actions"><button type="button" onClick={() => onOpen(u)} aria-label={`Details of ${u.phone ?? u.email ?? u.userId}`}>Details</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function UserDetailPanel({ userId, onClose }: { userId: string; onClose: () => void }) {
  const detail = useLoad(() => api.user(userId), [userId]);
  const d = detail.data;
  return (
    <section className="card detail" aria-labelledby="user-title">
      <h2 id="user-title">{d ? `User ${d.user.phone ?? d.user.email ?? d.user.userId}` : 'User'}</h2>
      {detail.loading && !d ? <Loading what="the user" /> : detail.error ? <ErrorNote error={detail.error} retry={detail.reload} /> : d ? (
        <>
          <dl className="facts">
            <dt>User id</dt><dd><code>{d.user.userId}</code></dd>
            <dt>Kind</dt><dd>{d.user.kind}{d.user.roles.length ? ` (${d.user.roles.join(', ')})` : ''}</dd>
            <dt>Phone</dt><dd>{d.user.phone ?? '–'}</dd>
            {d.user.email ? <><dt>Email</dt><dd>{d.user.email}</dd></> : null}
            <dt>Status</dt><dd>{d.user.status}</dd>
            <dt>Joined</dt><dd>{when(d.user.createdAt)}</dd>
            <dt>Last seen</dt><dd>{when(d.user.lastSeenAt)}</dd>
          </dl>
          <h3>Sessions</h3>
          {d.sessions.items.length ? <SessionTable items={d.sessions.items} caption="The user's sessions" /> : <Empty>No sessions.</Empty>}
          {d.sessions.nextCursor ? <p className="muted">The 20 most recent; the Sessions page lists the rest by phone.</p> : null}
          <h3>Purchases</h3>
          {d.transactions.items.length ? <TransactionTable items={d.transactions.items} caption="The user's purchases" /> : <Empty>No purchases.</Empty>}
          {d.transactions.nextCursor ? <p className="muted">The 20 most recent; the Transactions page lists the rest by phone.</p> : null}
        </>
      ) : null}
      <button type="button" onClick={onClose}>Close</button>
    </section>
  );
}
