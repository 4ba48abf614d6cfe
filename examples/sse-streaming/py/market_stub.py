"""A standard-library stand-in for the Go server in ../go/server (same routes, same JSON and
event-stream frames), so the Python demo runs where Go is not installed.

It is not generated: sebuf has no Python server backend. `python3 market_stub.py` serves on
127.0.0.1:8080; demo.py starts one in process when it is given no --url.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

SYMBOLS = ["AAPL", "GOOG", "MSFT"]


def quote(symbol: str) -> dict[str, Any]:
    last = 100 + random.random() * 10
    return {"symbol": symbol, "bid": last - 0.05, "ask": last + 0.05, "last": last,
            "timeMs": str(int(time.time() * 1000))}


class MarketHandler(BaseHTTPRequestHandler):
    log: Callable[[str], None] = print
    interval = 0.02

    def log_message(self, format: str, *args: Any) -> None:  # quiet access log
        pass

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        parts = url.path.split("/")
        query = dict(urllib.parse.parse_qsl(url.query))
        if len(parts) == 5 and parts[1:4] == ["api", "v1", "quotes"]:
            self.get_quote(urllib.parse.unquote(parts[4]))
        elif len(parts) == 6 and parts[1:4] == ["api", "v1", "quotes"] and parts[5] == "stream":
            self.stream_quotes(urllib.parse.unquote(parts[4]))
        elif url.path == "/api/v1/trades/stream":
            self.stream_trades(query.get("symbol", ""), int(query.get("limit", "0")))
        else:
            self.send_json(404, {"message": "no route for " + url.path})

    def send_json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def get_quote(self, symbol: str) -> None:
        if symbol not in SYMBOLS:
            self.send_json(404, {"message": "unknown symbol " + symbol})
        else:
            self.send_json(200, quote(symbol))

    def start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.close_connection = True

    def send_event(self, body: dict[str, Any], event: str = "") -> bool:
        """Writes one frame; False when the client has gone away."""
        frame = (f"event: {event}\n" if event else "") + "data: " + json.dumps(body) + "\n\n"
        try:
            self.wfile.write(frame.encode("utf-8"))
            self.wfile.flush()
            return True
        except (BrokenPipeError, ConnectionResetError):
            return False

    def stream_quotes(self, symbol: str) -> None:
        if symbol not in SYMBOLS:
            self.send_json(404, {"message": "unknown symbol " + symbol})
            return
        self.start_stream()
        sent = 0
        while self.send_event(quote(symbol)):
            sent += 1
            time.sleep(self.interval)
        MarketHandler.log(f"server: quote stream for {symbol} cancelled after {sent} quotes")

    def stream_trades(self, symbol: str, limit: int) -> None:
        self.start_stream()
        i = 1
        while limit == 0 or i <= limit:
            trade = {"id": f"t{i}", "symbol": symbol or SYMBOLS[i % 3], "price": 100.0 + i,
                     "quantity": str(10 * i), "side": "SIDE_BUY" if i % 2 else "SIDE_SELL",
                     "timeMs": str(int(time.time() * 1000))}
            if not self.send_event(trade, "trade"):
                MarketHandler.log(f"server: trade stream cancelled after {i - 1} trades")
                return
            i += 1
            time.sleep(self.interval)
        MarketHandler.log(f"server: trade stream finished after {i - 1} trades")


def serve(port: int = 0) -> ThreadingHTTPServer:
    """Starts the stub on 127.0.0.1:port (0: any free port) in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), MarketHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    stub = serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8080)
    print(f"listening on http://127.0.0.1:{stub.server_address[1]}", flush=True)
    threading.Event().wait()
