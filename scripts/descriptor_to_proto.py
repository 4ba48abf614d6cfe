"""Prints a proto2/proto3 FileDescriptorProto back as .proto source, for scripts/embed.

Some registry packages ship a dependency only as a serialized descriptor (PyPI `protovalidate`
ships buf/validate/validate.proto that way, inside its generated module). sebuf's compiler reads
sources, so the embedding script turns the descriptor back into a source that compiles to the
same descriptor (comments and source positions are not in a descriptor and so are not restored).

Needs Python's `protobuf` package (`pip install protobuf`) at embedding time only.
"""
import ast

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory, text_encoding, text_format
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2  # noqa: F401 (pool deps)

LABELS = {1: "optional", 2: "required", 3: "repeated"}
TYPES = {1: "double", 2: "float", 3: "int64", 4: "uint64", 5: "int32", 6: "fixed64", 7: "fixed32",
         8: "bool", 9: "string", 12: "bytes", 13: "uint32", 15: "sfixed32", 16: "sfixed64",
         17: "sint32", 18: "sint64"}
MAX_FIELD_NUMBER = 536870911


def descriptor_from_generated_module(text):
    """The serialized FileDescriptorProto passed to the first `file_desc(b'...')` or
    `AddSerializedFile(b'...')` call in a generated Python module (read with `ast`, not run)."""
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("file_desc", "AddSerializedFile") and isinstance(node.args[0], ast.Constant):
                return node.args[0].value
    raise ValueError("no serialized file descriptor found in the generated module")


class Printer:
    """Source text for one file; options are printed through a pool that knows the file's own
    extensions, so custom options come out by name (`(buf.validate.field).string.min_len = 1`
    as an aggregate `(buf.validate.field) = { ... }`)."""

    def __init__(self, data):
        self.file = descriptor_pb2.FileDescriptorProto.FromString(data)
        if self.file.syntax not in ("", "proto2", "proto3"):
            raise ValueError("only proto2/proto3 descriptors can be printed, not %r" % self.file.syntax)
        self.pool = descriptor_pool.DescriptorPool()
        for dep in (descriptor_pb2, duration_pb2, field_mask_pb2, timestamp_pb2):
            proto = descriptor_pb2.FileDescriptorProto()
            dep.DESCRIPTOR.CopyToProto(proto)
            self.pool.Add(proto)
        self.pool.Add(self.file)
        self.out = []

    def options(self, opts, full_name):
        """(name, text value) of every option set in `opts`, read through the pool so that
        extensions are known; aggregates print as text format."""
        cls = message_factory.GetMessageClass(self.pool.FindMessageTypeByName(full_name))
        msg = cls.FromString(opts.SerializeToString())
        result = []
        for field, value in msg.ListFields():
            name = "(%s)" % field.full_name if field.is_extension else field.name
            values = value if field.is_repeated else [value]
            for v in values:
                result.append((name, self.value(field, v)))
        return result

    @staticmethod
    def value(field, v):
        if field.type == field.TYPE_MESSAGE:
            return "{ " + text_format.MessageToString(v, as_one_line=True) + " }"
        if field.type == field.TYPE_ENUM:
            return field.enum_type.values_by_number[v].name
        if field.type == field.TYPE_STRING:
            return '"' + text_encoding.CEscape(v, as_utf8=True) + '"'
        if field.type == field.TYPE_BYTES:
            return '"' + text_encoding.CEscape(v, as_utf8=False) + '"'
        if field.type == field.TYPE_BOOL:
            return "true" if v else "false"
        return repr(v)

    def line(self, depth, text):
        self.out.append("  " * depth + text)

    def option_statements(self, depth, opts, full_name):
        for name, value in self.options(opts, full_name):
            self.line(depth, "option %s = %s;" % (name, value))

    def bracket(self, pairs):
        return " [%s]" % ", ".join("%s = %s" % p for p in pairs) if pairs else ""

    def type_of(self, f):
        if f.type in (11, 14):  # message, enum: fully qualified, as the descriptor has it
            return f.type_name
        return TYPES[f.type]

    def field(self, depth, f, in_oneof):
        pairs = []
        if f.HasField("default_value"):
            pairs.append(("default", '"%s"' % f.default_value if f.type == 9 else f.default_value))
        if f.HasField("json_name") and f.json_name != default_json_name(f.name):
            pairs.append(("json_name", '"%s"' % f.json_name))
        if f.HasField("options"):
            pairs += self.options(f.options, "google.protobuf.FieldOptions")
        label = "" if in_oneof or (self.file.syntax == "proto3" and f.label == 1 and not f.proto3_optional) \
            else LABELS[f.label] + " "
        self.line(depth, "%s%s %s = %d%s;" % (label, self.type_of(f), f.name, f.number, self.bracket(pairs)))

    def message(self, depth, m):
        if m.options.map_entry:
            raise ValueError("map fields are not supported by this printer")
        self.line(depth, "message %s {" % m.name)
        if m.HasField("options"):
            self.option_statements(depth + 1, m.options, "google.protobuf.MessageOptions")
        printed_oneofs = set()
        for f in m.field:
            if f.HasField("oneof_index") and not f.proto3_optional:
                i = f.oneof_index
                if i in printed_oneofs:
                    continue
                printed_oneofs.add(i)
                self.line(depth + 1, "oneof %s {" % m.oneof_decl[i].name)
                if m.oneof_decl[i].HasField("options"):
                    self.option_statements(depth + 2, m.oneof_decl[i].options, "google.protobuf.OneofOptions")
                for g in m.field:
                    if g.HasField("oneof_index") and g.oneof_index == i:
                        self.field(depth + 2, g, True)
                self.line(depth + 1, "}")
            else:
                self.field(depth + 1, f, False)
        for n in m.nested_type:
            self.message(depth + 1, n)
        for e in m.enum_type:
            self.enum(depth + 1, e)
        for r in m.extension_range:
            end = "max" if r.end - 1 == MAX_FIELD_NUMBER else str(r.end - 1)
            pairs = self.options(r.options, "google.protobuf.ExtensionRangeOptions") if r.HasField("options") else []
            self.line(depth + 1, "extensions %d to %s%s;" % (r.start, end, self.bracket(pairs)))
        self.extensions(depth + 1, m.extension)
        for r in m.reserved_range:
            self.line(depth + 1, "reserved %s;" % (str(r.start) if r.end == r.start + 1 else "%d to %d" % (r.start, r.end - 1)))
        if m.reserved_name:
            self.line(depth + 1, "reserved %s;" % ", ".join('"%s"' % n for n in m.reserved_name))
        self.line(depth, "}")

    def enum(self, depth, e):
        self.line(depth, "enum %s {" % e.name)
        if e.HasField("options"):
            self.option_statements(depth + 1, e.options, "google.protobuf.EnumOptions")
        for v in e.value:
            pairs = self.options(v.options, "google.protobuf.EnumValueOptions") if v.HasField("options") else []
            self.line(depth + 1, "%s = %d%s;" % (v.name, v.number, self.bracket(pairs)))
        for r in e.reserved_range:
            self.line(depth + 1, "reserved %s;" % (str(r.start) if r.end == r.start else "%d to %d" % (r.start, r.end)))
        if e.reserved_name:
            self.line(depth + 1, "reserved %s;" % ", ".join('"%s"' % n for n in e.reserved_name))
        self.line(depth, "}")

    def extensions(self, depth, exts):
        """`extend` blocks, one per extendee in order of first appearance."""
        for extendee in dict.fromkeys(x.extendee for x in exts):
            self.line(depth, "extend %s {" % extendee)
            for x in exts:
                if x.extendee == extendee:
                    self.field(depth + 1, x, False)
            self.line(depth, "}")

    def source(self, header):
        f = self.file
        self.out = list(header)
        self.line(0, 'syntax = "%s";' % (f.syntax or "proto2"))
        self.line(0, "")
        self.line(0, "package %s;" % f.package)
        self.line(0, "")
        for i, dep in enumerate(f.dependency):
            kind = "public " if i in f.public_dependency else "weak " if i in f.weak_dependency else ""
            self.line(0, 'import %s"%s";' % (kind, dep))
        self.line(0, "")
        if f.HasField("options"):
            self.option_statements(0, f.options, "google.protobuf.FileOptions")
            self.line(0, "")
        for m in f.message_type:
            self.message(0, m)
        for e in f.enum_type:
            self.enum(0, e)
        self.extensions(0, f.extension)
        if f.service:
            raise ValueError("services are not supported by this printer")
        return "\n".join(self.out) + "\n"


def default_json_name(name):
    """protoc's default json_name: underscores dropped, the next letter upper-cased."""
    out, upper = [], False
    for c in name:
        if c == "_":
            upper = True
        else:
            out.append(c.upper() if upper else c)
            upper = False
    return "".join(out)
