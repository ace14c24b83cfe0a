/**
 * The site is a static export: `next build` writes plain files to out/ that any
 * static host or CDN serves. No server code runs after the build.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  trailingSlash: false,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
};

module.exports = nextConfig;
