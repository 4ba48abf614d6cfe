package sebufruntime

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Content types the server reads and writes.
const (
	JSONContentType   = "application/json"
	BinaryContentType = "application/octet-stream"
	ProtoContentType  = "application/x-protobuf"
)

// PathParamConfig binds a `{URLParam}` wildcard of the route pattern to the request
// field named FieldName (its proto name).
type PathParamConfig struct {
	URLParam  string // wildcard name in the route pattern
	FieldName string // proto field name of the request message
}

// QueryParamConfig binds the query parameter QueryName to the request field named
// FieldName (its proto name); a Required parameter that is missing answers 400.
type QueryParamConfig struct {
	QueryName string // query parameter name
	FieldName string // proto field name of the request message
	Required  bool   // whether a request without it is rejected
}

// sebufServerRoute is the binding description of one method.
type sebufServerRoute struct {
	pattern string
	body    bool
	// headers are the declared headers, method headers already overriding service
	// headers of the same name.
	headers []*sebufHTTPHeader
	path    []sebufServerParam
	query   []sebufServerParam
}

// sebufServerParam binds a path or query parameter to a request field.
type sebufServerParam struct {
	name     string
	field    protoreflect.Name
	required bool
	// enumValues maps custom enum_value strings to enum numbers.
	enumValues map[string]int32
}

// sebufMergeHeaders merges service and method headers by case-insensitive name, a
// method header overriding the service header of the same name; nameless ones are dropped.
func sebufMergeHeaders(serviceHeaders, methodHeaders []*sebufHTTPHeader) []*sebufHTTPHeader {
	var out []*sebufHTTPHeader
	at := map[string]int{}
	for _, h := range append(append([]*sebufHTTPHeader{}, serviceHeaders...), methodHeaders...) {
		if h == nil || h.GetName() == "" {
			continue
		}
		key := strings.ToLower(h.GetName())
		if i, ok := at[key]; ok {
			out[i] = h
			continue
		}
		at[key] = len(out)
		out = append(out, h)
	}
	return out
}

// sebufRouteFromConfig is the binding description BindingMiddleware and SSEHandler build
// from their upstream-style arguments.
func sebufRouteFromConfig(httpMethod string, serviceHeaders, methodHeaders []*sebufHTTPHeader, pathParams []PathParamConfig, queryParams []QueryParamConfig) *sebufServerRoute {
	route := &sebufServerRoute{headers: sebufMergeHeaders(serviceHeaders, methodHeaders)}
	switch strings.ToUpper(httpMethod) {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		route.body = true
	}
	for _, p := range pathParams {
		route.path = append(route.path, sebufServerParam{name: p.URLParam, field: protoreflect.Name(p.FieldName), required: true})
	}
	for _, q := range queryParams {
		route.query = append(route.query, sebufServerParam{name: q.QueryName, field: protoreflect.Name(q.FieldName), required: q.Required})
	}
	return route
}

// sebufRequestKey is the context key under which BindingMiddleware stores the bound request.
type sebufRequestKey struct{}

// BindingMiddleware binds each request to a new Req (which must be a generated message
// type, e.g. BindingMiddleware[GetUserRequest]) as the generated servers do: headers,
// then the body (POST, PUT and PATCH), then path and query parameters, then
// ValidateMessage. A failure answers 400 through errorHandler; otherwise next serves the
// request, whose context carries the bound message.
func BindingMiddleware[Req any](next http.Handler, serviceHeaders, methodHeaders []*sebufHTTPHeader,
	pathParams []PathParamConfig, queryParams []QueryParamConfig, httpMethod string, errorHandler ErrorHandler, marshalOpts protojson.MarshalOptions) http.Handler {
	cfg := &serverConfiguration{errorHandler: errorHandler, marshalOpts: marshalOpts}
	route := sebufRouteFromConfig(httpMethod, serviceHeaders, methodHeaders, pathParams, queryParams)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := new(Req)
		msg, ok := any(req).(proto.Message)
		if !ok {
			sebufWriteError(w, r, cfg, fmt.Errorf("BindingMiddleware: %T is not a protobuf message", req))
			return
		}
		if err := sebufBindRequest(r, route, msg); err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		if err := sebufValidate(cfg, msg); err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sebufRequestKey{}, req)))
	})
}

// sebufPackageValidator is what ValidateMessage runs; see SetValidator.
var sebufPackageValidator struct {
	sync.RWMutex
	validate func(proto.Message) error
}

// SetValidator installs the validator ValidateMessage runs, and with it every server of
// this package that has no WithValidator option. sebuf links no validation library:
// for buf.validate rules pass protovalidate, e.g.
//
//	SetValidator(func(m proto.Message) error { return protovalidate.Validate(m) })
func SetValidator(validate func(proto.Message) error) {
	sebufPackageValidator.Lock()
	defer sebufPackageValidator.Unlock()
	sebufPackageValidator.validate = validate
}

// ValidateMessage validates msg with the validator installed by SetValidator; without
// one every message is valid.
func ValidateMessage(msg proto.Message) error {
	sebufPackageValidator.RLock()
	validate := sebufPackageValidator.validate
	sebufPackageValidator.RUnlock()
	if validate == nil {
		return nil
	}
	return validate(msg)
}

type sebufRegistration struct {
	pattern string
	handler http.Handler
}

// sebufRegister adds handlers to mux and reports ServeMux's conflicts as an error.
func sebufRegister(mux *http.ServeMux, regs []sebufRegistration) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("registering HTTP routes: %v", r)
		}
	}()
	for _, reg := range regs {
		mux.Handle(reg.pattern, reg.handler)
	}
	return nil
}

// sebufServeUnary answers one request: bind, call, write the response or the error.
func sebufServeUnary[Req, Res proto.Message](cfg *serverConfiguration, route *sebufServerRoute, newReq func() Req, call func(context.Context, Req) (Res, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := newReq()
		if err := sebufBindRequest(r, route, req); err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		if err := sebufValidate(cfg, req); err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		res, err := call(r.Context(), req)
		if err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		sebufWriteMessage(w, r, cfg, http.StatusOK, res)
	})
}

// sebufBindRequest fills req from headers, body, path and query (URL values win over the body).
func sebufBindRequest(r *http.Request, route *sebufServerRoute, req proto.Message) error {
	var violations []*sebufFieldViolation
	for _, h := range route.headers {
		name := h.GetName()
		value := r.Header.Get(name)
		if value == "" {
			if h.GetRequired() {
				violations = append(violations, &sebufFieldViolation{Field: name, Description: fmt.Sprintf("required header '%s' is missing", name)})
			}
			continue
		}
		if err := sebufCheckHeader(h, value); err != nil {
			violations = append(violations, &sebufFieldViolation{Field: name, Description: fmt.Sprintf("header '%s' validation failed: %v", name, err)})
		}
	}
	if len(violations) > 0 {
		return &sebufValidationError{Violations: violations}
	}
	if route.body {
		if err := sebufReadBody(r, req); err != nil {
			return &sebufValidationError{Violations: []*sebufFieldViolation{{Field: "body", Description: "failed to parse request body: " + err.Error()}}}
		}
	}
	m := req.ProtoReflect()
	for _, p := range route.path {
		value := r.PathValue(p.name)
		if value == "" {
			violations = append(violations, &sebufFieldViolation{Field: p.name, Description: "missing required path parameter: " + p.name})
			continue
		}
		if err := sebufSetField(m, p, []string{value}); err != nil {
			violations = append(violations, &sebufFieldViolation{Field: p.name, Description: fmt.Sprintf("invalid value for path parameter %s: %v", p.name, err)})
		}
	}
	query := r.URL.Query()
	for _, p := range route.query {
		var values []string
		for _, v := range query[p.name] {
			if v != "" {
				values = append(values, v)
			}
		}
		if len(values) == 0 {
			if p.required {
				violations = append(violations, &sebufFieldViolation{Field: p.name, Description: "missing required query parameter: " + p.name})
			}
			continue
		}
		if err := sebufSetField(m, p, values); err != nil {
			violations = append(violations, &sebufFieldViolation{Field: p.name, Description: fmt.Sprintf("invalid value for query parameter %s: %v", p.name, err)})
		}
	}
	if len(violations) > 0 {
		return &sebufValidationError{Violations: violations}
	}
	return nil
}

// sebufValidate runs the configured validator and turns its error into a *sebufValidationError.
func sebufValidate(cfg *serverConfiguration, req proto.Message) error {
	var err error
	if cfg.validator != nil {
		err = cfg.validator(req)
	} else {
		err = ValidateMessage(req)
	}
	if err == nil {
		return nil
	}
	var validation *sebufValidationError
	if errors.As(err, &validation) {
		return validation
	}
	// protovalidate's error has ToProto() returning buf.validate.Violations; read it
	// reflectively so that the generated code does not depend on protovalidate.
	if method := reflect.ValueOf(err).MethodByName("ToProto"); method.IsValid() && method.Type().NumIn() == 0 && method.Type().NumOut() == 1 {
		if violations, ok := method.Call(nil)[0].Interface().(proto.Message); ok {
			if out := sebufViolations(violations.ProtoReflect()); len(out) > 0 {
				return &sebufValidationError{Violations: out}
			}
		}
	}
	return &sebufValidationError{Violations: []*sebufFieldViolation{{Field: "unknown", Description: err.Error()}}}
}

// sebufViolations reads a buf.validate.Violations message: each violation's message
// and its field path (`field.elements[].field_name` joined by dots, or `field_path`).
func sebufViolations(m protoreflect.Message) []*sebufFieldViolation {
	list := sebufMessageField(m, "violations")
	if list == nil || !list.IsList() {
		return nil
	}
	var out []*sebufFieldViolation
	violations := m.Get(list).List()
	for i := 0; i < violations.Len(); i++ {
		v := violations.Get(i).Message()
		field := "unknown"
		var names []string
		if path := sebufMessageField(v, "field"); path != nil && path.Message() != nil && v.Has(path) {
			p := v.Get(path).Message()
			if elements := sebufMessageField(p, "elements"); elements != nil && elements.IsList() {
				items := p.Get(elements).List()
				for j := 0; j < items.Len(); j++ {
					e := items.Get(j).Message()
					if name := sebufMessageField(e, "field_name"); name != nil {
						names = append(names, e.Get(name).String())
					}
				}
			}
		}
		if len(names) > 0 {
			field = strings.Join(names, ".")
		} else if legacy := sebufMessageField(v, "field_path"); legacy != nil && v.Get(legacy).String() != "" {
			field = v.Get(legacy).String()
		}
		description := ""
		if message := sebufMessageField(v, "message"); message != nil {
			description = v.Get(message).String()
		}
		out = append(out, &sebufFieldViolation{Field: field, Description: description})
	}
	return out
}

func sebufMessageField(m protoreflect.Message, name protoreflect.Name) protoreflect.FieldDescriptor {
	return m.Descriptor().Fields().ByName(name)
}

func sebufServerMediaType(value string) string {
	mt, _, err := mime.ParseMediaType(value)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(value))
	}
	return mt
}

// sebufReadBody decodes the body by Content-Type: binary protobuf or JSON. An empty body is accepted.
func sebufReadBody(r *http.Request, req proto.Message) error {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if len(data) == 0 {
		return nil
	}
	switch sebufServerMediaType(r.Header.Get("Content-Type")) {
	case ProtoContentType, BinaryContentType:
		return proto.Unmarshal(data, req)
	}
	// Unknown fields are ignored, as upstream sebuf's servers do since its DiscardUnknown
	// change: a newer client may send fields this server does not know yet.
	opts := protojson.UnmarshalOptions{DiscardUnknown: true}
	if u, ok := req.(interface {
		UnmarshalJSONSebuf([]byte, protojson.UnmarshalOptions) error
	}); ok {
		return u.UnmarshalJSONSebuf(data, opts)
	}
	if u, ok := req.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(data)
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	return opts.Unmarshal(data, req)
}

// sebufSetField parses URL values into a scalar or repeated scalar field.
func sebufSetField(m protoreflect.Message, p sebufServerParam, values []string) error {
	fd := m.Descriptor().Fields().ByName(p.field)
	if fd == nil {
		return fmt.Errorf("request has no field %q", p.field)
	}
	if fd.IsList() {
		list := m.Mutable(fd).List()
		for _, s := range values {
			v, err := sebufParseScalar(fd, s, p.enumValues)
			if err != nil {
				return err
			}
			list.Append(v)
		}
		return nil
	}
	if fd.IsMap() {
		return fmt.Errorf("map field %s cannot be bound from the URL", fd.Name())
	}
	v, err := sebufParseScalar(fd, values[0], p.enumValues)
	if err != nil {
		return err
	}
	m.Set(fd, v)
	return nil
}

func sebufParseScalar(fd protoreflect.FieldDescriptor, s string, enumValues map[string]int32) (protoreflect.Value, error) {
	switch fd.Kind() {
	case protoreflect.StringKind:
		return protoreflect.ValueOfString(s), nil
	case protoreflect.BoolKind:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfBool(b), nil
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		n, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfInt32(int32(n)), nil
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfInt64(n), nil
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		n, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfUint32(uint32(n)), nil
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfUint64(n), nil
	case protoreflect.FloatKind:
		f, err := strconv.ParseFloat(s, 32)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfFloat32(float32(f)), nil
	case protoreflect.DoubleKind:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return protoreflect.Value{}, err
		}
		return protoreflect.ValueOfFloat64(f), nil
	case protoreflect.BytesKind:
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			if b, err := enc.DecodeString(s); err == nil {
				return protoreflect.ValueOfBytes(b), nil
			}
		}
		return protoreflect.Value{}, fmt.Errorf("%q is not base64", s)
	case protoreflect.EnumKind:
		if n, ok := enumValues[s]; ok {
			return protoreflect.ValueOfEnum(protoreflect.EnumNumber(n)), nil
		}
		if ev := fd.Enum().Values().ByName(protoreflect.Name(s)); ev != nil {
			return protoreflect.ValueOfEnum(ev.Number()), nil
		}
		if n, err := strconv.ParseInt(s, 10, 32); err == nil {
			return protoreflect.ValueOfEnum(protoreflect.EnumNumber(n)), nil
		}
		return protoreflect.Value{}, fmt.Errorf("%q is not a value of enum %s", s, fd.Enum().FullName())
	}
	return protoreflect.Value{}, fmt.Errorf("field %s of kind %s cannot be bound from the URL", fd.Name(), fd.Kind())
}

// sebufCheckHeader checks a header value against its declared type and format.
func sebufCheckHeader(h *sebufHTTPHeader, value string) error {
	switch h.GetType() {
	case "integer":
		if _, err := strconv.ParseInt(value, 10, 64); err != nil {
			return errors.New("must be an integer")
		}
	case "number":
		if _, err := strconv.ParseFloat(value, 64); err != nil {
			return errors.New("must be a number")
		}
	case "boolean":
		if _, err := strconv.ParseBool(value); err != nil {
			return errors.New("must be a boolean")
		}
	case "array":
		if strings.TrimSpace(value) == "" {
			return errors.New("must not be empty")
		}
	}
	switch h.GetFormat() {
	case "uuid":
		if !sebufIsUUID(value) {
			return errors.New("must be a valid UUID")
		}
	case "email":
		at := strings.IndexByte(value, '@')
		if at <= 0 || at == len(value)-1 || strings.Count(value, "@") != 1 {
			return errors.New("must be a valid email")
		}
	case "date-time":
		if _, err := time.Parse(time.RFC3339, value); err != nil {
			return errors.New("must be a valid date-time")
		}
	case "date":
		if _, err := time.Parse("2006-01-02", value); err != nil {
			return errors.New("must be a valid date")
		}
	case "time":
		if _, err := time.Parse("15:04:05", value); err != nil {
			return errors.New("must be a valid time")
		}
	}
	return nil
}

func sebufIsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// sebufResponseType picks the response content type from Accept, then from the request's Content-Type.
func sebufResponseType(r *http.Request) string {
	accept := strings.TrimSpace(r.Header.Get("Accept"))
	if accept != "" && accept != "*/*" {
		for _, part := range strings.Split(accept, ",") {
			switch mt := sebufServerMediaType(part); mt {
			case ProtoContentType, BinaryContentType, JSONContentType:
				return mt
			}
		}
	}
	switch mt := sebufServerMediaType(r.Header.Get("Content-Type")); mt {
	case ProtoContentType, BinaryContentType:
		return mt
	}
	return JSONContentType
}

func sebufMarshalJSON(cfg *serverConfiguration, msg proto.Message) ([]byte, error) {
	if m, ok := msg.(interface {
		MarshalJSONSebuf(protojson.MarshalOptions) ([]byte, error)
	}); ok {
		return m.MarshalJSONSebuf(cfg.marshalOpts)
	}
	if m, ok := msg.(json.Marshaler); ok {
		return m.MarshalJSON()
	}
	return cfg.marshalOpts.Marshal(msg)
}

// sebufWriteMessage writes msg in the format the client asked for.
func sebufWriteMessage(w http.ResponseWriter, r *http.Request, cfg *serverConfiguration, status int, msg proto.Message) {
	contentType := sebufResponseType(r)
	var data []byte
	var err error
	if contentType == JSONContentType {
		data, err = sebufMarshalJSON(cfg, msg)
	} else {
		data, err = proto.Marshal(msg)
	}
	if err != nil {
		http.Error(w, "failed to marshal response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// sebufWriteError answers with the error's status (400 for a ValidationError, the
// status an error type carries, else 500) after giving the custom ErrorHandler its say.
func sebufWriteError(w http.ResponseWriter, r *http.Request, cfg *serverConfiguration, err error) {
	status := http.StatusInternalServerError
	var validation *sebufValidationError
	var httpErr *sebufErrorMessage
	var body any = sebufNewErrorMessage(0, err.Error())
	switch {
	case errors.As(err, &validation):
		status = http.StatusBadRequest
		body = validation
	case errors.As(err, &httpErr):
		if s := sebufErrorStatus(httpErr); s >= 400 && s <= 599 {
			status = s
		}
		body = httpErr
	}
	if cfg.errorHandler != nil {
		rec := &sebufErrorRecorder{ResponseWriter: w}
		msg := cfg.errorHandler(rec, r, err)
		if rec.wrote {
			return
		}
		if rec.status != 0 {
			status = rec.status
		}
		if msg != nil {
			sebufWriteMessage(w, r, cfg, status, msg)
			return
		}
	}
	if validation == nil && httpErr == nil {
		var protoErr proto.Message
		if errors.As(err, &protoErr) {
			body = protoErr
		}
	}
	if msg, ok := body.(proto.Message); ok {
		sebufWriteMessage(w, r, cfg, status, msg)
		return
	}
	data, mErr := json.Marshal(body)
	if mErr != nil {
		data = []byte(`{"message":"internal error"}`)
	}
	w.Header().Set("Content-Type", JSONContentType)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// sebufErrorRecorder holds back the status an ErrorHandler sets until a body is written.
type sebufErrorRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *sebufErrorRecorder) WriteHeader(status int) { r.status = status }

func (r *sebufErrorRecorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.wrote = true
		if r.status == 0 {
			r.status = http.StatusInternalServerError
		}
		r.ResponseWriter.WriteHeader(r.status)
	}
	return r.ResponseWriter.Write(b)
}

// SSESender writes Server-Sent Events. The stream is committed (status 200 and
// text/event-stream headers sent) by the first Send, SendWithEvent or Flush; an
// error returned before that gets a normal error response, after it an
// `event: error` frame with {"message": ...}.
type SSESender interface {
	Send(event proto.Message) error
	SendWithEvent(eventType string, event proto.Message) error
	Flush()
}

type sebufSSESender struct {
	mu        sync.Mutex
	w         http.ResponseWriter
	flusher   http.Flusher
	cfg       *serverConfiguration
	committed bool
}

func (s *sebufSSESender) commitLocked() {
	if s.committed {
		return
	}
	s.committed = true
	h := s.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	s.w.WriteHeader(http.StatusOK)
}

func (s *sebufSSESender) Send(event proto.Message) error { return s.write("", event) }

func (s *sebufSSESender) SendWithEvent(eventType string, event proto.Message) error {
	if eventType == "" || strings.ContainsAny(eventType, "\r\n") {
		return fmt.Errorf("invalid SSE event type %q", eventType)
	}
	return s.write(eventType, event)
}

func (s *sebufSSESender) Flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commitLocked()
	s.flusher.Flush()
}

func (s *sebufSSESender) write(eventType string, event proto.Message) error {
	data, err := sebufMarshalJSON(s.cfg, event)
	if err != nil {
		return err
	}
	var frame bytes.Buffer
	if eventType != "" {
		frame.WriteString("event: ")
		frame.WriteString(eventType)
		frame.WriteByte('\n')
	}
	sebufWriteSSEData(&frame, data)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commitLocked()
	if _, err := s.w.Write(frame.Bytes()); err != nil {
		return err
	}
	s.flusher.Flush()
	return nil
}

// sebufWriteSSEData writes one `data:` line per line of payload, then the blank line ending the frame.
func sebufWriteSSEData(frame *bytes.Buffer, payload []byte) {
	payload = bytes.ReplaceAll(payload, []byte("\r\n"), []byte("\n"))
	for _, line := range bytes.Split(payload, []byte("\n")) {
		frame.WriteString("data: ")
		frame.Write(line)
		frame.WriteByte('\n')
	}
	frame.WriteByte('\n')
}

// SSEHandler answers a streaming method with Server-Sent Events, binding and validating
// each request to a new Req (a generated message type) as BindingMiddleware does.
func SSEHandler[Req any](
	handler func(context.Context, *Req, SSESender) error,
	errorHandler ErrorHandler,
	serviceHeaders, methodHeaders []*sebufHTTPHeader,
	pathParams []PathParamConfig,
	queryParams []QueryParamConfig,
	httpMethod string,
	marshalOpts protojson.MarshalOptions,
) http.Handler {
	cfg := &serverConfiguration{errorHandler: errorHandler, marshalOpts: marshalOpts}
	route := sebufRouteFromConfig(httpMethod, serviceHeaders, methodHeaders, pathParams, queryParams)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := new(Req)
		msg, ok := any(req).(proto.Message)
		if !ok {
			sebufWriteError(w, r, cfg, fmt.Errorf("SSEHandler: %T is not a protobuf message", req))
			return
		}
		sebufServeStream(cfg, route, func() proto.Message { return msg }, func(ctx context.Context, _ proto.Message, s SSESender) error {
			return handler(ctx, req, s)
		}).ServeHTTP(w, r)
	})
}

// sebufServeStream answers a streaming method with Server-Sent Events. The handler's
// context is the request's: it is cancelled when the client disconnects.
func sebufServeStream[Req proto.Message](cfg *serverConfiguration, route *sebufServerRoute, newReq func() Req, call func(context.Context, Req, SSESender) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := newReq()
		if err := sebufBindRequest(r, route, req); err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		if err := sebufValidate(cfg, req); err != nil {
			sebufWriteError(w, r, cfg, err)
			return
		}
		flusher, ok := w.(http.Flusher)
		if !ok {
			sebufWriteError(w, r, cfg, sebufNewErrorMessage(http.StatusInternalServerError, "streaming not supported"))
			return
		}
		sender := &sebufSSESender{w: w, flusher: flusher, cfg: cfg}
		err := call(r.Context(), req, sender)
		sender.mu.Lock()
		defer sender.mu.Unlock()
		if err != nil && !sender.committed {
			sebufWriteError(w, r, cfg, err)
			return
		}
		sender.commitLocked()
		if err != nil {
			payload, mErr := json.Marshal(map[string]string{"message": err.Error()})
			if mErr != nil {
				payload = []byte(`{"message":"internal error"}`)
			}
			var frame bytes.Buffer
			frame.WriteString("event: error\n")
			sebufWriteSSEData(&frame, payload)
			_, _ = w.Write(frame.Bytes())
		}
		flusher.Flush()
	})
}
