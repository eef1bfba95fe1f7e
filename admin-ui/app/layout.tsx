import type { Metadata, Viewport } from 'next';
import Shell from '@/components/Shell';
import './globals.css';

export const metadata: Metadata = { title: 'WiFi billing admin', description: 'Run the hotspot business: gateways, vouchers, sessions' };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* Deployment settings (API address, portal address), read at runtime: replaceable without a rebuild. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/admin/config.js" />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <Shell>{children}</Shell>
      </body>
    </html>
  );
}
