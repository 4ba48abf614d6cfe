// The generated TS client talking to the generated TS server routes, in one process: the
// client's `fetch` option routes requests straight to the route handlers (any fetch-style
// server — Node, Deno, Bun, Hono, workers — mounts the same RouteDescriptors).
import { ApiError } from "./generated/client/errors.js";
import { MarketDataServiceClient } from "./generated/client/services/index.js";
import { createMarketDataServiceRoutes } from "./generated/server/services/index.js";
import type { RouteDescriptor } from "./generated/server/services/index.js";
import { UnknownSymbolError, marketHandler } from "./market.js";

function inProcessFetch(routes: RouteDescriptor[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    const route = routes.find(
      (r) => r.method === request.method && new RegExp("^" + r.path.replace(/\{[^}]+\}/g, "[^/]+") + "$").test(pathname),
    );
    return route ? route.handler(request) : new Response("not found", { status: 404 });
  };
}

const routes = createMarketDataServiceRoutes(marketHandler((line) => console.log(line)), {
  onError: (err) =>
    new Response(JSON.stringify({ message: err instanceof Error ? err.message : String(err) }), {
      status: err instanceof UnknownSymbolError ? 404 : 500,
      headers: { "Content-Type": "application/json" },
    }),
});
const client = new MarketDataServiceClient("http://market.local", { fetch: inProcessFetch(routes) });

const q = await client.getQuote({ symbol: "AAPL" });
console.log(`GetQuote: ${q.symbol} bid ${q.bid} ask ${q.ask}`);

try {
  await client.getQuote({ symbol: "NOPE" });
} catch (err) {
  if (err instanceof ApiError) console.log(`GetQuote NOPE: HTTP ${err.statusCode} ${err.body}`);
}

// Stop after three quotes: `break` cancels the reader and aborts the request, and the
// server's quote stream sees the cancel.
let n = 0;
for await (const quote of client.streamQuotes({ symbol: "NVDA" })) {
  console.log(`StreamQuotes: ${quote.symbol} last ${quote.last}`);
  if (++n === 3) break;
}

// A bounded stream ends by itself.
for await (const trade of client.streamTrades({ symbol: "", limit: 4 })) {
  console.log(`StreamTrades: ${trade.id} ${trade.side} ${trade.quantity} ${trade.symbol} @ ${trade.price}`);
}

// An AbortSignal stops an unbounded stream from outside the loop.
const abort = new AbortController();
setTimeout(() => abort.abort(), 250);
try {
  for await (const trade of client.streamTrades({ symbol: "MSFT", limit: 0 }, { signal: abort.signal })) {
    console.log(`StreamTrades (until aborted): ${trade.id} ${trade.symbol} @ ${trade.price}`);
  }
} catch (err) {
  console.log(`aborted: ${(err as Error).name}`);
}
// Give the server side a moment to log its cancel.
await new Promise((resolve) => setTimeout(resolve, 50));
