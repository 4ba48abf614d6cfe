package sebufruntime

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Request body content types a client can send.
const (
	ContentTypeJSON  = "application/json"
	ContentTypeProto = "application/x-protobuf"
)

// sebufClient is the transport state shared by every generated client.
type sebufClient struct {
	baseURL        string
	httpClient     *http.Client
	contentType    string
	headers        http.Header
	discardUnknown bool
}

func sebufNewClient(baseURL string) sebufClient {
	return sebufClient{
		baseURL:     strings.TrimSuffix(baseURL, "/"),
		httpClient:  http.DefaultClient,
		contentType: ContentTypeJSON,
		headers:     http.Header{},
	}
}

// sebufCall holds the per-call settings of call options.
type sebufCall struct {
	headers        http.Header
	contentType    string
	discardUnknown bool
}

func (c *sebufClient) newCall() *sebufCall {
	return &sebufCall{headers: http.Header{}, contentType: c.contentType, discardUnknown: c.discardUnknown}
}

// sebufClientRoute describes how one method maps onto a request.
type sebufClientRoute struct {
	method string
	path   string
	body   bool
	params []sebufClientParam
	query  []sebufClientParam
}

// sebufClientParam is a request field sent in the path or the query string.
type sebufClientParam struct {
	name  string
	field protoreflect.Name
	// enumValues maps enum numbers to their custom enum_value strings.
	enumValues map[int32]string
}

func (c *sebufClient) newRequest(ctx context.Context, route *sebufClientRoute, req proto.Message, call *sebufCall, accept string) (*http.Request, error) {
	m := req.ProtoReflect()
	path := route.path
	for _, p := range route.params {
		values := sebufFieldStrings(m, p, true)
		value := ""
		if len(values) > 0 {
			value = values[0]
		}
		path = strings.Replace(path, "{"+p.name+"}", url.PathEscape(value), 1)
	}
	target := c.baseURL + path
	if len(route.query) > 0 {
		query := url.Values{}
		for _, p := range route.query {
			for _, v := range sebufFieldStrings(m, p, false) {
				query.Add(p.name, v)
			}
		}
		if len(query) > 0 {
			target += "?" + query.Encode()
		}
	}
	var body io.Reader
	if route.body {
		var data []byte
		var err error
		if call.contentType == ContentTypeProto {
			data, err = proto.Marshal(req)
		} else if jm, ok := req.(json.Marshaler); ok {
			data, err = jm.MarshalJSON()
		} else {
			data, err = protojson.Marshal(req)
		}
		if err != nil {
			return nil, fmt.Errorf("failed to marshal request: %w", err)
		}
		body = bytes.NewReader(data)
	}
	httpReq, err := http.NewRequestWithContext(ctx, route.method, target, body)
	if err != nil {
		return nil, err
	}
	if route.body {
		httpReq.Header.Set("Content-Type", call.contentType)
	}
	if accept == "" {
		accept = call.contentType
	}
	httpReq.Header.Set("Accept", accept)
	for k, v := range c.headers {
		httpReq.Header[k] = append([]string(nil), v...)
	}
	for k, v := range call.headers {
		httpReq.Header[k] = append([]string(nil), v...)
	}
	return httpReq, nil
}

// sebufFieldStrings formats a field for the URL; unset fields give nothing unless always is set.
func sebufFieldStrings(m protoreflect.Message, p sebufClientParam, always bool) []string {
	fd := m.Descriptor().Fields().ByName(p.field)
	if fd == nil || fd.IsMap() || fd.Message() != nil {
		return nil
	}
	if fd.IsList() {
		list := m.Get(fd).List()
		out := make([]string, 0, list.Len())
		for i := 0; i < list.Len(); i++ {
			out = append(out, sebufFormatScalar(fd, list.Get(i), p.enumValues))
		}
		return out
	}
	if !always && !m.Has(fd) {
		return nil
	}
	return []string{sebufFormatScalar(fd, m.Get(fd), p.enumValues)}
}

func sebufFormatScalar(fd protoreflect.FieldDescriptor, v protoreflect.Value, enumValues map[int32]string) string {
	switch fd.Kind() {
	case protoreflect.StringKind:
		return v.String()
	case protoreflect.BoolKind:
		return strconv.FormatBool(v.Bool())
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind, protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return strconv.FormatInt(v.Int(), 10)
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind, protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return strconv.FormatUint(v.Uint(), 10)
	case protoreflect.FloatKind:
		return strconv.FormatFloat(v.Float(), 'g', -1, 32)
	case protoreflect.DoubleKind:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case protoreflect.BytesKind:
		return base64.StdEncoding.EncodeToString(v.Bytes())
	case protoreflect.EnumKind:
		n := v.Enum()
		if s, ok := enumValues[int32(n)]; ok {
			return s
		}
		if ev := fd.Enum().Values().ByNumber(n); ev != nil {
			return string(ev.Name())
		}
		return strconv.FormatInt(int64(n), 10)
	}
	return ""
}

// invoke sends a unary request and decodes the response into res.
func (c *sebufClient) invoke(ctx context.Context, route *sebufClientRoute, req, res proto.Message, call *sebufCall) error {
	httpReq, err := c.newRequest(ctx, route, req, call, "")
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(httpReq)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("failed to read response: %w", err)
	}
	if resp.StatusCode >= 400 {
		return sebufResponseError(resp.StatusCode, data)
	}
	if len(data) == 0 {
		return nil
	}
	switch sebufClientMediaType(resp.Header.Get("Content-Type")) {
	case ContentTypeProto, "application/octet-stream":
		return proto.UnmarshalOptions{DiscardUnknown: call.discardUnknown}.Unmarshal(data, res)
	}
	return sebufUnmarshalJSON(data, res, call.discardUnknown)
}

func sebufUnmarshalJSON(data []byte, msg proto.Message, discardUnknown bool) error {
	if u, ok := msg.(interface {
		UnmarshalJSONSebuf([]byte, protojson.UnmarshalOptions) error
	}); ok {
		return u.UnmarshalJSONSebuf(data, protojson.UnmarshalOptions{DiscardUnknown: discardUnknown})
	}
	if u, ok := msg.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(data)
	}
	return protojson.UnmarshalOptions{DiscardUnknown: discardUnknown}.Unmarshal(data, msg)
}

func sebufClientMediaType(value string) string {
	mt, _, err := mime.ParseMediaType(value)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(value))
	}
	return mt
}

// sebufResponseError turns an error response into the validation error type (a 400
// with violations) or the error message type; errors.As matches either.
func sebufResponseError(status int, body []byte) error {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) == nil {
		if _, ok := fields["violations"]; ok && status == http.StatusBadRequest {
			validation := &sebufValidationError{}
			if sebufDecodeErrorBody(body, validation) == nil {
				return validation
			}
		}
		if raw, ok := fields["message"]; ok {
			var message string
			if json.Unmarshal(raw, &message) == nil {
				return sebufNewErrorMessage(status, message)
			}
		}
	}
	return sebufNewErrorMessage(status, fmt.Sprintf("request failed with status %d: %s", status, strings.TrimSpace(string(body))))
}

// sebufDecodeErrorBody decodes an error body into target: protojson for upstream's
// message types (unknown fields ignored), encoding/json for the self-contained ones.
func sebufDecodeErrorBody(body []byte, target any) error {
	if msg, ok := target.(proto.Message); ok {
		return protojson.UnmarshalOptions{DiscardUnknown: true}.Unmarshal(body, msg)
	}
	return json.Unmarshal(body, target)
}

// stream sends a streaming request; the caller owns the returned response body.
func (c *sebufClient) stream(ctx context.Context, route *sebufClientRoute, req proto.Message, call *sebufCall) (*http.Response, error) {
	httpReq, err := c.newRequest(ctx, route, req, call, "text/event-stream")
	if err != nil {
		return nil, err
	}
	resp, err := c.httpClient.Do(httpReq)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return nil, sebufResponseError(resp.StatusCode, data)
	}
	return resp, nil
}

// sebufEventStream reads Server-Sent Events of type T from a response. Lines have
// no length limit: events of several MiB work.
type sebufEventStream[T proto.Message] struct {
	resp           *http.Response
	reader         *bufio.Reader
	pending        []string
	discardUnknown bool
	err            error
	done           bool
}

// nextLine returns the next line without its terminator: "\n", "\r\n" or a lone "\r".
func (s *sebufEventStream[T]) nextLine() (string, error) {
	if len(s.pending) == 0 {
		chunk, err := s.reader.ReadString('\n')
		if err != nil {
			return "", err
		}
		chunk = strings.TrimSuffix(strings.TrimSuffix(chunk, "\n"), "\r")
		s.pending = strings.Split(chunk, "\r")
	}
	line := s.pending[0]
	s.pending = s.pending[1:]
	return line, nil
}

func sebufNewEventStream[T proto.Message](resp *http.Response, discardUnknown bool) sebufEventStream[T] {
	return sebufEventStream[T]{resp: resp, reader: bufio.NewReader(resp.Body), discardUnknown: discardUnknown}
}

// Next reads the next event into event. It returns false at the end of the stream
// or on an error (see Err); an `event: error` frame ends the stream with the package's
// error message type (*sebufhttp.Error, or *HTTPError with self_contained).
// Comments, `id:` and `retry:` lines are skipped; an event the stream ends in the
// middle of is dropped, as the SSE specification says.
func (s *sebufEventStream[T]) Next(event T) bool {
	if s.done {
		return false
	}
	var data strings.Builder
	hasData := false
	eventType := ""
	for {
		line, err := s.nextLine()
		if err != nil {
			s.done = true
			if err != io.EOF {
				s.err = err
			}
			return false
		}
		if line == "" {
			if !hasData {
				eventType = ""
				continue
			}
			payload := data.String()
			if eventType == "error" {
				s.done = true
				s.err = sebufStreamError(s.resp.StatusCode, payload)
				return false
			}
			proto.Reset(event)
			if err := sebufUnmarshalJSON([]byte(payload), event, s.discardUnknown); err != nil {
				s.done = true
				s.err = fmt.Errorf("failed to unmarshal SSE event: %w", err)
				return false
			}
			return true
		}
		if line[0] == ':' {
			continue
		}
		field, value, found := strings.Cut(line, ":")
		if found {
			value = strings.TrimPrefix(value, " ")
		}
		switch field {
		case "data":
			if hasData {
				data.WriteByte('\n')
			}
			data.WriteString(value)
			hasData = true
		case "event":
			eventType = value
		}
	}
}

// sebufStreamError decodes an `event: error` payload: {"message": ...}, a JSON string or raw text.
func sebufStreamError(status int, payload string) error {
	var body struct {
		Message *string `json:"message"`
	}
	if json.Unmarshal([]byte(payload), &body) == nil && body.Message != nil {
		return sebufNewErrorMessage(status, *body.Message)
	}
	// Upstream sebuf's Go server sends the message as a quoted string.
	var message string
	if json.Unmarshal([]byte(payload), &message) == nil {
		return sebufNewErrorMessage(status, message)
	}
	return sebufNewErrorMessage(status, payload)
}

// Err returns the error that ended the stream, or nil after a clean end.
func (s *sebufEventStream[T]) Err() error { return s.err }

// Close releases the connection; the server sees the client go away.
func (s *sebufEventStream[T]) Close() error {
	s.done = true
	return s.resp.Body.Close()
}
