package sebufruntime

import "strings"

// FieldViolation is one invalid part of a request: a field, parameter, header or the body.
type FieldViolation struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

// ValidationError rejects a request with HTTP 400. Servers return it from binding
// and handlers may return it too; clients decode it from a 400 response.
type ValidationError struct {
	Violations []*FieldViolation `json:"violations"`
}

// Error describes the violations in one line.
func (e *ValidationError) Error() string {
	switch len(e.Violations) {
	case 0:
		return "validation error: no violations"
	case 1:
		return "validation error: " + e.Violations[0].Field + ": " + e.Violations[0].Description
	}
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = v.Field + ": " + v.Description
	}
	return "validation error: [" + strings.Join(parts, ", ") + "]"
}

// HTTPError is an error with a message and an HTTP status. A handler returning it
// answers with Status (500 when Status is not a 4xx/5xx code) and body
// {"message": Message}; clients return it for non-validation error responses and
// for an `event: error` frame of a stream.
type HTTPError struct {
	Status  int    `json:"-"`
	Message string `json:"message"`
}

// Error returns the message.
func (e *HTTPError) Error() string {
	if e.Message == "" {
		return "error: empty message"
	}
	return e.Message
}

// The names the server and client runtimes use for the error and header types. This
// file declares them itself, so the package needs no module besides protobuf; by
// default sebuf instead aliases them to upstream's github.com/SebastienMelki/sebuf/http.
type (
	sebufValidationError = ValidationError
	sebufFieldViolation  = FieldViolation
	sebufErrorMessage    = HTTPError
	sebufHTTPHeader      = HTTPHeader
)

// HTTPHeader is a declared request header, as BindingMiddleware and SSEHandler take
// them: the fields and getters of upstream's sebuf.http.Header.
type HTTPHeader struct {
	Name        string
	Description string
	Type        string
	Required    bool
	Format      string
	Example     string
	Deprecated  bool
}

// GetName returns the header name.
func (h *HTTPHeader) GetName() string { return h.Name }

// GetType returns the value type: string, integer, number, boolean or array.
func (h *HTTPHeader) GetType() string { return h.Type }

// GetFormat returns the value format: uuid, email, date-time, date or time.
func (h *HTTPHeader) GetFormat() string { return h.Format }

// GetRequired reports whether a request without the header is rejected.
func (h *HTTPHeader) GetRequired() bool { return h.Required }

// sebufNewErrorMessage is the error body for message, answering with status (0: the default).
func sebufNewErrorMessage(status int, message string) *sebufErrorMessage {
	return &HTTPError{Status: status, Message: message}
}

// sebufErrorStatus is the HTTP status an error body carries (0: none).
func sebufErrorStatus(e *sebufErrorMessage) int { return e.Status }
