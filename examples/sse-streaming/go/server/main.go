// Command server serves MarketDataService: a unary quote lookup and two
// Server-Sent Events streams, using the handlers sebuf generated into ../api.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"net"
	"net/http"
	"strings"
	"time"

	"example.com/sse-streaming/go/api/services"
)

var symbols = []string{"AAPL", "GOOG", "MSFT"}

type marketData struct {
	interval time.Duration
}

func quote(symbol string) *services.Quote {
	last := 100 + rand.Float64()*10
	return &services.Quote{Symbol: symbol, Bid: last - 0.05, Ask: last + 0.05, Last: last, TimeMs: time.Now().UnixMilli()}
}

func known(symbol string) bool {
	for _, s := range symbols {
		if s == symbol {
			return true
		}
	}
	return false
}

// GetQuote answers 404 for symbols it does not know.
func (m marketData) GetQuote(ctx context.Context, req *services.GetQuoteRequest) (*services.Quote, error) {
	if !known(req.Symbol) {
		return nil, &services.HTTPError{Status: http.StatusNotFound, Message: "unknown symbol " + req.Symbol}
	}
	return quote(req.Symbol), nil
}

// StreamQuotes sends a quote every interval until the client goes away. An unknown
// symbol is an error before the first event: the client gets a real 404.
func (m marketData) StreamQuotes(ctx context.Context, req *services.StreamQuotesRequest, out services.SSESender) error {
	if !known(req.Symbol) {
		return &services.HTTPError{Status: http.StatusNotFound, Message: "unknown symbol " + req.Symbol}
	}
	ticker := time.NewTicker(m.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			log.Printf("StreamQuotes(%s): client disconnected", req.Symbol)
			return nil
		case <-ticker.C:
			if err := out.Send(quote(req.Symbol)); err != nil {
				return err
			}
		}
	}
}

// StreamTrades sends trades as `event: trade` frames, up to limit (0 = no limit).
func (m marketData) StreamTrades(ctx context.Context, req *services.StreamTradesRequest, out services.SSESender) error {
	for i := 1; req.Limit == 0 || i <= int(req.Limit); i++ {
		symbol := req.Symbol
		if symbol == "" {
			symbol = symbols[i%len(symbols)]
		}
		side := services.Side_SIDE_BUY
		if i%2 == 0 {
			side = services.Side_SIDE_SELL
		}
		trade := &services.Trade{Id: fmt.Sprintf("t%d", i), Symbol: symbol, Price: 100 + float64(i), Quantity: int64(10 * i), Side: side, TimeMs: time.Now().UnixMilli()}
		if err := out.SendWithEvent("trade", trade); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(m.interval):
		}
	}
	return nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	interval := flag.Duration("interval", 200*time.Millisecond, "time between events")
	flag.Parse()
	mux := http.NewServeMux()
	if err := services.RegisterMarketDataServiceServer(marketData{interval: *interval}, services.WithMux(mux)); err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on http://%s (routes: %s)\n", ln.Addr(), strings.Join([]string{
		"GET /api/v1/quotes/{symbol}", "GET /api/v1/quotes/{symbol}/stream", "GET /api/v1/trades/stream",
	}, ", "))
	log.Fatal(http.Serve(ln, mux))
}
