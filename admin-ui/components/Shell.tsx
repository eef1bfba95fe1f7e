'use client';
// The frame of every page: the navigation, and the sign-in check (no token → login). The login page and the
// print sheet draw no navigation.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { session, toLogin } from '@/lib/api';

const NAV = [
  { href: '/', label: 'Dashboard' },
  { href: '/packages', label: 'Packages' },
  { href: '/transactions', label: 'Transactions' },
  { href: '/users', label: 'Users' },
  { href: '/sessions', label: 'Sessions' },
  { href: '/vouchers', label: 'Vouchers' },
  { href: '/gateways', label: 'Gateways' },
  { href: '/audit', label: 'Audit log' },
  { href: '/settings', label: 'Settings' },
];

export default function Shell({ children }: { children: React.ReactNode }) {
  const path = (usePathname() || '/').replace(/(.)\/$/, '$1');
  const open = path === '/login';
  const bare = open || path.startsWith('/vouchers/print');
  const [signedIn, setSignedIn] = useState(false);
  const [menu, setMenu] = useState(false);

  useEffect(() => {
    if (open) return;
    if (session.token()) setSignedIn(true);
    else toLogin();
  }, [open, path]);

  if (!open && !signedIn) return <main id="main" className="main"><p className="state" role="status">Loading…</p></main>;
  if (bare) return <main id="main" className={open ? 'main narrow' : 'main print-main'}>{children}</main>;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">WiFi billing admin</span>
        <button type="button" className="menu-toggle" aria-expanded={menu} aria-controls="nav" onClick={() => setMenu(!menu)}>Menu</button>
        <nav id="nav" aria-label="Main" className={menu ? 'nav open' : 'nav'}>
          <ul>
            {NAV.map(item => {
              const current = item.href === '/' ? path === '/' : path.startsWith(item.href);
              return (
                <li key={item.href}>
                  <Link href={item.href} aria-current={current ? 'page' : undefined} onClick={() => setMenu(false)}>{item.label}</Link>
                </li>
              );
            })}
            <li><button type="button" className="link" onClick={() => { session.clear(); toLogin(); }}>Sign out</button></li>
          </ul>
        </nav>
      </header>
      <main id="main" className="main">{children}</main>
    </>
  );
}
