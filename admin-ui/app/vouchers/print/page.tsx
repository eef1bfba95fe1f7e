'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import QrCode from '@/components/QrCode';
import { Empty, ErrorNote, Loading } from '@/components/States';
import { api, portalUrl } from '@/lib/api';
import { duration, when } from '@/lib/format';
import { useLoad } from '@/lib/useLoad';

type Format = 'a4' | 'thermal';

export default function PrintPage() {
  return <Suspense fallback={<Loading what="the print sheet" />}><PrintSheet /></Suspense>;
}

/** The link a voucher's QR code holds: the portal with the code filled in (the portal reads ?code=). */
function voucherLink(code: string): string {
  const base = portalUrl();
  return `${base}${base.includes('?') ? '&' : '?'}code=${encodeURIComponent(code)}`;
}

function PrintSheet() {
  const params = useSearchParams();
  const batchId = params.get('batchId') || '';
  const format: Format = params.get('format') === 'thermal' ? 'thermal' : 'a4';
  const vouchers = useLoad(() => (batchId ? api.allVouchers(batchId) : Promise.resolve([])), [batchId]);
  const packages = useLoad(() => api.packages());
  const names = new Map((packages.data?.items || []).map(p => [p.packageId, p.name]));
  const other = format === 'a4' ? 'thermal' : 'a4';

  return (
    <>
      <style>{format === 'a4' ? '@page { size: A4; margin: 10mm }' : '@page { size: 58mm auto; margin: 2mm }'}</style>
      <div className="no-print print-bar">
        <h1>Print vouchers</h1>
        <p>Batch {batchId || '(none)'} · {format === 'a4' ? 'A4 grid' : '58 mm thermal strip'}</p>
        <p className="row">
          <Link className="button" href="/vouchers">Back to vouchers</Link>
          <Link className="button" href={`/vouchers/print?batchId=${encodeURIComponent(batchId)}&format=${other}`}>
            {other === 'a4' ? 'A4 grid' : '58 mm thermal strip'}
          </Link>
          <button type="button" className="primary" onClick={() => window.print()}>Print</button>
        </p>
      </div>
      {!batchId ? <Empty>No batch chosen: open this sheet from the vouchers page.</Empty>
        : vouchers.loading ? <Loading what="vouchers" />
        : vouchers.error ? <ErrorNote error={vouchers.error} retry={vouchers.reload} />
        : !vouchers.data?.length ? <Empty>This batch has no vouchers.</Empty> : (
          <ol className={`sheet ${format}`} aria-label="Vouchers">
            {vouchers.data.map(v => (
              <li key={v.code} className="voucher" data-code={v.code}>
                <div className="voucher-text">
                  <strong>WiFi {names.get(v.packageId) || v.packageId}</strong>
                  <span>{duration(v.grantSeconds)}</span>
                  <code className="voucher-code">{v.code}</code>
                  {v.validUntil ? <small>Use by {when(v.validUntil)}</small> : null}
                </div>
                <QrCode text={voucherLink(v.code)} label={`QR code for voucher ${v.code}`} />
              </li>
            ))}
          </ol>
        )}
    </>
  );
}
