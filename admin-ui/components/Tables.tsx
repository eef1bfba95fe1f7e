// The transaction and session tables that more than one page shows (transactions, sessions, a user's detail).
import TableWrap from './TableWrap';
import { duration, kes, when } from '@/lib/format';
import type { AdminSession, Transaction } from '@/lib/types';

export function TransactionTable({ items, onOpen, caption }: { items: Transaction[]; onOpen?: (t: Transaction) => void; caption?: string }) {
  return (
    <TableWrap label={caption ?? 'Transactions'}>
      <table className="transactions">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead><tr><th scope="col">Started</th><th scope="col">Phone</th><th scope="col">Package</th><th scope="col">Amount</th>
          <th scope="col">Status</th><th scope="col">Receipt</th>{onOpen ? <th scope="col"><span className="sr-only">Details</span></th> : null}</tr></thead>
        <tbody>
          {items.map(t => (
            <tr key={t.transactionId} data-transaction={t.transactionId}>
              <td>{when(t.createdAt)}</td><td>{t.phone}</td><td>{t.packageId}</td><td>{kes(t.amountKES)}</td>
              <td><span className={`badge ${t.status === 'completed' ? 'ok' : t.status === 'pending' ? '' : 'bad'}`}>{t.status}</span></td>
              <td>{t.receipt ?? '–'}</td>
              {onOpen ? <td className="actions"><button type="button" onClick={() => onOpen(t)}
                aria-label={`Details of the ${kes(t.amountKES)} purchase at ${when(t.createdAt)}`}>Details</button></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function SessionTable({ items, onOpen, caption }: { items: AdminSession[]; onOpen?: (s: AdminSession) => void; caption?: string }) {
  return (
    <TableWrap label={caption ?? 'Sessions'}>
      <table className="sessions">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead><tr><th scope="col">Device</th><th scope="col">Phone</th><th scope="col">Package</th><th scope="col">Status</th>
          <th scope="col">Time left</th><th scope="col">Expires</th>{onOpen ? <th scope="col"><span className="sr-only">Details</span></th> : null}</tr></thead>
        <tbody>
          {items.map(s => (
            <tr key={s.deviceKey} data-device={s.deviceKey}>
              <td><code>{s.mac}</code><br /><span className="muted">{s.gatewayId}</span></td>
              <td>{s.phone ?? '–'}</td><td>{s.packageName ?? s.packageId}</td>
              <td>{s.status}{s.gatewayState ? <><br /><span className="muted">{s.gatewayState}</span></> : null}</td>
              <td>{s.remainingSeconds > 0 ? duration(s.remainingSeconds) : '–'}</td><td>{when(s.expiresAt)}</td>
              {onOpen ? <td className="actions"><button type="button" onClick={() => onOpen(s)} aria-label={`Details of device ${s.mac}`}>Details</button></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
