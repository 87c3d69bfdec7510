/**
 * The raw baseline: Node's own HTTP server answering a fixed JSON body of
 * the same size class as /api/me, with no framework, auth or database.
 */
import { createServer } from 'node:http';

const body = JSON.stringify({
  user: {
    id: 'user--00000000-0000-4000-8000-000000000000',
    username: 'bench.user',
    roles: ['analyst'],
  },
});
const port = Number(process.env.PORT ?? 0);
createServer((request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}).listen(port, '127.0.0.1');
