"""The generated Python client (generated/services/market_data_client.py) calling
MarketDataService over HTTP.

    python3 demo.py                          # against market_stub.py, started in process
    python3 demo.py --url http://127.0.0.1:8080  # against the Go server in ../go/server

Python 3.10+, standard library only; `mypy --strict demo.py` is clean.
"""

from __future__ import annotations

import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "generated", "services"))

from market_data_client import (  # noqa: E402
    ApiError,
    GetQuoteRequest,
    MarketDataServiceClient,
    MarketDataServiceClientOptions,
    StreamQuotesRequest,
    StreamTradesRequest,
)


def main(argv: list[str]) -> None:
    server_log: list[str] = []
    logged = threading.Condition()
    if "--url" in argv:
        url = argv[argv.index("--url") + 1]
    else:
        import market_stub

        def log(line: str) -> None:
            with logged:
                server_log.append(line)
                print(line, flush=True)
                logged.notify_all()

        market_stub.MarketHandler.log = staticmethod(log)
        url = f"http://127.0.0.1:{market_stub.serve().server_address[1]}"

    def wait_for_server(text: str) -> None:
        """With the in-process stub, waits until the server has logged `text`."""
        if "--url" in argv:
            return
        with logged:
            logged.wait_for(lambda: any(text in line for line in server_log), timeout=5)

    client = MarketDataServiceClient(url, MarketDataServiceClientOptions(timeout=10))

    q = client.get_quote(GetQuoteRequest(symbol="AAPL"))
    print(f"GetQuote: {q.symbol} bid {q.bid:.2f} ask {q.ask:.2f}")

    try:
        client.get_quote(GetQuoteRequest(symbol="NOPE"))
    except ApiError as err:
        print(f"GetQuote NOPE: HTTP {err.status} {err.message}")

    # Stop after three quotes: `break` drops the stream, which closes the connection, and the
    # server's handler sees the client go away.
    for n, quote in enumerate(client.stream_quotes(StreamQuotesRequest(symbol="GOOG")), 1):
        print(f"StreamQuotes: {quote.symbol} last {quote.last:.2f}")
        if n == 3:
            break
    wait_for_server("quote stream for GOOG cancelled")

    # A bounded stream ends by itself; its frames are named `event: trade`.
    trades = client.stream_trades(StreamTradesRequest(limit=4))
    for trade in trades:
        print(f"StreamTrades ({trades.last_event}): {trade.id} {trade.side.name} {trade.quantity} {trade.symbol}"
              f" @ {trade.price}")
    wait_for_server("trade stream finished")

    # Leaving a `with` block closes an unbounded stream from outside the loop.
    deadline = time.monotonic() + 0.1
    with client.stream_trades(StreamTradesRequest(symbol="MSFT")) as unbounded:
        for trade in unbounded:
            if time.monotonic() > deadline:
                break
    print("closed the unbounded trade stream")
    wait_for_server("trade stream cancelled")

    # An error before the first event raises exactly as a unary call's.
    try:
        client.stream_quotes(StreamQuotesRequest(symbol="NOPE"))
    except ApiError as err:
        print(f"StreamQuotes NOPE: HTTP {err.status} {err.message}")


if __name__ == "__main__":
    main(sys.argv[1:])
