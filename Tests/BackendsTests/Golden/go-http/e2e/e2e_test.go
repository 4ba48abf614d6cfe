// End-to-end tests of go-http and go-client output over httptest: the OracleTests
// suite copies this file into the generated corpus package and runs `go test`.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	otherpb "example.com/corpus/other"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/timestamppb"
)

const apiKey = "123e4567-e89b-12d3-a456-426614174000"

type restServer struct{}

func (restServer) ListItems(ctx context.Context, r *ListItemsRequest) (*ListItemsResponse, error) {
	return &ListItemsResponse{Echo: r}, nil
}

func (restServer) GetItem(ctx context.Context, r *GetItemRequest) (*Item, error) {
	switch r.ItemId {
	case "missing":
		return nil, &HTTPError{Status: http.StatusNotFound, Message: "no item missing"}
	case "boom":
		return nil, errors.New("boom")
	case "quota":
		return nil, &QuotaError{Reason: "too many", Limit: 3}
	case "invalid":
		return nil, &ValidationError{Violations: []*FieldViolation{{Field: "item_id", Description: "is invalid"}}}
	}
	return &Item{ItemId: r.ItemId, Name: "item " + r.ItemId}, nil
}

func (restServer) CreateItem(ctx context.Context, r *CreateItemRequest) (*Item, error) {
	it := proto.Clone(r.Item).(*Item)
	it.Note = "created"
	return it, nil
}

func (restServer) UpdateItem(ctx context.Context, r *UpdateItemRequest) (*Item, error) {
	it := proto.Clone(r.Item).(*Item)
	it.ItemId = r.ItemId
	it.Note = "put"
	return it, nil
}

func (restServer) PatchItem(ctx context.Context, r *UpdateItemRequest) (*Item, error) {
	it := proto.Clone(r.Item).(*Item)
	it.ItemId = r.ItemId
	it.Note = "patched"
	return it, nil
}

func (restServer) DeleteItem(ctx context.Context, r *DeleteItemRequest) (*DeleteItemResponse, error) {
	return &DeleteItemResponse{Deleted: r.ItemId == "gone" && r.Level == Level_LEVEL_HIGH}, nil
}

func (restServer) GetMember(ctx context.Context, r *GetMemberRequest) (*Member, error) {
	return &Member{OrgId: r.OrgId, TeamId: r.TeamId, MemberLevel: r.MemberLevel}, nil
}

func (restServer) Touch(ctx context.Context, r *GetItemRequest) (*Item, error) {
	return &Item{ItemId: r.ItemId, Note: "touched"}, nil
}

type legacyServer struct{}

func (legacyServer) DoThing(ctx context.Context, r *GetItemRequest) (*Item, error) {
	return &Item{ItemId: r.ItemId, Note: "thing"}, nil
}

func (legacyServer) GetHTTPStatus(ctx context.Context, r *GetItemRequest) (*Item, error) {
	return &Item{ItemId: r.ItemId, Note: "status"}, nil
}

func (legacyServer) DoOther(ctx context.Context, r *GetItemRequest) (*Item, error) {
	return &Item{ItemId: r.ItemId, Note: "other"}, nil
}

type inventoryServer struct{}

func (inventoryServer) GetItem(ctx context.Context, r *GetItemRequest2) (*InventoryItem, error) {
	return &InventoryItem{ItemId: r.ItemId, Price: &otherpb.Money{Currency: "EUR", Units: 3}}, nil
}

func (inventoryServer) Quote(ctx context.Context, r *otherpb.QuoteRequest) (*otherpb.Money, error) {
	return &otherpb.Money{Currency: r.ItemId, Units: int64(r.Quantity) * 2}, nil
}

func (inventoryServer) Root(ctx context.Context, r *RootRequest) (*InventoryItem, error) {
	return &InventoryItem{ItemId: "root"}, nil
}

func (inventoryServer) Ping(ctx context.Context, r *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (inventoryServer) Nested(ctx context.Context, r *otherpb.Outer_Inner) (*otherpb.Outer_Inner, error) {
	return &otherpb.Outer_Inner{Name: r.Name, Value: r.Value + 1}, nil
}

type streamServer struct {
	cancelled chan struct{}
}

func (streamServer) GetStatus(ctx context.Context, r *StatusRequest) (*Status, error) {
	return &Status{Healthy: true}, nil
}

func (s streamServer) Events(ctx context.Context, r *EventsRequest, out SSESender) error {
	switch r.Fail {
	case "early":
		return &HTTPError{Status: http.StatusConflict, Message: "not now"}
	case "early500":
		return errors.New("broken")
	}
	for i := 0; i < int(r.Count); i++ {
		ev := &Event{Seq: int32(i), Payload: strings.Repeat("x", int(r.Size))}
		var err error
		if i%2 == 1 {
			err = out.SendWithEvent("tick", ev)
		} else {
			err = out.Send(ev)
		}
		if err != nil {
			return err
		}
	}
	switch r.Fail {
	case "late":
		return errors.New("late failure")
	case "hang":
		out.Flush()
		select {
		case <-ctx.Done():
			close(s.cancelled)
		case <-time.After(20 * time.Second):
		}
	}
	return nil
}

func (streamServer) ResourceEvents(ctx context.Context, r *ResourceEventsRequest, out SSESender) error {
	for i := 0; i < int(r.Limit); i++ {
		if err := out.Send(&Event{Seq: int32(i), Source: r.ResourceId + ":" + r.Type}); err != nil {
			return err
		}
	}
	return nil
}

func (streamServer) PostEvents(ctx context.Context, r *PostEventsRequest, out SSESender) error {
	for i, line := range r.Lines {
		if err := out.Send(&Event{Seq: int32(i), Payload: line, Source: r.Topic}); err != nil {
			return err
		}
	}
	return nil
}

type fixture struct {
	url       string
	rest      RESTServiceClient
	inventory InventoryServiceClient
	stream    StreamServiceClient
	json      JSONServiceClient
	cancelled chan struct{}
}

func setup(t *testing.T, opts ...ServerOption) *fixture {
	t.Helper()
	mux := http.NewServeMux()
	ss := streamServer{cancelled: make(chan struct{})}
	opts = append([]ServerOption{WithMux(mux)}, opts...)
	for _, err := range []error{
		RegisterRESTServiceServer(restServer{}, opts...),
		RegisterLegacyServiceServer(legacyServer{}, opts...),
		RegisterBasePathOnlyServiceServer(legacyServer{}, opts...),
		RegisterInventoryServiceServer(inventoryServer{}, opts...),
		RegisterStreamServiceServer(ss, opts...),
		RegisterJSONServiceServer(jsonServer{}, opts...),
		RegisterRootServiceServer(inventoryServer{}, opts...),
		RegisterEmptyServiceServer(struct{}{}, opts...),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &fixture{
		url:       srv.URL,
		rest:      NewRESTServiceClient(srv.URL+"/", WithRESTServiceAPIKey(apiKey)),
		inventory: NewInventoryServiceClient(srv.URL, WithInventoryServiceTenantCount("7")),
		stream:    NewStreamServiceClient(srv.URL),
		json:      NewJSONServiceClient(srv.URL),
		cancelled: ss.cancelled,
	}
}

func wantStatus(t *testing.T, err error, status int, message string) {
	t.Helper()
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != status || he.Message != message {
		t.Fatalf("want HTTPError %d %q, got %#v", status, message, err)
	}
}

func wantViolation(t *testing.T, err error, field, description string) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want ValidationError, got %#v", err)
	}
	for _, v := range ve.Violations {
		if v.Field == field && v.Description == description {
			return
		}
	}
	t.Fatalf("want violation %s: %s, got %v", field, description, ve)
}

func TestEveryVerb(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	it, err := f.rest.GetItem(ctx, &GetItemRequest{ItemId: "a b/c?d"})
	if err != nil || it.ItemId != "a b/c?d" || it.Name != "item a b/c?d" {
		t.Fatalf("GET: %v %v", it, err)
	}
	it, err = f.rest.CreateItem(ctx, &CreateItemRequest{Item: &Item{ItemId: "n", Count: 1 << 40, Level: Level_LEVEL_LOW}}, WithRESTServiceCallRequestID("r1"))
	if err != nil || it.ItemId != "n" || it.Count != 1<<40 || it.Level != Level_LEVEL_LOW || it.Note != "created" {
		t.Fatalf("POST: %v %v", it, err)
	}
	it, err = f.rest.UpdateItem(ctx, &UpdateItemRequest{ItemId: "u", Item: &Item{Name: "x"}})
	if err != nil || it.ItemId != "u" || it.Name != "x" || it.Note != "put" {
		t.Fatalf("PUT: %v %v", it, err)
	}
	it, err = f.rest.PatchItem(ctx, &UpdateItemRequest{ItemId: "p", Item: &Item{Name: "y"}})
	if err != nil || it.ItemId != "p" || it.Note != "patched" {
		t.Fatalf("PATCH: %v %v", it, err)
	}
	del, err := f.rest.DeleteItem(ctx, &DeleteItemRequest{ItemId: "gone", Level: Level_LEVEL_HIGH})
	if err != nil || !del.Deleted {
		t.Fatalf("DELETE: %v %v", del, err)
	}
	it, err = f.rest.Touch(ctx, &GetItemRequest{ItemId: "t"})
	if err != nil || it.Note != "touched" || it.ItemId != "t" {
		t.Fatalf("POST without verb: %v %v", it, err)
	}
}

func TestPathAndQueryBinding(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	opt := int32(0)
	req := &ListItemsRequest{
		Text: "hello world&x=1", PageSize: 25, MinCount: -1 << 40, U32: 4000000000, U64: 1 << 63,
		OnlyActive: true, Ratio: 0.5, Price: 12.25, Level: Level_LEVEL_HIGH,
		Tags: []string{"a", "b c"}, Ids: []int32{1, -2}, Levels: []Level{Level_LEVEL_LOW, Level_LEVEL_PLAIN}, Opt: &opt,
	}
	res, err := f.rest.ListItems(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(res.Echo, req) {
		t.Fatalf("query round trip:\n got %v\nwant %v", res.Echo, req)
	}
	m, err := f.rest.GetMember(ctx, &GetMemberRequest{OrgId: "o/1", TeamId: -5, MemberLevel: Level_LEVEL_HIGH})
	if err != nil || m.OrgId != "o/1" || m.TeamId != -5 || m.MemberLevel != Level_LEVEL_HIGH {
		t.Fatalf("nested path: %v %v", m, err)
	}
	// Enums in the URL: enum_value strings, proto names and numbers.
	for _, v := range []string{"high", "LEVEL_HIGH", "2"} {
		body := rawGet(t, f.url+"/api/v1/orgs/o/teams/1/levels/"+v, http.StatusOK)
		var got Member
		if err := json.Unmarshal([]byte(body), &got); err != nil || got.MemberLevel != Level_LEVEL_HIGH || !strings.Contains(body, `"memberLevel":"high"`) {
			t.Fatalf("%s: %s", v, body)
		}
	}
	body := rawGet(t, f.url+"/api/v1/items?page_size=1&lvl=low&lvl=LEVEL_HIGH&lvl=3&id=4&id=5&only_active=false&q=", http.StatusOK)
	var list ListItemsResponse
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	want := &ListItemsRequest{PageSize: 1, Levels: []Level{Level_LEVEL_LOW, Level_LEVEL_HIGH, Level_LEVEL_PLAIN}, Ids: []int32{4, 5}}
	if !proto.Equal(list.Echo, want) {
		t.Fatalf("raw query: %v", list.Echo)
	}
	_, err = f.rest.ListItems(ctx, &ListItemsRequest{})
	wantViolation(t, err, "page_size", "missing required query parameter: page_size")
	body = rawGet(t, f.url+"/api/v1/items?page_size=x&lvl=nope", http.StatusBadRequest)
	for _, want := range []string{"invalid value for query parameter page_size", "invalid value for query parameter lvl"} {
		if !strings.Contains(body, want) {
			t.Fatalf("want %q in %s", want, body)
		}
	}
	body = rawGet(t, f.url+"/api/v1/orgs/o/teams/notanumber/levels/1", http.StatusBadRequest)
	if !strings.Contains(body, "invalid value for path parameter team_id") {
		t.Fatal(body)
	}
}

func rawGet(t *testing.T, target string, status int) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("X-API-Key", apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("%s: status %d, want %d: %s", target, resp.StatusCode, status, data)
	}
	return string(data)
}

func TestHeaders(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	noKey := NewRESTServiceClient(f.url)
	_, err := noKey.GetItem(ctx, &GetItemRequest{ItemId: "x"})
	wantViolation(t, err, "X-API-Key", "required header 'X-API-Key' is missing")
	_, err = f.rest.GetItem(ctx, &GetItemRequest{ItemId: "x"}, WithRESTServiceCallAPIKey("not-a-uuid"))
	wantViolation(t, err, "X-API-Key", "header 'X-API-Key' validation failed: must be a valid UUID")
	_, err = f.rest.CreateItem(ctx, &CreateItemRequest{Item: &Item{}})
	wantViolation(t, err, "X-Request-ID", "required header 'X-Request-ID' is missing")
	_, err = f.inventory.GetItem(ctx, &GetItemRequest2{ItemId: "i"}, WithInventoryServiceCallTenantCount("many"))
	wantViolation(t, err, "X-Tenant-Count", "header 'X-Tenant-Count' validation failed: must be an integer")
	_, err = f.inventory.GetItem(ctx, &GetItemRequest2{ItemId: "i"}, WithInventoryServiceCallContact("nobody"), WithInventoryServiceCallDay("2024-13-01"))
	wantViolation(t, err, "X-Contact", "header 'X-Contact' validation failed: must be a valid email")
	wantViolation(t, err, "X-Day", "header 'X-Day' validation failed: must be a valid date")
	it, err := f.inventory.GetItem(ctx, &GetItemRequest2{ItemId: "i"}, WithInventoryServiceCallContact("a@b.c"), WithInventoryServiceCallWhen("2024-01-02T03:04:05Z"), WithInventoryServiceCallDryRun("true"), WithInventoryServiceCallRatio("0.5"), WithInventoryServiceCallTime("10:11:12"))
	if err != nil || it.ItemId != "i" || it.Price.Units != 3 {
		t.Fatalf("%v %v", it, err)
	}
}

func TestErrors(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	_, err := f.rest.GetItem(ctx, &GetItemRequest{ItemId: "missing"})
	wantStatus(t, err, http.StatusNotFound, "no item missing")
	_, err = f.rest.GetItem(ctx, &GetItemRequest{ItemId: "boom"})
	wantStatus(t, err, http.StatusInternalServerError, "boom")
	_, err = f.rest.GetItem(ctx, &GetItemRequest{ItemId: "quota"})
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusInternalServerError || !strings.Contains(he.Message, `"reason"`) || !strings.Contains(he.Message, `"too many"`) {
		t.Fatalf("proto error body: %#v", err)
	}
	if msg := (&QuotaError{Reason: "r"}).Error(); !strings.HasPrefix(msg, "corpus.api.QuotaError: {") {
		t.Fatal(msg)
	}
	_, err = f.rest.GetItem(ctx, &GetItemRequest{ItemId: "invalid"})
	wantViolation(t, err, "item_id", "is invalid")
	// Unknown fields are ignored (upstream's DiscardUnknown); malformed JSON is a 400 on "body".
	for body, want := range map[string]int{`{"item": {"unknown_field": 1}, "extra": [1]}`: http.StatusOK, `{"item": `: http.StatusBadRequest} {
		req, _ := http.NewRequest(http.MethodPost, f.url+"/api/v1/items", strings.NewReader(body))
		req.Header.Set("X-API-Key", apiKey)
		req.Header.Set("X-Request-ID", "r")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || (want == http.StatusBadRequest && !strings.Contains(string(data), `"field":"body"`)) {
			t.Fatalf("body %s: %d %s", body, resp.StatusCode, data)
		}
	}

	custom := setup(t, WithErrorHandler(func(w http.ResponseWriter, r *http.Request, err error) proto.Message {
		if strings.Contains(err.Error(), "boom") {
			w.WriteHeader(http.StatusTeapot)
			return &Status{Healthy: false}
		}
		return nil
	}))
	_, err = custom.rest.GetItem(ctx, &GetItemRequest{ItemId: "boom"})
	wantStatus(t, err, http.StatusTeapot, "request failed with status 418: {}")
	_, err = custom.rest.GetItem(ctx, &GetItemRequest{ItemId: "missing"})
	wantStatus(t, err, http.StatusNotFound, "no item missing")

	mux := http.NewServeMux()
	if err := RegisterRESTServiceServer(restServer{}, WithMux(mux)); err != nil {
		t.Fatal(err)
	}
	if err := RegisterRESTServiceServer(restServer{}, WithMux(mux)); err == nil {
		t.Fatal("registering the same routes twice must fail")
	}
}

func TestProtoBodies(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	c := NewRESTServiceClient(f.url, WithRESTServiceAPIKey(apiKey), WithRESTServiceContentType(ContentTypeProto))
	it, err := c.CreateItem(ctx, &CreateItemRequest{Item: &Item{ItemId: "b", Tags: []string{"t"}}}, WithRESTServiceCallRequestID("r"))
	if err != nil || it.ItemId != "b" || it.Tags[0] != "t" || it.Note != "created" {
		t.Fatalf("%v %v", it, err)
	}
	q, err := f.inventory.Quote(ctx, &otherpb.QuoteRequest{ItemId: "USD", Quantity: 21}, WithInventoryServiceCallContentType(ContentTypeProto))
	if err != nil || q.Currency != "USD" || q.Units != 42 {
		t.Fatalf("%v %v", q, err)
	}
	if _, err := f.inventory.Ping(ctx, &emptypb.Empty{}); err != nil {
		t.Fatal(err)
	}
	n, err := f.inventory.Nested(ctx, &otherpb.Outer_Inner{Name: "n", Value: 1})
	if err != nil || n.Name != "n" || n.Value != 2 {
		t.Fatalf("%v %v", n, err)
	}
}

func TestDefaultRoutes(t *testing.T) {
	f := setup(t)
	for path, note := range map[string]string{"/api/do_thing": "thing", "/api/get_h_t_t_p_status": "status", "/legacy/do_other": "other"} {
		resp, err := http.Post(f.url+path, "application/json", strings.NewReader(`{"itemId":"z"}`))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(data), `"note":"`+note+`"`) {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, data)
		}
	}
}

func TestStreamEvents(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	st, err := f.stream.Events(ctx, &EventsRequest{Count: 50, Size: 3})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ev := &Event{}
	for st.Next(ev) {
		if ev.Seq != int32(n) || ev.Payload != "xxx" {
			t.Fatalf("event %d: %v", n, ev)
		}
		n++
	}
	if err := st.Err(); err != nil || n != 50 {
		t.Fatalf("%d events, err %v", n, err)
	}
	st.Close()

	st, err = f.stream.Events(ctx, &EventsRequest{Count: 3, Size: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	n = 0
	for st.Next(ev) {
		if len(ev.Payload) != 1<<20 {
			t.Fatalf("event %d has %d bytes", n, len(ev.Payload))
		}
		n++
	}
	if st.Err() != nil || n != 3 {
		t.Fatalf("%d MiB events, err %v", n, st.Err())
	}

	rs, err := f.stream.ResourceEvents(ctx, &ResourceEventsRequest{ResourceId: "r/1", Type: "t", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	n = 0
	for rs.Next(ev) {
		if ev.Source != "r/1:t" {
			t.Fatal(ev)
		}
		n++
	}
	if rs.Err() != nil || n != 2 {
		t.Fatal(n, rs.Err())
	}
	ps, err := f.stream.PostEvents(ctx, &PostEventsRequest{Topic: "news", Lines: []string{"a", "b\nc"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for ps.Next(ev) {
		got = append(got, ev.Source+"="+ev.Payload)
	}
	if ps.Err() != nil || strings.Join(got, ",") != "news=a,news=b\nc" {
		t.Fatal(got, ps.Err())
	}
}

func TestStreamHeadersAndErrors(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	resp, err := http.Get(f.url + "/api/v1/events?count=1")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("headers %v", resp.Header)
	}
	if string(data) != "data: {}\n\n" {
		t.Fatalf("frame %q", data)
	}

	_, err = f.stream.Events(ctx, &EventsRequest{Fail: "early"})
	wantStatus(t, err, http.StatusConflict, "not now")
	_, err = f.stream.Events(ctx, &EventsRequest{Fail: "early500"})
	wantStatus(t, err, http.StatusInternalServerError, "broken")
	resp, err = http.Get(f.url + "/api/v1/events?fail=early")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("early error: %d %v", resp.StatusCode, resp.Header)
	}

	st, err := f.stream.Events(ctx, &EventsRequest{Count: 2, Fail: "late"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ev := &Event{}
	for st.Next(ev) {
		n++
	}
	wantStatus(t, st.Err(), http.StatusOK, "late failure")
	if n != 2 {
		t.Fatalf("%d events before the error frame", n)
	}
	resp, err = http.Get(f.url + "/api/v1/events?count=0&fail=late")
	if err != nil {
		t.Fatal(err)
	}
	data, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	// No event was sent, so the error is early: a real status.
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("%d %s", resp.StatusCode, data)
	}
}

func TestStreamCancellation(t *testing.T) {
	for _, how := range []string{"cancel", "close"} {
		f := setup(t)
		ctx, cancel := context.WithCancel(context.Background())
		st, err := f.stream.Events(ctx, &EventsRequest{Count: 1, Fail: "hang"})
		if err != nil {
			t.Fatal(err)
		}
		ev := &Event{}
		if !st.Next(ev) {
			t.Fatal(st.Err())
		}
		if how == "cancel" {
			cancel()
		} else {
			st.Close()
		}
		select {
		case <-f.cancelled:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the handler's context was not cancelled", how)
		}
		if how == "cancel" && st.Next(ev) {
			t.Fatal("Next after cancel")
		}
		cancel()
	}
}

func TestStreamParsing(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/events", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != "text/event-stream" {
			http.Error(w, "bad accept", 400)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, ": a comment\r\nretry: 10\r\nevent: custom\r\ndata: {\"seq\":1,\r\ndata: \"payload\":\"multi\"}\r\n\r\n")
		io.WriteString(w, "data:{\"seq\":2}\r\r")
		io.WriteString(w, "id: 3\ndata: {\"seq\":3}\n\n")
		io.WriteString(w, "event: error\ndata: {\"message\":\"gave up\"}\n\n")
		io.WriteString(w, "data: {\"seq\":4}\n\n")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := NewStreamServiceClient(srv.URL)
	st, err := c.Events(context.Background(), &EventsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var seqs []int32
	ev := &Event{}
	for st.Next(ev) {
		seqs = append(seqs, ev.Seq)
		if ev.Seq == 1 && ev.Payload != "multi" {
			t.Fatal(ev)
		}
	}
	if len(seqs) != 3 || seqs[0] != 1 || seqs[1] != 2 || seqs[2] != 3 {
		t.Fatal(seqs)
	}
	wantStatus(t, st.Err(), http.StatusOK, "gave up")
	st.Close()

	// Upstream sebuf's Go server sends a quoted string as the error payload.
	mux = http.NewServeMux()
	mux.HandleFunc("GET /api/v1/events", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "data: {\"seq\":1}\n\nevent: error\ndata: \"old style\"\n\n")
	})
	old := httptest.NewServer(mux)
	defer old.Close()
	st, err = NewStreamServiceClient(old.URL).Events(context.Background(), &EventsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for st.Next(ev) {
	}
	wantStatus(t, st.Err(), http.StatusOK, "old style")
}

func TestClientOptions(t *testing.T) {
	var seen http.Header
	var query url.Values
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		seen = r.Header.Clone()
		query = r.URL.Query()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"itemId":"x","extra":1}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := NewRESTServiceClient(srv.URL, WithRESTServiceDefaultHeader("X-Default", "d"), WithRESTServiceHTTPClient(srv.Client()), WithRESTServiceTrace("t1"))
	_, err := c.GetItem(context.Background(), &GetItemRequest{ItemId: "x"}, WithRESTServiceHeader("X-Call", "c"))
	if err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Fatalf("unknown fields must fail without DiscardUnknownFields: %v", err)
	}
	if seen.Get("X-Default") != "d" || seen.Get("X-Call") != "c" || seen.Get("X-Trace") != "t1" {
		t.Fatalf("headers %v", seen)
	}
	it, err := c.GetItem(context.Background(), &GetItemRequest{ItemId: "x"}, WithRESTServiceCallDiscardUnknownFields(true))
	if err != nil || it.ItemId != "x" {
		t.Fatal(it, err)
	}
	d := NewRESTServiceClient(srv.URL, WithRESTServiceDiscardUnknownFields(true))
	if _, err := d.DeleteItem(context.Background(), &DeleteItemRequest{ItemId: "x", Level: Level_LEVEL_LOW}); err != nil {
		t.Fatal(err)
	}
	if query.Get("level") != "low" {
		t.Fatalf("enum_value in query: %v", query)
	}
}

type jsonServer struct{}

func (jsonServer) Echo(ctx context.Context, r *Everything) (*Everything, error) { return r, nil }

func (jsonServer) EchoList(ctx context.Context, r *ItemList) (*ItemList, error) { return r, nil }

func (jsonServer) EchoIndex(ctx context.Context, r *Index) (*Index, error) { return r, nil }

func (jsonServer) StreamPayments(ctx context.Context, r *Payment, out SSESender) error {
	if err := out.Send(r); err != nil {
		return err
	}
	return out.Send(&Payment{Id: "2", Method: &Payment_Bank{Bank: &BankTransfer{Iban: "DE1"}}})
}

func everything() *Everything {
	name := "n"
	return &Everything{
		Numbers: &Numbers{AsNumber: 1 << 40, UnsignedNumber: 7, AsString: 9, Many: []int64{-1, 2}, Plain: 3},
		Enums: &Enums{Color: Color_COLOR_RED, Colors: []Color{Color_COLOR_GREEN, Color_COLOR_UNSPECIFIED}, SizeNumber: Size_SIZE_LARGE,
			SizeString: Size_SIZE_SMALL, ByName: map[string]Color{"a": Color_COLOR_GREEN}},
		Nullables: &Nullables{Name: &name},
		Empties:   &Empties{Preserve: &Inner{}, AsNull: &Inner{Value: "kept"}},
		Times: &Times{
			Rfc: timestamppb.New(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)), Seconds: timestamppb.New(time.Unix(1700000000, 0)),
			Millis: timestamppb.New(time.UnixMilli(1700000000123)), Day: timestamppb.New(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)),
			Plain: timestamppb.New(time.Unix(5, 0)),
		},
		Blobs:    &Blobs{Std: []byte{0xfb, 0xff}, Raw: []byte{0xfb, 0xff}, Url: []byte{0xfb, 0xff}, UrlRaw: []byte{0xfb, 0xff}, Hex: []byte{0xab, 0x01}},
		Order:    &Order{Id: "o", Billing: &Address{Street: "b st", City: "bc"}, Shipping: &Address{City: "sc"}, Plain: &Address{Street: "p"}},
		Payment:  &Payment{Id: "p", Method: &Payment_Card{Card: &Card{Number: "4242"}}},
		Shape:    &Shape{Kind: &Shape_Label{Label: "l"}},
		List:     &ItemList{Items: []*Inner{{Value: "a"}, {Value: "b"}}},
		Index:    &Index{Entries: map[string]*Inner{"k": {Value: "v"}}},
		Groups:   &Groups{ByTeam: map[string]*Group{"t": {Members: []*Inner{{Value: "m"}}}}},
		Payments: []*Payment{{Id: "q", Method: &Payment_Bank{Bank: &BankTransfer{Iban: "X"}}}},
	}
}

func TestJSONMappingShape(t *testing.T) {
	data, err := json.Marshal(everything())
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	at := func(path ...string) any {
		var v any = got
		for _, p := range path {
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %s in %s", path, p, data)
			}
			v, ok = m[p]
			if !ok {
				return "<absent>"
			}
		}
		return v
	}
	checks := []struct {
		path []string
		want any
	}{
		{[]string{"numbers", "asNumber"}, float64(1 << 40)},
		{[]string{"numbers", "unsignedNumber"}, float64(7)},
		{[]string{"numbers", "asString"}, "9"},
		{[]string{"numbers", "plain"}, "3"},
		{[]string{"enums", "color"}, "red"},
		{[]string{"enums", "sizeNumber"}, float64(2)},
		{[]string{"enums", "sizeString"}, "SIZE_SMALL"},
		{[]string{"enums", "byName", "a"}, "green"},
		{[]string{"nullables", "name"}, "n"},
		{[]string{"nullables", "count"}, nil},
		{[]string{"nullables", "flag"}, "<absent>"},
		{[]string{"empties", "omit"}, "<absent>"},
		{[]string{"times", "rfc"}, "2024-01-02T03:04:05Z"},
		{[]string{"times", "seconds"}, float64(1700000000)},
		{[]string{"times", "millis"}, float64(1700000000123)},
		{[]string{"times", "day"}, "2024-05-06"},
		{[]string{"times", "plain"}, "1970-01-01T00:00:05Z"},
		{[]string{"blobs", "std"}, "+/8="},
		{[]string{"blobs", "raw"}, "+/8"},
		{[]string{"blobs", "url"}, "-_8="},
		{[]string{"blobs", "urlRaw"}, "-_8"},
		{[]string{"blobs", "hex"}, "ab01"},
		{[]string{"order", "billing_street"}, "b st"},
		{[]string{"order", "shipping_city"}, "sc"},
		{[]string{"order", "billing"}, "<absent>"},
		{[]string{"order", "plain", "street"}, "p"},
		{[]string{"payment", "type"}, "card"},
		{[]string{"payment", "number"}, "4242"},
		{[]string{"payment", "card"}, "<absent>"},
		{[]string{"shape", "kind"}, "label"},
		{[]string{"shape", "label"}, "l"},
		{[]string{"index", "k", "value"}, "v"},
	}
	for _, c := range checks {
		if v := at(c.path...); v != c.want {
			t.Errorf("%v = %#v, want %#v in %s", c.path, v, c.want, data)
		}
	}
	if list, ok := at("list").([]any); !ok || len(list) != 2 {
		t.Errorf("root unwrap of a repeated field: %s", data)
	}
	if team, ok := at("groups", "byTeam", "t").([]any); !ok || len(team) != 1 {
		t.Errorf("map-value unwrap: %s", data)
	}
	if p, ok := at("payments").([]any); !ok || p[0].(map[string]any)["type"] != "bank_transfer" {
		t.Errorf("repeated oneof discriminator: %s", data)
	}
	if v := at("empties", "preserve"); fmt.Sprint(v) != "map[]" {
		t.Errorf("preserve: %#v", v)
	}
	empty, _ := json.Marshal(&Empties{AsNull: &Inner{}, Omit: &Inner{}})
	if string(empty) != `{"asNull":null}` {
		t.Errorf("empty behaviours: %s", empty)
	}
}

func TestJSONMappingRoundTrip(t *testing.T) {
	want := everything()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got := &Everything{}
	if err := json.Unmarshal(data, got); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !proto.Equal(got, want) {
		t.Fatalf("round trip:\n got %v\nwant %v\njson %s", got, want, data)
	}
	f := setup(t)
	ctx := context.Background()
	echoed, err := f.json.Echo(ctx, want)
	if err != nil || !proto.Equal(echoed, want) {
		t.Fatalf("served round trip: %v\n%v", err, echoed)
	}
	resp, err := http.Post(f.url+"/json/list", "application/json", strings.NewReader(`[{"value":"a"}]`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.ReplaceAll(string(body), " ", "") != `[{"value":"a"}]` {
		t.Fatalf("root unwrap over HTTP: %s", body)
	}
	idx, err := f.json.EchoIndex(ctx, &Index{Entries: map[string]*Inner{"x": {Value: "y"}}})
	if err != nil || idx.Entries["x"].Value != "y" {
		t.Fatal(idx, err)
	}
	st, err := f.json.StreamPayments(ctx, want.Payment)
	if err != nil {
		t.Fatal(err)
	}
	ev := &Payment{}
	var ids []string
	for st.Next(ev) {
		ids = append(ids, ev.Id+":"+ev.GetCard().GetNumber()+ev.GetBank().GetIban())
	}
	if st.Err() != nil || strings.Join(ids, ",") != "p:4242,2:DE1" {
		t.Fatal(ids, st.Err())
	}
}

// protovalidateLikeError mimics *protovalidate.ValidationError: ToProto() returns the
// buf.validate.Violations shape.
type protovalidateLikeError struct{ violations *FakeViolations }

func (e *protovalidateLikeError) Error() string { return "validation failed" }

func (e *protovalidateLikeError) ToProto() *FakeViolations { return e.violations }

func TestValidator(t *testing.T) {
	f := setup(t, WithValidator(func(m proto.Message) error {
		r, ok := m.(*GetItemRequest)
		if !ok {
			return nil
		}
		switch r.ItemId {
		case "pv":
			return &protovalidateLikeError{&FakeViolations{Violations: []*FakeViolation{
				{Field: &FakeFieldPath{Elements: []*FakeFieldPathElement{{FieldName: "item"}, {FieldName: "item_id"}}}, Message: "value length must be at least 5 characters"},
				{FieldPath: "legacy.path", Message: "legacy"},
			}}}
		case "own":
			return &ValidationError{Violations: []*FieldViolation{{Field: "item_id", Description: "mine"}}}
		case "plain":
			return errors.New("nope")
		}
		return nil
	}))
	ctx := context.Background()
	_, err := f.rest.GetItem(ctx, &GetItemRequest{ItemId: "pv"})
	wantViolation(t, err, "item.item_id", "value length must be at least 5 characters")
	wantViolation(t, err, "legacy.path", "legacy")
	_, err = f.rest.GetItem(ctx, &GetItemRequest{ItemId: "own"})
	wantViolation(t, err, "item_id", "mine")
	_, err = f.rest.GetItem(ctx, &GetItemRequest{ItemId: "plain"})
	wantViolation(t, err, "unknown", "nope")
	if it, err := f.rest.GetItem(ctx, &GetItemRequest{ItemId: "fine"}); err != nil || it.ItemId != "fine" {
		t.Fatal(it, err)
	}
}

func TestRootRouteIsExact(t *testing.T) {
	f := setup(t)
	root, err := NewRootServiceClient(f.url).Root(context.Background(), &RootRequest{})
	if err != nil || root.ItemId != "root" {
		t.Fatal(root, err)
	}
	resp, err := http.Get(f.url + "/not/a/route")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("GET /not/a/route: %d", resp.StatusCode)
	}
	_ = NewEmptyServiceClient(f.url)
}
