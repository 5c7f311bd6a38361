// A tiny static file server for the built site (node's http module, no dependencies).
// Serves DIR on 127.0.0.1 at a free port; `.wasm` gets `application/wasm` so the browser can
// compile it while streaming, as a real static host would. Like a host configured for
// precompressed files (nginx `gzip_static`), it sends `F.br` or `F.gz` with its
// `content-encoding` when the browser accepts it and the copy exists (`cargo xtask dist` makes
// them), so the browser tests load the compressed copies a deployment would serve.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Start serving `root`; resolves to `{ url, close }` once listening. */
export async function startServer(root) {
  const base = path.resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://localhost');
      let file = path.resolve(base, '.' + decodeURIComponent(pathname));
      if (file !== base && !file.startsWith(base + path.sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) {
        file = path.join(file, 'index.html');
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
      const accepted = String(request.headers['accept-encoding'] ?? '');
      let body;
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
        body = await readFile(file + suffix).catch(() => undefined);
        if (body) {
          headers['content-encoding'] = encoding;
          break;
        }
      }
      body ??= await readFile(file);
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
