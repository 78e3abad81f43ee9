import net from 'node:net';

/** Resolves true when nothing listens on `port` at `host` (undefined: every interface, as servers bind). */
export function isPortFree(port: number, host: string | undefined = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

/** The first free port from `preferred` upwards (0: any free port the OS picks). */
export async function findFreePort(preferred = 0, host = '127.0.0.1'): Promise<number> {
  if (preferred === 0) {
    return new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, host, () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
  }
  for (let port = preferred; port < preferred + 100 && port <= 65535; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`No free port found between ${preferred} and ${preferred + 99}`);
}
