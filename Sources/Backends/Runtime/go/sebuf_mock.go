package sebufruntime

import (
	"crypto/rand"
	"fmt"
	mathrand "math/rand"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// sebufMockFill fills the mock response m as upstream's mocks do: a string, number or
// bool field takes one of its (sebuf.http.field_examples) at random, else a sample
// value (a UUID for names containing "id", an email, a person's name, …; 42, 3.14,
// true); message fields are filled in turn, maps get one sample entry and repeated
// fields one element. Enums and bytes keep their zero value, a oneof only its first
// member is set, and a message type met again on the way (a recursive type) is left empty.
func sebufMockFill(m protoreflect.Message) {
	type work struct {
		msg  protoreflect.Message
		seen map[protoreflect.FullName]bool
	}
	stack := []work{{m, map[protoreflect.FullName]bool{m.Descriptor().FullName(): true}}}
	for len(stack) > 0 {
		w := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		fields := w.msg.Descriptor().Fields()
		for i := 0; i < fields.Len(); i++ {
			fd := fields.Get(i)
			if od := fd.ContainingOneof(); od != nil && !od.IsSynthetic() && od.Fields().Get(0) != fd {
				continue
			}
			// child returns a new message to fill, unless its type is already being filled above.
			child := func(v protoreflect.Message) {
				name := v.Descriptor().FullName()
				if w.seen[name] {
					return
				}
				seen := make(map[protoreflect.FullName]bool, len(w.seen)+1)
				for k := range w.seen {
					seen[k] = true
				}
				seen[name] = true
				stack = append(stack, work{v, seen})
			}
			switch {
			case fd.IsMap():
				key, ok := sebufMockMapKey(fd.MapKey())
				if !ok {
					continue
				}
				entries := w.msg.Mutable(fd).Map()
				if fd.MapValue().Message() != nil {
					v := entries.NewValue()
					entries.Set(key, v)
					child(v.Message())
				} else if v, ok := sebufMockScalar(fd.MapValue(), false); ok {
					entries.Set(key, v)
				}
			case fd.IsList():
				list := w.msg.Mutable(fd).List()
				if fd.Message() != nil {
					v := list.NewElement()
					list.Append(v)
					child(v.Message())
				} else if v, ok := sebufMockScalar(fd, true); ok {
					list.Append(v)
				}
			case fd.Message() != nil:
				if w.seen[fd.Message().FullName()] {
					continue
				}
				child(w.msg.Mutable(fd).Message())
			default:
				if v, ok := sebufMockScalar(fd, true); ok {
					w.msg.Set(fd, v)
				}
			}
		}
	}
}

// sebufMockExamples are the (sebuf.http.field_examples) values of fd.
func sebufMockExamples(fd protoreflect.FieldDescriptor) []string {
	raw := sebufOptionFields(fd.Options())[50007]
	var out []string
	for len(raw) > 0 {
		num, typ, n := protowire.ConsumeTag(raw)
		if n < 0 {
			break
		}
		raw = raw[n:]
		if num == 1 && typ == protowire.BytesType {
			v, m := protowire.ConsumeBytes(raw)
			if m < 0 {
				break
			}
			out = append(out, string(v))
			raw = raw[m:]
			continue
		}
		m := protowire.ConsumeFieldValue(num, typ, raw)
		if m < 0 {
			break
		}
		raw = raw[m:]
	}
	return out
}

// sebufMockScalar is a sample value of scalar field fd (false: leave it unset), from
// its examples when useExamples (a map value has none of its own).
func sebufMockScalar(fd protoreflect.FieldDescriptor, useExamples bool) (protoreflect.Value, bool) {
	var example string
	if useExamples {
		if examples := sebufMockExamples(fd); len(examples) > 0 {
			example = examples[mathrand.Intn(len(examples))]
		}
	}
	switch fd.Kind() {
	case protoreflect.StringKind:
		if example != "" {
			return protoreflect.ValueOfString(example), true
		}
		return protoreflect.ValueOfString(sebufMockString(string(fd.Name()))), true
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		n, err := strconv.ParseInt(example, 10, 32)
		if err != nil {
			n = 42
		}
		return protoreflect.ValueOfInt32(int32(n)), true
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		n, err := strconv.ParseInt(example, 10, 64)
		if err != nil {
			n = 42
		}
		return protoreflect.ValueOfInt64(n), true
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		n, err := strconv.ParseUint(example, 10, 32)
		if err != nil {
			n = 42
		}
		return protoreflect.ValueOfUint32(uint32(n)), true
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		n, err := strconv.ParseUint(example, 10, 64)
		if err != nil {
			n = 42
		}
		return protoreflect.ValueOfUint64(n), true
	case protoreflect.BoolKind:
		b, err := strconv.ParseBool(example)
		if err != nil {
			b = true
		}
		return protoreflect.ValueOfBool(b), true
	case protoreflect.FloatKind:
		f, err := strconv.ParseFloat(example, 32)
		if err != nil {
			f = 3.14
		}
		return protoreflect.ValueOfFloat32(float32(f)), true
	case protoreflect.DoubleKind:
		f, err := strconv.ParseFloat(example, 64)
		if err != nil {
			f = 3.14
		}
		return protoreflect.ValueOfFloat64(f), true
	}
	return protoreflect.Value{}, false
}

// sebufMockString is upstream's sample value for a string field without examples, chosen by its name.
func sebufMockString(name string) string {
	name = strings.ToLower(name)
	switch {
	case strings.Contains(name, "id"):
		var b [16]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "550e8400-e29b-41d4-a716-446655440000"
		}
		b[6] = (b[6] & 0x0f) | 0x40
		b[8] = (b[8] & 0x3f) | 0x80
		return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
	case strings.Contains(name, "email"):
		return "user@example.com"
	case strings.Contains(name, "name"):
		names := []string{"Alice Johnson", "Bob Smith", "Charlie Davis", "Diana Wilson"}
		return names[mathrand.Intn(len(names))]
	case strings.Contains(name, "phone"):
		return "+1-555-0123"
	case strings.Contains(name, "address"):
		return "123 Main Street, Anytown, USA"
	case strings.Contains(name, "url"):
		return "https://example.com"
	}
	return "example string"
}

// sebufMockMapKey is upstream's sample map key for a key field.
func sebufMockMapKey(fd protoreflect.FieldDescriptor) (protoreflect.MapKey, bool) {
	switch fd.Kind() {
	case protoreflect.StringKind:
		return protoreflect.ValueOfString("sample_key").MapKey(), true
	case protoreflect.BoolKind:
		return protoreflect.ValueOfBool(true).MapKey(), true
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return protoreflect.ValueOfInt32(1).MapKey(), true
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return protoreflect.ValueOfInt64(1).MapKey(), true
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return protoreflect.ValueOfUint32(1).MapKey(), true
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return protoreflect.ValueOfUint64(1).MapKey(), true
	}
	return protoreflect.MapKey{}, false
}
