package sebufruntime

import (
	"net/http"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// ErrorHandler customises error responses. It may write the response itself, only
// set a status with WriteHeader, or return a message to send as the body; nil keeps
// the default body.
type ErrorHandler func(w http.ResponseWriter, r *http.Request, err error) proto.Message

// ServerOption configures Register<Service>Server.
type ServerOption func(*serverConfiguration)

type serverConfiguration struct {
	mux          *http.ServeMux
	errorHandler ErrorHandler
	marshalOpts  protojson.MarshalOptions
	validator    func(proto.Message) error
}

// WithMux registers routes on mux instead of http.DefaultServeMux.
func WithMux(mux *http.ServeMux) ServerOption {
	return func(c *serverConfiguration) { c.mux = mux }
}

// WithErrorHandler installs a custom error handler.
func WithErrorHandler(handler ErrorHandler) ServerOption {
	return func(c *serverConfiguration) { c.errorHandler = handler }
}

// WithMarshalOptions sets the protojson options of JSON responses and SSE events.
func WithMarshalOptions(opts protojson.MarshalOptions) ServerOption {
	return func(c *serverConfiguration) { c.marshalOpts = opts }
}

// WithValidator checks every bound request before its handler runs; an error answers
// 400. Pass protovalidate for buf.validate rules:
//
//	WithValidator(func(m proto.Message) error { return protovalidate.Validate(m) })
//
// Its violations (or a returned *ValidationError's) become the response's violations.
func WithValidator(validate func(proto.Message) error) ServerOption {
	return func(c *serverConfiguration) { c.validator = validate }
}

func sebufNewServerConfiguration(opts []ServerOption) *serverConfiguration {
	c := &serverConfiguration{}
	for _, opt := range opts {
		if opt != nil {
			opt(c)
		}
	}
	if c.mux == nil {
		c.mux = http.DefaultServeMux
	}
	return c
}
