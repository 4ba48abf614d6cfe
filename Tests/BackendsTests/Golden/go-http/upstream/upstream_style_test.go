// User code written the way upstream sebuf's users write it (upstream's sebufhttp error
// types, BindingMiddleware, SSEHandler, ValidateMessage, generated mocks), against the
// default (non self-contained) go-http and go-client output of the corpus, over real
// HTTP. GoUpstreamCompatOracleTests copies it into the generated package.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	sebufhttp "github.com/SebastienMelki/sebuf/http"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

const upstreamKey = "123e4567-e89b-12d3-a456-426614174000"

// upstreamREST implements only GetItem; the embedded interface stands in for the rest.
type upstreamREST struct{ RESTServiceServer }

func (upstreamREST) GetItem(_ context.Context, r *GetItemRequest) (*Item, error) {
	switch r.GetItemId() {
	case "invalid":
		return nil, &sebufhttp.ValidationError{Violations: []*sebufhttp.FieldViolation{{Field: "item_id", Description: "is invalid"}}}
	case "boom":
		return nil, errors.New("boom")
	}
	return &Item{ItemId: r.GetItemId(), Level: Level_LEVEL_LOW}, nil
}

type upstreamStream struct{ StreamServiceServer }

func (upstreamStream) Events(_ context.Context, r *EventsRequest, s SSESender) error {
	for i := int32(0); i < r.GetCount(); i++ {
		if err := s.Send(&Event{}); err != nil {
			return err
		}
	}
	return nil
}

func TestUpstreamStyleErrors(t *testing.T) {
	mux := http.NewServeMux()
	sawValidation := false
	handler := func(w http.ResponseWriter, r *http.Request, err error) proto.Message {
		var ve *sebufhttp.ValidationError
		if errors.As(err, &ve) {
			sawValidation = true
		}
		return nil
	}
	if err := RegisterRESTServiceServer(upstreamREST{}, WithMux(mux), WithErrorHandler(handler)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := NewRESTServiceClient(srv.URL, WithRESTServiceAPIKey(upstreamKey))

	item, err := client.GetItem(context.Background(), &GetItemRequest{ItemId: "ok"})
	if err != nil || item.GetItemId() != "ok" {
		t.Fatalf("GetItem: %v %v", item, err)
	}

	_, err = client.GetItem(context.Background(), &GetItemRequest{ItemId: "invalid"})
	var ve *sebufhttp.ValidationError
	if !errors.As(err, &ve) || len(ve.GetViolations()) != 1 || ve.GetViolations()[0].GetField() != "item_id" {
		t.Fatalf("want *sebufhttp.ValidationError, got %#v", err)
	}
	if err.Error() != "validation error: item_id: is invalid" || !sawValidation {
		t.Fatalf("error text %q, handler saw it: %v", err.Error(), sawValidation)
	}

	_, err = client.GetItem(context.Background(), &GetItemRequest{ItemId: "boom"})
	var he *sebufhttp.Error
	if !errors.As(err, &he) || he.GetMessage() != "boom" {
		t.Fatalf("want *sebufhttp.Error boom, got %#v", err)
	}

	// The status of a handler's ValidationError is 400, over plain HTTP too.
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/items/invalid", nil)
	req.Header.Set("X-API-Key", upstreamKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"item_id"`) {
		t.Fatalf("status %d body %s", resp.StatusCode, body)
	}
}

func TestUpstreamStyleBindingMiddlewareAndValidateMessage(t *testing.T) {
	headers := []*sebufhttp.Header{{Name: "X-API-Key", Type: "string", Format: "uuid", Required: true}}
	var bound string
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	h := BindingMiddleware[GetItemRequest](next, headers, nil,
		[]PathParamConfig{{URLParam: "item_id", FieldName: "item_id"}}, []QueryParamConfig{{QueryName: "q", FieldName: "item_id", Required: false}},
		"GET", nil, protojson.MarshalOptions{})
	SetValidator(func(m proto.Message) error {
		if r, ok := m.(*GetItemRequest); ok {
			bound = r.GetItemId()
			if r.GetItemId() == "rejected" {
				return &sebufhttp.ValidationError{Violations: []*sebufhttp.FieldViolation{{Field: "item_id", Description: "rejected"}}}
			}
		}
		return nil
	})
	defer SetValidator(nil)
	mux := http.NewServeMux()
	mux.Handle("GET /things/{item_id}", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, c := range []struct {
		path, key string
		status    int
	}{
		{"/things/a", upstreamKey, http.StatusNoContent},
		{"/things/a?q=b", upstreamKey, http.StatusNoContent},
		{"/things/a", "", http.StatusBadRequest},
		{"/things/a", "not-a-uuid", http.StatusBadRequest},
		{"/things/rejected", upstreamKey, http.StatusBadRequest},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+c.path, nil)
		if c.key != "" {
			req.Header.Set("X-API-Key", c.key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Fatalf("%s key %q: status %d, want %d", c.path, c.key, resp.StatusCode, c.status)
		}
	}
	if bound != "rejected" {
		t.Fatalf("validator saw %q", bound)
	}
	if err := ValidateMessage(&GetItemRequest{}); err != nil {
		t.Fatalf("ValidateMessage without a validator: %v", err)
	}
}

func TestUpstreamStyleSSEHandler(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /events", SSEHandler[EventsRequest](upstreamStream{}.Events, nil, nil, nil, nil,
		[]QueryParamConfig{{QueryName: "count", FieldName: "count"}}, "GET", protojson.MarshalOptions{}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/events?count=2")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" || strings.Count(string(body), "data: ") != 2 {
		t.Fatalf("%s %q", resp.Header.Get("Content-Type"), body)
	}
}

func TestUpstreamStyleEnumJSON(t *testing.T) {
	data, err := json.Marshal(map[string]Level{"a": Level_LEVEL_LOW, "b": Level_LEVEL_PLAIN})
	if err != nil || string(data) != `{"a":"low","b":"LEVEL_PLAIN"}` {
		t.Fatalf("%s %v", data, err)
	}
	var back map[string]Level
	if err := json.Unmarshal([]byte(`{"a":"high","b":"LEVEL_LOW","c":3}`), &back); err != nil {
		t.Fatal(err)
	}
	if back["a"] != Level_LEVEL_HIGH || back["b"] != Level_LEVEL_LOW || back["c"] != Level_LEVEL_PLAIN {
		t.Fatalf("%v", back)
	}
	var bad Level
	if err := json.Unmarshal([]byte(`"nope"`), &bad); err == nil {
		t.Fatal("unknown name accepted")
	}
}

func TestUpstreamStyleMocks(t *testing.T) {
	mux := http.NewServeMux()
	var _ RESTServiceServer = NewMockRESTServiceServer()
	if err := RegisterRESTServiceServer(NewMockRESTServiceServer(), WithMux(mux)); err != nil {
		t.Fatal(err)
	}
	if err := RegisterStreamServiceServer(NewMockStreamServiceServer(), WithMux(mux)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := NewRESTServiceClient(srv.URL, WithRESTServiceAPIKey(upstreamKey))
	item, err := client.GetItem(context.Background(), &GetItemRequest{ItemId: "x"})
	if err != nil {
		t.Fatal(err)
	}
	// Sample values as upstream's mocks: an id is a UUID, a name one of four people, int64 42.
	if len(item.GetItemId()) != 36 || item.GetName() == "" || item.GetCount() != 42 || len(item.GetTags()) != 1 {
		t.Fatalf("mock item %v", item)
	}
	member, err := client.GetMember(context.Background(), &GetMemberRequest{OrgId: "o", TeamId: 1, MemberLevel: Level_LEVEL_LOW})
	if err != nil || member.GetHeaders()["sample_key"] == "" {
		t.Fatalf("mock member %v %v", member, err)
	}
	stream, err := NewStreamServiceClient(srv.URL).Events(context.Background(), &EventsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	event := &Event{}
	if !stream.Next(event) {
		t.Fatalf("no mock event: %v", stream.Err())
	}

	// A validator rejecting the request makes the mock answer its error.
	SetValidator(func(proto.Message) error {
		return &sebufhttp.ValidationError{Violations: []*sebufhttp.FieldViolation{{Field: "item_id", Description: "no"}}}
	})
	defer SetValidator(nil)
	if _, err := NewMockRESTServiceServer().GetItem(context.Background(), &GetItemRequest{}); err == nil {
		t.Fatal("mock ignored ValidateMessage")
	}
}

type upstreamWire struct{}

func (upstreamWire) EchoReport(_ context.Context, r *Report) (*Report, error)       { return r, nil }
func (upstreamWire) EchoTallies(_ context.Context, r *TallyList) (*TallyList, error) { return r, nil }

// What upstream's encoders write decodes: int64 numbers and proto names in a plain map
// beside a map-value unwrap, unknown fields (ignored), and null for an empty root-unwrapped message.
func TestUpstreamStyleWireDecoding(t *testing.T) {
	mux := http.NewServeMux()
	if err := RegisterWireServiceServer(upstreamWire{}, WithMux(mux)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	body := `{"buckets":{"a":[{"count":"5"}]},"plain":{"k":{"count":9007199254740993,"mood":1,"last_seen":"x"}},"totals":{"t":12},"added_later":{"x":1}}`
	resp, err := http.Post(srv.URL+"/wire/report", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, data)
	}
	var report Report
	if err := report.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if report.GetBuckets()["a"].GetTallies()[0].GetCount() != 5 || report.GetPlain()["k"].GetCount() != 9007199254740993 ||
		report.GetPlain()["k"].GetMood() != Mood_MOOD_CALM || report.GetPlain()["k"].GetLastSeen() != "x" || report.GetTotals()["t"] != 12 {
		t.Fatalf("decoded %v from %s", &report, data)
	}
	resp, err = http.Post(srv.URL+"/wire/tallies", "application/json", strings.NewReader("null"))
	if err != nil {
		t.Fatal(err)
	}
	data, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("null body: %d %s", resp.StatusCode, data)
	}
	var list TallyList
	if err := json.Unmarshal([]byte("null"), &list); err != nil || len(list.GetTallies()) != 0 {
		t.Fatalf("null: %v %v", &list, err)
	}
	// An upstream server answers an empty root-unwrapped message with null.
	upstreamServer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, "null")
	}))
	defer upstreamServer.Close()
	got, err := NewWireServiceClient(upstreamServer.URL).EchoTallies(context.Background(), &TallyList{})
	if err != nil || len(got.GetTallies()) != 0 {
		t.Fatalf("client: %v %v", got, err)
	}
}
