// Serves the generated routes over real HTTP with node:http (plain JS: Debian has no
// @types/node for tsc). Try: curl -N localhost:8080/api/v1/quotes/AAPL/stream
import http from "node:http";
import { createMarketDataServiceRoutes } from "./out/generated/server/services/index.js";
import { UnknownSymbolError, marketHandler } from "./out/market.js";

const routes = createMarketDataServiceRoutes(marketHandler((line) => console.log(line), 500), {
  onError: (err) =>
    new Response(JSON.stringify({ message: err.message }), {
      status: err instanceof UnknownSymbolError ? 404 : 500,
      headers: { "Content-Type": "application/json" },
    }),
});

const matches = (template, pathname) => new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$").test(pathname);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const route = routes.find((r) => r.method === req.method && matches(r.path, url.pathname));
  if (!route) return void res.writeHead(404).end();
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = !["GET", "HEAD", "DELETE"].includes(req.method);
  const response = await route.handler(new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  // A client that disconnects cancels the response body, which cancels the handler's stream.
  res.on("close", () => {
    if (!res.writableFinished) reader.cancel(new Error("client disconnected")).catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch {
    res.destroy();
  }
});

const port = Number(process.env.PORT ?? 8080);
server.listen(port, () => console.log(`MarketDataService on http://localhost:${port}/api/v1`));
