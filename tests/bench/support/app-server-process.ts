/**
 * The app's real route handlers over HTTP in a process of their own (so a benchmark's client
 * does not share an event loop with the server). Prints `listening <url>` once ready;
 * DATABASE_URL and AUTH_SECRET come from the environment.
 */
import { startAppHttpServer } from '../../helpers/app-http-server';

const server = await startAppHttpServer();
console.log(`listening ${server.url}`);
