// Test fixture, written for sebuf's tests: the hand-written part of upstream sebuf's Go
// package github.com/SebastienMelki/sebuf/http (its public API: the Error methods of the
// errors.proto messages, with upstream's texts). The tests build that package from
// sebuf's bundled sebuf/http/*.proto with protoc-gen-go plus this file, since they
// cannot download the module.
package http

import "strings"

// Error describes the violations in one line.
func (x *ValidationError) Error() string {
	switch len(x.GetViolations()) {
	case 0:
		return "validation error: no violations"
	case 1:
		v := x.GetViolations()[0]
		return "validation error: " + v.GetField() + ": " + v.GetDescription()
	}
	parts := make([]string, 0, len(x.GetViolations()))
	for _, v := range x.GetViolations() {
		parts = append(parts, v.GetField()+": "+v.GetDescription())
	}
	return "validation error: [" + strings.Join(parts, ", ") + "]"
}

// Error returns the message.
func (x *Error) Error() string {
	if x.GetMessage() == "" {
		return "error: empty message"
	}
	return x.GetMessage()
}
