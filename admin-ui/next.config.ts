import type { NextConfig } from 'next';

// A static export (no server): the local runtime serves out/ at /admin/, S3 + CloudFront in AWS. Each page is
// exported as a folder with its index.html (trailingSlash): Next also writes a folder of prefetch files beside
// each page, and the runtime answers a folder with its index.html, so /admin/gateways and /admin/gateways/ both work.
const config: NextConfig = {
  output: 'export',
  basePath: '/admin',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
