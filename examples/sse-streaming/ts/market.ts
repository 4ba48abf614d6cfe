// A toy market: the MarketDataService handler used by demo.ts (in process) and serve.mjs
// (behind node:http). Streams are ReadableStreams that produce on demand (pull) and notice
// when the client goes away (cancel).
import { NamedEvent } from "./generated/server/services/index.js";
import type { MarketDataServiceHandler, ServerContext } from "./generated/server/services/index.js";
import type { GetQuoteRequest, Quote, StreamQuotesRequest, StreamTradesRequest, Trade } from "./generated/server/services/index.js";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const basePrices: Record<string, number> = { AAPL: 189.5, MSFT: 411.2, NVDA: 875.3 };

function quote(symbol: string, tick: number): Quote {
  const mid = (basePrices[symbol] ?? 100) + Math.sin(tick / 3) * 0.75;
  return {
    symbol,
    bid: Number((mid - 0.02).toFixed(2)),
    ask: Number((mid + 0.02).toFixed(2)),
    last: Number(mid.toFixed(2)),
    timeMs: String(Date.now()),
  };
}

export class UnknownSymbolError extends Error {}

/** `log` receives what the server side does, so the demo can show cancellation. */
export function marketHandler(log: (line: string) => void, intervalMs = 100): MarketDataServiceHandler {
  const known = (symbol: string): void => {
    if (!(symbol in basePrices)) throw new UnknownSymbolError(`unknown symbol ${symbol}`);
  };
  return {
    async getQuote(_ctx: ServerContext, req: GetQuoteRequest): Promise<Quote> {
      known(req.symbol);
      return quote(req.symbol, 0);
    },

    streamQuotes(_ctx: ServerContext, req: StreamQuotesRequest): ReadableStream<Quote> {
      known(req.symbol);
      let tick = 0;
      return new ReadableStream<Quote>(
        {
          async pull(controller) {
            if (tick > 0) await sleep(intervalMs);
            controller.enqueue(quote(req.symbol, tick++));
          },
          cancel() {
            log(`server: quote stream for ${req.symbol} cancelled after ${tick} quotes`);
          },
        },
        { highWaterMark: 0 },
      );
    },

    // Trades go out as named events (`event: trade`), like the Go server's SendWithEvent.
    streamTrades(_ctx: ServerContext, req: StreamTradesRequest): ReadableStream<NamedEvent<Trade>> {
      const symbols = req.symbol ? [req.symbol] : Object.keys(basePrices);
      if (req.symbol) known(req.symbol);
      let sent = 0;
      return new ReadableStream<NamedEvent<Trade>>(
        {
          async pull(controller) {
            if (req.limit > 0 && sent >= req.limit) {
              log(`server: trade stream finished after ${sent} trades`);
              controller.close();
              return;
            }
            if (sent > 0) await sleep(intervalMs);
            const symbol = symbols[sent % symbols.length] ?? "AAPL";
            const q = quote(symbol, sent);
            sent++;
            controller.enqueue(new NamedEvent("trade", {
              id: `t${sent}`,
              symbol,
              price: q.last,
              quantity: String(100 * ((sent % 5) + 1)),
              side: sent % 2 === 0 ? "SIDE_SELL" : "SIDE_BUY",
              timeMs: q.timeMs,
            }));
          },
          cancel() {
            log(`server: trade stream cancelled after ${sent} trades`);
          },
        },
        { highWaterMark: 0 },
      );
    },
  };
}
