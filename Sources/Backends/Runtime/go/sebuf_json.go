package sebufruntime

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// sebufFieldJSON is the JSON mapping of one field, read from its sebuf options.
type sebufFieldJSON struct {
	unwrap        bool
	int64Number   bool
	enumNumber    bool
	nullable      bool
	empty         uint64
	timestamp     uint64
	bytes         uint64
	oneofValue    string
	flatten       bool
	flattenPrefix string
}

// sebufOneofJSON is a oneof's discriminator configuration.
type sebufOneofJSON struct {
	discriminator string
	flatten       bool
}

var sebufJSONCache sync.Map

// sebufOptionFields decodes the sebuf extensions (field numbers 50000+) of an options message.
func sebufOptionFields(opts proto.Message) map[protowire.Number][]byte {
	out := map[protowire.Number][]byte{}
	if opts == nil {
		return out
	}
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(opts)
	if err != nil {
		return out
	}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			break
		}
		b = b[n:]
		switch typ {
		case protowire.VarintType:
			v, m := protowire.ConsumeVarint(b)
			if m < 0 {
				return out
			}
			out[num] = protowire.AppendVarint(nil, v)
			b = b[m:]
		case protowire.BytesType:
			v, m := protowire.ConsumeBytes(b)
			if m < 0 {
				return out
			}
			out[num] = append(out[num], v...)
			b = b[m:]
		default:
			m := protowire.ConsumeFieldValue(num, typ, b)
			if m < 0 {
				return out
			}
			b = b[m:]
		}
	}
	return out
}

func sebufVarint(fields map[protowire.Number][]byte, num protowire.Number) uint64 {
	v, n := protowire.ConsumeVarint(fields[num])
	if n < 0 {
		return 0
	}
	return v
}

func sebufFieldOptions(fd protoreflect.FieldDescriptor) *sebufFieldJSON {
	key := "f:" + string(fd.FullName())
	if v, ok := sebufJSONCache.Load(key); ok {
		return v.(*sebufFieldJSON)
	}
	f := sebufOptionFields(fd.Options())
	info := &sebufFieldJSON{
		unwrap:        sebufVarint(f, 50009) != 0,
		int64Number:   sebufVarint(f, 50010) == 2,
		enumNumber:    sebufVarint(f, 50011) == 2,
		nullable:      sebufVarint(f, 50013) != 0,
		empty:         sebufVarint(f, 50014),
		timestamp:     sebufVarint(f, 50015),
		bytes:         sebufVarint(f, 50016),
		oneofValue:    string(f[50018]),
		flatten:       sebufVarint(f, 50019) != 0,
		flattenPrefix: string(f[50020]),
	}
	sebufJSONCache.Store(key, info)
	return info
}

func sebufOneofOptions(od protoreflect.OneofDescriptor) *sebufOneofJSON {
	key := "o:" + string(od.FullName())
	if v, ok := sebufJSONCache.Load(key); ok {
		return v.(*sebufOneofJSON)
	}
	info := &sebufOneofJSON{}
	if raw, ok := sebufOptionFields(od.Options())[50017]; ok {
		cfg := sebufRawFields(raw)
		info.discriminator = string(cfg[1])
		info.flatten = sebufVarint(cfg, 2) != 0
	}
	sebufJSONCache.Store(key, info)
	return info
}

// sebufRawFields decodes an embedded message's fields (last value wins).
func sebufRawFields(b []byte) map[protowire.Number][]byte {
	out := map[protowire.Number][]byte{}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			break
		}
		b = b[n:]
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			break
		}
		switch typ {
		case protowire.VarintType:
			v, _ := protowire.ConsumeVarint(b)
			out[num] = protowire.AppendVarint(nil, v)
		case protowire.BytesType:
			v, _ := protowire.ConsumeBytes(b)
			out[num] = v
		}
		b = b[m:]
	}
	return out
}

// sebufEnumNames maps an enum's value names to their enum_value strings and back.
type sebufEnumNames struct {
	toJSON   map[string]string
	fromJSON map[string]string
}

func sebufEnumOptions(ed protoreflect.EnumDescriptor) *sebufEnumNames {
	key := "e:" + string(ed.FullName())
	if v, ok := sebufJSONCache.Load(key); ok {
		return v.(*sebufEnumNames)
	}
	info := &sebufEnumNames{toJSON: map[string]string{}, fromJSON: map[string]string{}}
	values := ed.Values()
	for i := 0; i < values.Len(); i++ {
		ev := values.Get(i)
		if custom, ok := sebufOptionFields(ev.Options())[50012]; ok {
			info.toJSON[string(ev.Name())] = string(custom)
			info.fromJSON[string(custom)] = string(ev.Name())
		}
	}
	sebufJSONCache.Store(key, info)
	return info
}

// sebufUnwrapField is the field a message collapses to: its only field when that field
// has unwrap, or (as a map value) its unwrap field.
func sebufUnwrapField(md protoreflect.MessageDescriptor, asMapValue bool) protoreflect.FieldDescriptor {
	fields := md.Fields()
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		if sebufFieldOptions(fd).unwrap && (asMapValue || fields.Len() == 1) {
			return fd
		}
	}
	return nil
}

func sebufJSONKey(fd protoreflect.FieldDescriptor, protoNames bool) string {
	if protoNames {
		return string(fd.Name())
	}
	return fd.JSONName()
}

func sebufIsWellKnown(md protoreflect.MessageDescriptor) bool {
	return md.FullName().Parent() == "google.protobuf"
}

// sebufEncodeJSON encodes m with protojson, then applies the sebuf JSON annotations
// of m and every message inside it.
func sebufEncodeJSON(m proto.Message, opts protojson.MarshalOptions) ([]byte, error) {
	raw, err := opts.Marshal(m)
	if err != nil {
		return nil, err
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return json.Marshal(sebufJSONOut(m.ProtoReflect(), v, opts.UseProtoNames, false))
}

// sebufDecodeJSON reverses the sebuf JSON annotations, then decodes with protojson.
func sebufDecodeJSON(data []byte, m proto.Message, opts protojson.UnmarshalOptions) error {
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	if v == nil {
		// Upstream sebuf's encoders write `null` for an empty root-unwrapped message.
		proto.Reset(m)
		return nil
	}
	v, err := sebufJSONIn(m.ProtoReflect().Descriptor(), v, false)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return opts.Unmarshal(raw, m)
}

func sebufJSONOut(m protoreflect.Message, v any, protoNames, asMapValue bool) any {
	md := m.Descriptor()
	obj, ok := v.(map[string]any)
	if !ok || sebufIsWellKnown(md) {
		return v
	}
	fields := md.Fields()
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		key := sebufJSONKey(fd, protoNames)
		info := sebufFieldOptions(fd)
		val, present := obj[key]
		if !present {
			if info.nullable && fd.HasPresence() && !m.Has(fd) {
				obj[key] = nil
			}
			continue
		}
		obj[key] = sebufValueOut(fd, info, m.Get(fd), val, protoNames)
		if fd.Message() != nil && !fd.IsList() && !fd.IsMap() && info.empty != 0 && proto.Size(m.Get(fd).Message().Interface()) == 0 {
			switch info.empty {
			case 2:
				obj[key] = nil
			case 3:
				delete(obj, key)
			}
		}
	}
	oneofs := md.Oneofs()
	for i := 0; i < oneofs.Len(); i++ {
		od := oneofs.Get(i)
		cfg := sebufOneofOptions(od)
		set := m.WhichOneof(od)
		if cfg.discriminator == "" || set == nil {
			continue
		}
		key := sebufJSONKey(set, protoNames)
		value := sebufFieldOptions(set).oneofValue
		if value == "" {
			// upstream's generators write the proto field name (not the JSON name).
			value = string(set.Name())
		}
		if cfg.flatten {
			if child, ok := obj[key].(map[string]any); ok {
				delete(obj, key)
				for k, cv := range child {
					obj[k] = cv
				}
			}
		}
		obj[cfg.discriminator] = value
	}
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		info := sebufFieldOptions(fd)
		key := sebufJSONKey(fd, protoNames)
		if !info.flatten {
			continue
		}
		if child, ok := obj[key].(map[string]any); ok {
			delete(obj, key)
			for k, cv := range child {
				obj[info.flattenPrefix+k] = cv
			}
		}
	}
	if fd := sebufUnwrapField(md, asMapValue); fd != nil {
		if inner, ok := obj[sebufJSONKey(fd, protoNames)]; ok {
			return inner
		}
		if fd.IsMap() {
			return map[string]any{}
		}
		return []any{}
	}
	return obj
}

func sebufValueOut(fd protoreflect.FieldDescriptor, info *sebufFieldJSON, value protoreflect.Value, v any, protoNames bool) any {
	switch {
	case fd.IsList():
		items, ok := v.([]any)
		list := value.List()
		if !ok || len(items) != list.Len() {
			return v
		}
		for i := range items {
			items[i] = sebufScalarOut(fd, info, list.Get(i), items[i], protoNames, false)
		}
		return items
	case fd.IsMap():
		entries, ok := v.(map[string]any)
		if !ok {
			return v
		}
		mv := fd.MapValue()
		value.Map().Range(func(k protoreflect.MapKey, val protoreflect.Value) bool {
			key := k.String()
			if item, ok := entries[key]; ok {
				entries[key] = sebufScalarOut(mv, sebufFieldOptions(mv), val, item, protoNames, true)
			}
			return true
		})
		return entries
	}
	return sebufScalarOut(fd, info, value, v, protoNames, false)
}

func sebufScalarOut(fd protoreflect.FieldDescriptor, info *sebufFieldJSON, value protoreflect.Value, v any, protoNames, asMapValue bool) any {
	switch fd.Kind() {
	case protoreflect.MessageKind, protoreflect.GroupKind:
		md := fd.Message()
		if md.FullName() == "google.protobuf.Timestamp" && info.timestamp > 1 {
			tm := value.Message()
			seconds := tm.Get(md.Fields().ByNumber(1)).Int()
			nanos := tm.Get(md.Fields().ByNumber(2)).Int()
			switch info.timestamp {
			case 2:
				return json.Number(strconv.FormatInt(seconds, 10))
			case 3:
				return json.Number(strconv.FormatInt(seconds*1000+nanos/1e6, 10))
			case 4:
				return time.Unix(seconds, nanos).UTC().Format("2006-01-02")
			}
		}
		return sebufJSONOut(value.Message(), v, protoNames, asMapValue)
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		if info.int64Number {
			return json.Number(strconv.FormatInt(value.Int(), 10))
		}
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		if info.int64Number {
			return json.Number(strconv.FormatUint(value.Uint(), 10))
		}
	case protoreflect.EnumKind:
		ev := fd.Enum().Values().ByNumber(value.Enum())
		if info.enumNumber || ev == nil {
			return json.Number(strconv.FormatInt(int64(value.Enum()), 10))
		}
		if custom, ok := sebufEnumOptions(fd.Enum()).toJSON[string(ev.Name())]; ok {
			return custom
		}
	case protoreflect.BytesKind:
		switch info.bytes {
		case 2:
			return base64.RawStdEncoding.EncodeToString(value.Bytes())
		case 3:
			return base64.URLEncoding.EncodeToString(value.Bytes())
		case 4:
			return base64.RawURLEncoding.EncodeToString(value.Bytes())
		case 5:
			return hex.EncodeToString(value.Bytes())
		}
	}
	return v
}

func sebufJSONIn(md protoreflect.MessageDescriptor, v any, asMapValue bool) (any, error) {
	if sebufIsWellKnown(md) || v == nil {
		return v, nil
	}
	if fd := sebufUnwrapField(md, asMapValue); fd != nil {
		if _, isObject := v.(map[string]any); !isObject || fd.IsMap() {
			v = map[string]any{fd.JSONName(): v}
		}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return v, nil
	}
	fields := md.Fields()
	take := func(fd protoreflect.FieldDescriptor, prefix string, from map[string]any) (any, bool) {
		for _, k := range []string{prefix + fd.JSONName(), prefix + string(fd.Name())} {
			if val, ok := from[k]; ok {
				delete(from, k)
				return val, true
			}
		}
		return nil, false
	}
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		info := sebufFieldOptions(fd)
		if !info.flatten || fd.Message() == nil {
			continue
		}
		child := map[string]any{}
		cf := fd.Message().Fields()
		for j := 0; j < cf.Len(); j++ {
			if val, ok := take(cf.Get(j), info.flattenPrefix, obj); ok {
				child[cf.Get(j).JSONName()] = val
			}
		}
		if len(child) > 0 {
			obj[fd.JSONName()] = child
		}
	}
	oneofs := md.Oneofs()
	for i := 0; i < oneofs.Len(); i++ {
		od := oneofs.Get(i)
		cfg := sebufOneofOptions(od)
		if cfg.discriminator == "" {
			continue
		}
		raw, present := obj[cfg.discriminator]
		if !present {
			continue
		}
		delete(obj, cfg.discriminator)
		name, _ := raw.(string)
		var variant protoreflect.FieldDescriptor
		for j := 0; j < od.Fields().Len(); j++ {
			fd := od.Fields().Get(j)
			value := sebufFieldOptions(fd).oneofValue
			if value == name || (value == "" && (name == fd.JSONName() || name == string(fd.Name()))) {
				variant = fd
			}
		}
		if variant == nil {
			return nil, fmt.Errorf("unknown %s %q for oneof %s", cfg.discriminator, name, od.Name())
		}
		if cfg.flatten && variant.Message() != nil {
			child := map[string]any{}
			cf := variant.Message().Fields()
			for j := 0; j < cf.Len(); j++ {
				if val, ok := take(cf.Get(j), "", obj); ok {
					child[cf.Get(j).JSONName()] = val
				}
			}
			obj[variant.JSONName()] = child
		}
	}
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		keys := []string{fd.JSONName()}
		if string(fd.Name()) != fd.JSONName() {
			keys = append(keys, string(fd.Name()))
		}
		for _, key := range keys {
			val, present := obj[key]
			if !present || val == nil {
				continue
			}
			converted, err := sebufValueIn(fd, sebufFieldOptions(fd), val)
			if err != nil {
				return nil, fmt.Errorf("field %s: %w", fd.Name(), err)
			}
			obj[key] = converted
		}
	}
	return obj, nil
}

func sebufValueIn(fd protoreflect.FieldDescriptor, info *sebufFieldJSON, v any) (any, error) {
	switch {
	case fd.IsList():
		items, ok := v.([]any)
		if !ok {
			return v, nil
		}
		for i := range items {
			item, err := sebufScalarIn(fd, info, items[i], false)
			if err != nil {
				return nil, err
			}
			items[i] = item
		}
		return items, nil
	case fd.IsMap():
		entries, ok := v.(map[string]any)
		if !ok {
			return v, nil
		}
		mv := fd.MapValue()
		for k, item := range entries {
			converted, err := sebufScalarIn(mv, sebufFieldOptions(mv), item, true)
			if err != nil {
				return nil, err
			}
			entries[k] = converted
		}
		return entries, nil
	}
	return sebufScalarIn(fd, info, v, false)
}

func sebufScalarIn(fd protoreflect.FieldDescriptor, info *sebufFieldJSON, v any, asMapValue bool) (any, error) {
	switch fd.Kind() {
	case protoreflect.MessageKind, protoreflect.GroupKind:
		md := fd.Message()
		if md.FullName() == "google.protobuf.Timestamp" {
			switch x := v.(type) {
			case json.Number:
				n, err := x.Int64()
				if err != nil {
					return nil, err
				}
				if info.timestamp == 3 {
					return time.UnixMilli(n).UTC().Format(time.RFC3339Nano), nil
				}
				return time.Unix(n, 0).UTC().Format(time.RFC3339Nano), nil
			case string:
				if t, err := time.Parse("2006-01-02", x); err == nil {
					return t.UTC().Format(time.RFC3339Nano), nil
				}
			}
			return v, nil
		}
		return sebufJSONIn(md, v, asMapValue)
	case protoreflect.EnumKind:
		if s, ok := v.(string); ok {
			if name, ok := sebufEnumOptions(fd.Enum()).fromJSON[s]; ok {
				return name, nil
			}
		}
	case protoreflect.BytesKind:
		s, ok := v.(string)
		if !ok || info.bytes == 0 {
			return v, nil
		}
		var b []byte
		var err error
		switch info.bytes {
		case 5:
			b, err = hex.DecodeString(s)
		case 2:
			b, err = base64.RawStdEncoding.DecodeString(s)
		case 3:
			b, err = base64.URLEncoding.DecodeString(s)
		case 4:
			b, err = base64.RawURLEncoding.DecodeString(s)
		default:
			b, err = base64.StdEncoding.DecodeString(s)
		}
		if err != nil {
			return nil, err
		}
		return base64.StdEncoding.EncodeToString(b), nil
	}
	return v, nil
}

// sebufEnumMarshalJSON is the JSON string of enum value n of ed: its enum_value name,
// else its proto name, else (a number the enum does not declare) the number.
func sebufEnumMarshalJSON(ed protoreflect.EnumDescriptor, n protoreflect.EnumNumber) ([]byte, error) {
	ev := ed.Values().ByNumber(n)
	if ev == nil {
		return json.Marshal(int32(n))
	}
	if custom, ok := sebufEnumOptions(ed).toJSON[string(ev.Name())]; ok {
		return json.Marshal(custom)
	}
	return json.Marshal(string(ev.Name()))
}

// sebufEnumUnmarshalJSON reads a value of ed written as an enum_value name, a proto
// name or a number.
func sebufEnumUnmarshalJSON(ed protoreflect.EnumDescriptor, data []byte) (protoreflect.EnumNumber, error) {
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		name := s
		if proto, ok := sebufEnumOptions(ed).fromJSON[s]; ok {
			name = proto
		}
		if ev := ed.Values().ByName(protoreflect.Name(name)); ev != nil {
			return ev.Number(), nil
		}
		return 0, fmt.Errorf("unknown %s value: %q", ed.Name(), s)
	}
	var n int32
	if err := json.Unmarshal(data, &n); err == nil {
		return protoreflect.EnumNumber(n), nil
	}
	return 0, fmt.Errorf("cannot unmarshal %s into %s", string(data), ed.Name())
}
