/**
 * The built client (client/dist) at /, with single-page-app fallback to
 * index.html. Before the client is built, a short page says how to build it.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Maillon</title></head>
<body><h1>Maillon</h1><p>The client is not built yet. Run <code>npm start</code> (it builds the client when
client sources exist) or <code>npm run build</code>. The GraphQL API is at <code>/graphql</code>.</p></body></html>
`;

export function createStaticHandler(clientDir: string) {
  let serve: ReturnType<typeof sirv> | undefined;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!serve && fs.existsSync(path.join(clientDir, 'index.html'))) {
      serve = sirv(clientDir, {
        single: true,
        etag: true,
        dotfiles: false,
        setHeaders: (response, pathname) => {
          // Hashed assets may be cached for good; index.html must be revalidated to pick up new builds.
          response.setHeader(
            'Cache-Control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    if (serve) {
      serve(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
  };
}
