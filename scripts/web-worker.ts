/**
 * One production web worker (forked by scripts/support/web-workers.ts): Next's request
 * handler behind Node's HTTP server, with the ingest stream endpoint answered first, without
 * Next (lib/http/node-ingest-stream.ts, decision 013).
 */
import http from 'node:http';
import next from 'next';
import { ingestStreamTarget, serveIngestStream } from '../lib/http/node-ingest-stream';

const port = Number(process.env.PORT);
const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  const target = ingestStreamTarget(request);
  if (target) void serveIngestStream(request, response, target);
  else void handle(request, response);
});
server.listen(port);

// Finish the requests in flight, then exit; idle keep-alive connections are closed at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
