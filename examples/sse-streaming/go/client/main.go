// Command client calls MarketDataService with the client sebuf generated into ../api:
// one quote, a bounded trade stream, an early stop of an endless quote stream, and
// the real 404 of a stream that fails before its first event.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"

	"example.com/sse-streaming/go/api/services"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "server base URL")
	flag.Parse()
	ctx := context.Background()
	client := services.NewMarketDataServiceClient(*url)

	q, err := client.GetQuote(ctx, &services.GetQuoteRequest{Symbol: "AAPL"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("quote %s last=%.2f\n", q.Symbol, q.Last)

	trades, err := client.StreamTrades(ctx, &services.StreamTradesRequest{Symbol: "MSFT", Limit: 3})
	if err != nil {
		log.Fatal(err)
	}
	trade := &services.Trade{}
	for trades.Next(trade) {
		fmt.Printf("trade %s %s %s %d @ %.2f\n", trade.Id, trade.Symbol, trade.Side, trade.Quantity, trade.Price)
	}
	if err := trades.Err(); err != nil {
		log.Fatal(err)
	}

	// StreamQuotes never ends on its own: read three quotes, then stop early.
	quotes, err := client.StreamQuotes(ctx, &services.StreamQuotesRequest{Symbol: "GOOG"})
	if err != nil {
		log.Fatal(err)
	}
	for n := 0; n < 3 && quotes.Next(q); n++ {
		fmt.Printf("streamed quote %s last=%.2f\n", q.Symbol, q.Last)
	}
	quotes.Close() // the server's handler sees its context cancelled
	fmt.Println("closed the quote stream after 3 events")

	_, err = client.StreamQuotes(ctx, &services.StreamQuotesRequest{Symbol: "NOPE"})
	var httpErr *services.HTTPError
	if !errors.As(err, &httpErr) {
		log.Fatalf("expected an HTTP error, got %v", err)
	}
	fmt.Printf("unknown symbol: status %d: %s\n", httpErr.Status, httpErr.Message)
}
