// The fixture of PyClientOracleTests: a service with every path the Python client has
// (path and query binding, POST bodies, each error type, SSE streams of many, large, named
// and failing events, endless streams to stop early), its Go server, and the Python driver.

enum PyClientOracleFixture {
  static let proto = #"""
    syntax = "proto3";

    package pyoracle.v1;

    import "sebuf/http/annotations.proto";
    import "sebuf/http/headers.proto";

    // OracleService exercises every client path the Python client has.
    service OracleService {
      option (sebuf.http.service_config) = {base_path: "/v1"};
      option (sebuf.http.service_headers) = {
        required_headers: [{name: "X-API-Key", description: "API key", type: "string", required: true}]
      };

      rpc GetItem(GetItemRequest) returns (Item) {
        option (sebuf.http.config) = {path: "/items/{item_id}", method: HTTP_METHOD_GET};
      }

      rpc CreateItem(CreateItemRequest) returns (Item) {
        option (sebuf.http.config) = {path: "/items", method: HTTP_METHOD_POST};
        option (sebuf.http.method_headers) = {
          required_headers: [{name: "X-Request-ID", type: "string", required: true}]
        };
      }

      rpc Watch(WatchRequest) returns (Tick) {
        option (sebuf.http.config) = {path: "/ticks", method: HTTP_METHOD_GET, stream: true};
      }
    }

    enum Kind {
      KIND_UNSPECIFIED = 0 [(sebuf.http.enum_value) = "unspecified"];
      KIND_BOOK = 1 [(sebuf.http.enum_value) = "book"];
      KIND_GAME = 2 [(sebuf.http.enum_value) = "game"];
    }

    message GetItemRequest {
      string item_id = 1;
      bool verbose = 2 [(sebuf.http.query) = {name: "verbose"}];
      repeated string tags = 3 [(sebuf.http.query) = {name: "tag"}];
      double min_price = 4 [(sebuf.http.query) = {name: "min_price"}];
      Kind kind = 5 [(sebuf.http.query) = {name: "kind"}];
      int64 big = 6 [(sebuf.http.query) = {name: "big"}];
    }

    message Item {
      string id = 1;
      string name = 2;
      int64 price_cents = 3 [(sebuf.http.int64_encoding) = INT64_ENCODING_NUMBER];
      Kind kind = 4;
      repeated string tags = 5;
      bool verbose = 6;
      double min_price = 7;
      int64 big = 8;
      bytes blob = 9 [(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX];
    }

    message CreateItemRequest {
      string name = 1;
      int64 price_cents = 2 [(sebuf.http.int64_encoding) = INT64_ENCODING_NUMBER];
      Kind kind = 3;
      bytes blob = 4 [(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX];
    }

    // ConflictError is returned when an item of that name exists.
    message ConflictError {
      string existing_id = 1;
      string reason = 2;
    }

    message WatchRequest {
      int32 count = 1 [(sebuf.http.query) = {name: "count"}];
      int32 size = 2 [(sebuf.http.query) = {name: "size"}];
      int32 fail_after = 3 [(sebuf.http.query) = {name: "fail_after"}];
      bool fail_before = 4 [(sebuf.http.query) = {name: "fail_before"}];
      bool named = 5 [(sebuf.http.query) = {name: "named"}];
      bool endless = 6 [(sebuf.http.query) = {name: "endless"}];
      string tag = 7 [(sebuf.http.query) = {name: "tag"}];
    }

    message Tick {
      int32 seq = 1;
      string payload = 2;
    }
    """#

  static let server = #"""
    // Command server serves OracleService for the Python client oracle test.
    package main

    import (
    	"context"
    	"errors"
    	"fmt"
    	"log"
    	"net"
    	"net/http"
    	"os"
    	"strings"
    	"time"

    	oraclev1 "example.com/pyoracle/api/pyoracle/v1"
    )

    type service struct{}

    func (service) GetItem(ctx context.Context, req *oraclev1.GetItemRequest) (*oraclev1.Item, error) {
    	if req.ItemId == "missing" {
    		return nil, &oraclev1.HTTPError{Status: http.StatusNotFound, Message: "no item " + req.ItemId}
    	}
    	return &oraclev1.Item{Id: req.ItemId, Name: "item " + req.ItemId, Kind: req.Kind, Tags: req.Tags, Verbose: req.Verbose, MinPrice: req.MinPrice, Big: req.Big}, nil
    }

    func (service) CreateItem(ctx context.Context, req *oraclev1.CreateItemRequest) (*oraclev1.Item, error) {
    	switch req.Name {
    	case "":
    		return nil, &oraclev1.ValidationError{Violations: []*oraclev1.FieldViolation{{Field: "name", Description: "name is required"}}}
    	case "taken":
    		return nil, &oraclev1.ConflictError{ExistingId: "i-1", Reason: "name taken"}
    	case "boom":
    		return nil, errors.New("storage offline")
    	}
    	return &oraclev1.Item{Id: "i-2", Name: req.Name, PriceCents: req.PriceCents, Kind: req.Kind, Blob: req.Blob}, nil
    }

    func (service) Watch(ctx context.Context, req *oraclev1.WatchRequest, out oraclev1.SSESender) error {
    	if req.FailBefore {
    		return &oraclev1.HTTPError{Status: http.StatusConflict, Message: "not now"}
    	}
    	payload := strings.Repeat("x", int(req.Size))
    	for i := int32(1); req.Endless || i <= req.Count; i++ {
    		if req.FailAfter > 0 && i > req.FailAfter {
    			return errors.New("stream broke")
    		}
    		tick := &oraclev1.Tick{Seq: i, Payload: payload}
    		var err error
    		if req.Named {
    			err = out.SendWithEvent("tick", tick)
    		} else {
    			err = out.Send(tick)
    		}
    		if err != nil {
    			return err
    		}
    		if req.Endless {
    			select {
    			case <-ctx.Done():
    				fmt.Fprintf(os.Stderr, "Watch(%s): client disconnected after %d ticks\n", req.Tag, i)
    				return nil
    			case <-time.After(5 * time.Millisecond):
    			}
    		}
    	}
    	return nil
    }

    func main() {
    	mux := http.NewServeMux()
    	if err := oraclev1.RegisterOracleServiceServer(service{}, oraclev1.WithMux(mux)); err != nil {
    		log.Fatal(err)
    	}
    	ln, err := net.Listen("tcp", "127.0.0.1:0")
    	if err != nil {
    		log.Fatal(err)
    	}
    	fmt.Printf("http://%s\n", ln.Addr())
    	log.Fatal(http.Serve(ln, mux))
    }
    """#

  static let driver = #"""
    """Drives the generated Python client against the generated Go server (argv[1] is its URL)."""

    import sys
    from typing import Callable

    from oracle_client import (
        ApiError,
        ConflictError,
        CreateItemRequest,
        GetItemRequest,
        Kind,
        OracleServiceCallOptions,
        OracleServiceClient,
        OracleServiceClientOptions,
        ValidationError,
        WatchRequest,
    )

    client = OracleServiceClient(sys.argv[1], OracleServiceClientOptions(api_key="k-1", timeout=30))
    call = OracleServiceCallOptions(request_id="r-1")


    def fail(label: str, call: Callable[[], object]) -> None:
        try:
            call()
            print(label, "no error")
        except ValidationError as e:
            print(label, "ValidationError", e.status, [(v.field, v.description) for v in e.violations])
        except ConflictError as e:
            print(label, "ConflictError", e.status, e.existing_id, e.reason)
        except ApiError as e:
            print(label, type(e).__name__, e.status, e.message)


    item = client.get_item(
        GetItemRequest(item_id="a b/c", verbose=True, tags=["x", "y z"], min_price=2.5, kind=Kind.KIND_BOOK,
                       big="9007199254740993"))
    print("get", item.id, item.name, item.kind.name, item.tags, item.verbose, item.min_price, item.big)
    created = client.create_item(
        CreateItemRequest(name="lamp", price_cents=1999, kind=Kind.KIND_GAME, blob=b"\x00\xff"), call)
    print("create", created.id, created.name, created.price_cents, created.kind.name, created.blob.hex())
    fail("validation", lambda: client.create_item(CreateItemRequest(), call))
    fail("conflict", lambda: client.create_item(CreateItemRequest(name="taken"), call))
    fail("internal", lambda: client.create_item(CreateItemRequest(name="boom"), call))
    fail("no request id", lambda: client.create_item(CreateItemRequest(name="lamp")))
    fail("no api key", lambda: OracleServiceClient(sys.argv[1]).get_item(GetItemRequest(item_id="a")))
    fail("notfound", lambda: client.get_item(GetItemRequest(item_id="missing")))

    seqs = [t.seq for t in client.watch(WatchRequest(count=100))]
    print("hundred", len(seqs), seqs == list(range(1, 101)))
    print("mib", [len(t.payload) for t in client.watch(WatchRequest(count=3, size=1 << 20))])
    named = client.watch(WatchRequest(count=2, named=True))
    print("named", [(t.seq, named.last_event) for t in named])
    fail("before", lambda: client.watch(WatchRequest(fail_before=True)))
    got: list[int] = []


    def frames() -> None:
        for t in client.watch(WatchRequest(count=5, fail_after=2)):
            got.append(t.seq)


    fail("frame", frames)
    print("frame got", got)

    for t in client.watch(WatchRequest(endless=True, tag="break")):
        if t.seq == 3:
            break
    stream = client.watch(WatchRequest(endless=True, tag="close"))
    print("close first", next(stream).seq)
    stream.close()
    print("close then", next(stream, None))
    with client.watch(WatchRequest(endless=True, tag="with")) as ticks:
        for t in ticks:
            if t.seq == 2:
                break
    print("done")
    """#

  /// Runs against the golden `encoding_client.py`: the wire JSON of every annotation and the
  /// round trip back.
  static let encodingCheck = #"""
    """Checks the JSON of every sebuf mapping annotation in the generated encoding module."""

    import json
    from datetime import datetime, timezone
    from typing import Any

    from encoding_client import (
        BytesMessage,
        EnumsMessage,
        EnumsMessageLevel,
        FlattenMessage,
        GroupedItems,
        ImageContent,
        Inner,
        Item,
        ItemBucket,
        ItemIndex,
        ItemList,
        Money,
        NumbersMessage,
        OneofMessage,
        OptionalsMessage,
        Priority,
        Status,
        TextContent,
        TimesMessage,
    )


    def check(label: str, value: Any, expected: Any, decoded: Any = None) -> Any:
        wire = json.loads(json.dumps(value.to_dict()))
        assert wire == expected, f"{label}: {wire!r} != {expected!r}"
        back = type(value).from_dict(wire)
        assert back == (decoded or value), f"{label}: round trip gave {back!r}"
        print(label, "ok")
        return back


    check("int64", NumbersMessage(default_int64="-5", number_int64=7, string_uint64="18446744073709551615", f64=3,
                                  many=[1, 2]),
          {"defaultInt64": "-5", "numberInt64": 7, "stringUint64": "18446744073709551615", "s64": "0", "f64": 3,
           "sf64": "0", "i32": 0, "u32": 0, "f": 0.0, "d": 0.0, "many": [1, 2]})
    check("enum", EnumsMessage(status=Status.STATUS_ACTIVE, priority=Priority.PRIORITY_HIGH,
                               priority_number=Priority.PRIORITY_LOW, history=[Status.STATUS_INACTIVE],
                               level=EnumsMessageLevel.LEVEL_DEBUG),
          {"status": "active", "priority": "PRIORITY_HIGH", "priorityNumber": 1, "history": ["inactive"],
           "level": "LEVEL_DEBUG"})
    assert EnumsMessage.from_dict({"status": "STATUS_ACTIVE", "priority": 2}).priority == Priority.PRIORITY_HIGH
    check("nullable+empty", OptionalsMessage(preserved=Inner(), nulled=Inner(), omitted=Inner()),
          {"maybeName": None, "preserved": {"value": ""}, "nulled": None},
          OptionalsMessage(preserved=Inner()))
    check("nullable+empty set", OptionalsMessage(maybe_name="x", maybe_count=0, nulled=Inner(value="v"),
                                                 omitted=Inner(value="w")),
          {"maybeName": "x", "maybeCount": 0, "nulled": {"value": "v"}, "omitted": {"value": "w"}})
    moment = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=timezone.utc)
    times = TimesMessage(created=moment, rfc=moment, seconds=moment.replace(microsecond=0),
                         millis=moment, day=datetime(2024, 5, 6, tzinfo=timezone.utc))
    check("timestamp", times, {"created": "2024-05-06T07:08:09.123Z", "rfc": "2024-05-06T07:08:09.123Z",
                               "seconds": 1714979289, "millis": 1714979289123, "day": "2024-05-06"})
    assert TimesMessage.from_dict({"created": "2024-05-06T09:08:09.5+02:00"}).created == datetime(
        2024, 5, 6, 7, 8, 9, 500000, tzinfo=timezone.utc)
    raw = b"\xfb\xff"
    check("bytes", BytesMessage(plain=raw, std=raw, raw=raw, url=raw, url_raw=raw, hex=raw),
          {"plain": "+/8=", "std": "+/8=", "raw": "+/8", "url": "-_8=", "urlRaw": "-_8", "hex": "fbff"})
    check("flatten", FlattenMessage(id="1", billing=Money(amount="5", currency="USD"),
                                    shipping=Money(amount="6", currency="EUR"), inner=Inner(value="v")),
          {"id": "1", "billing_amount": "5", "billing_currency": "USD", "shipping_amount": "6",
           "shipping_currency": "EUR", "value": "v"})
    check("oneof", OneofMessage(id="1", image=ImageContent(url="u", width=3), group_id="g", number=4),
          {"id": "1", "url": "u", "width": 3, "kind": "img", "groupId": "g", "target_type": "group", "number": 4})
    check("oneof text", OneofMessage(id="2", text=TextContent(body="hi"), user_id="u", name="n"),
          {"id": "2", "body": "hi", "kind": "text", "userId": "u", "target_type": "user_id", "name": "n"})
    check("unwrap list", ItemList(items=[Item(id="a", status=Status.STATUS_ACTIVE)]), [{"id": "a", "status": "active"}])
    check("unwrap map", ItemIndex(items={"k": Item(id="a")}), {"k": {"id": "a", "status": "unknown"}})
    check("unwrap map value", GroupedItems(groups={"g": ItemBucket(items=[Item(id="a")])}, names={1: "one"}),
          {"groups": {"g": [{"id": "a", "status": "unknown"}]}, "names": {"1": "one"}})
    print("encoding ok")
    """#

  static let awkwardNames = #"""
    syntax = "proto3";

    package names;

    import "sebuf/http/annotations.proto";

    service Lambda {
      rpc Import(json) returns (Clash) {
        option (sebuf.http.config) = {path: "/import/{class}", method: HTTP_METHOD_GET};
      }
    }

    message json {
      string class = 1;
      int32 from = 2 [(sebuf.http.query) = {name: "from"}];
    }

    message Clash {
      string to_dict = 1;
      int32 self = 2;
      repeated string cls = 3;
    }

    message BadStateError {
      int32 status = 1;
      string body = 2;
      string detail = 3;
    }
    """#

  static let awkwardNamesCheck = #"""
    from names_client import BadStateError, Clash, LambdaClient, json_

    err = BadStateError.populate(409, b"{}", None, {"status": 7, "body": "b", "detail": "d"})
    assert (err.status, err.status_, err.body_, err.detail) == (409, 7, "b", "d"), vars(err)
    assert err.to_dict() == {"status": 7, "body": "b", "detail": "d"}
    clash = Clash.from_dict({"toDict": "t", "self": 3, "cls": ["c"]})
    assert clash == Clash(to_dict_="t", self_=3, cls_=["c"]), clash
    assert clash.to_dict() == {"toDict": "t", "self": 3, "cls": ["c"]}
    assert json_(class_="x", from_=2).to_dict() == {"class": "x", "from": 2}
    LambdaClient("http://127.0.0.1:9")
    print("names ok")
    """#

  /// Runs against the golden `sse_client.py`: the event-stream parser over every line ending
  /// and chunking, error frames, errors before the first event, and closing.
  static let sseCheck = #"""
    """The event-stream reader and its errors, without a network: a transport with no
    open_stream hands over whole bodies."""

    from typing import Mapping, Optional

    from sse_client import (
        ApiError,
        HttpResponse,
        SSEServiceClient,
        SSEServiceClientOptions,
        StreamError,
        StreamEventsRequest,
        ValidationError,
        _SSEParser,
    )

    tricky = (b": comment\r\nevent: a\r\ndata: one\r\ndata:two\r\n\r\n"
              b"data: {\"x\":1}\rdata: 2\r\r\nretry: 5\nid: 7\ndata: last")
    for size in (1, 2, 3, 7, len(tricky)):
        parser = _SSEParser()
        frames = []
        for i in range(0, len(tricky), size):
            frames += parser.push(tricky[i:i + size])
        frames += parser.finish()
        got = [(f.event, f.data) for f in frames]
        assert got == [("a", "one\ntwo"), ("message", "{\"x\":1}\n2"), ("message", "last")], (size, got)


    class Fake:
        def __init__(self, status: int, body: bytes) -> None:
            self.status = status
            self.body = body

        def request(self, method: str, url: str, headers: Mapping[str, str], body: Optional[bytes],
                    timeout: Optional[float]) -> HttpResponse:
            assert headers["Accept"] == "text/event-stream", headers
            return HttpResponse(self.status, {"Content-Type": "text/event-stream"}, self.body)


    def client(status: int, body: bytes) -> SSEServiceClient:
        return SSEServiceClient("http://sse.invalid", SSEServiceClientOptions(transport=Fake(status, body)))


    events = client(200, b'data: {"id":"1","type":"t"}\n\nevent: error\ndata: {"message":"bad"}\n\ndata: {"id":"2"}\n\n')
    stream = events.stream_events(StreamEventsRequest())
    first = next(stream)
    assert (first.id, first.type) == ("1", "t"), first
    try:
        next(stream)
        raise AssertionError("no error frame")
    except StreamError as err:
        assert (err.status, err.message, err.data) == (200, "bad", '{"message":"bad"}'), vars(err)
    assert next(stream, None) is None

    plain = client(200, b"event: error\ndata: plain text\n\n").stream_events(StreamEventsRequest())
    try:
        next(plain)
        raise AssertionError("no error frame")
    except StreamError as err:
        assert err.message == "plain text"

    try:
        client(400, b'{"violations":[{"field":"f","description":"d"}]}').stream_events(StreamEventsRequest())
        raise AssertionError("no error")
    except ValidationError as err:
        assert [(v.field, v.description) for v in err.violations] == [("f", "d")]
    try:
        client(503, b"unavailable").stream_events(StreamEventsRequest())
        raise AssertionError("no error")
    except ApiError as err:
        assert (err.status, err.body, err.message) == (503, b"unavailable", "")

    with client(200, b'data: {"id":"1"}\n\ndata: {"id":"2"}\n\n').stream_events(StreamEventsRequest()) as s:
        assert next(s).id == "1"
    assert next(s, None) is None
    print("sse ok")
    """#
}
