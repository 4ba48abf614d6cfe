// Run in a module that vendors sebuf/http/*.proto as its own package
// (example.com/corpus/sebuf/http): the generated servers and clients use it, and
// go-http gave its ValidationError and Error upstream's Error() texts.
// GoUpstreamCompatOracleTests copies it into the generated package.
package api

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	sebufhttp "example.com/corpus/sebuf/http"
)

type vendoredREST struct{ RESTServiceServer }

func (vendoredREST) GetItem(_ context.Context, r *GetItemRequest) (*Item, error) {
	return nil, &sebufhttp.ValidationError{Violations: []*sebufhttp.FieldViolation{{Field: "a", Description: "x"}, {Field: "b", Description: "y"}}}
}

func TestVendoredSebufHTTP(t *testing.T) {
	if got := (&sebufhttp.Error{}).Error(); got != "error: empty message" {
		t.Fatalf("Error(): %q", got)
	}
	mux := http.NewServeMux()
	if err := RegisterRESTServiceServer(vendoredREST{}, WithMux(mux)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	_, err := NewRESTServiceClient(srv.URL, WithRESTServiceAPIKey("123e4567-e89b-12d3-a456-426614174000")).
		GetItem(context.Background(), &GetItemRequest{ItemId: "i"})
	var ve *sebufhttp.ValidationError
	if !errors.As(err, &ve) || err.Error() != "validation error: [a: x, b: y]" {
		t.Fatalf("%#v %v", err, err)
	}
}
