'use client';
import Link from 'next/link';

export default function Overview() {
  return (
    <>
      <h1>Overview</h1>
      <ul className="tiles">
        <li className="card"><h2><Link href="/gateways">Gateways</Link></h2><p>Routers, their health (last seen), keys and setup scripts.</p></li>
        <li className="card"><h2><Link href="/vouchers">Vouchers</Link></h2><p>Generate batches, list them and print sheets with QR codes.</p></li>
        <li className="card"><h2><Link href="/sessions">Sessions</Link></h2><p>End a device&apos;s session.</p></li>
      </ul>
    </>
  );
}
