// The message and enum declarations of one py-client module: `IntEnum`s with their JSON
// names, dataclasses (or, for the file's `…Error` messages, ApiError subclasses) whose
// to_dict/from_dict apply every sebuf JSON-mapping annotation.

import Proto

struct PyMessages {
  let schema: ProtoSchema
  let codecs: PyCodecs
  var names: PyTypeNames { codecs.names }

  func enumDecl(_ e: EnumEntry, _ p: inout CodePrinter) {
    let n = names.name(e.fullName)
    p.line("class \(n)(IntEnum):")
    p.indented { p in
      PyNames.docstring(doc(file: e.file, path: e.path, fallback: "proto enum \(e.fullName)"), &p)
      p.blank()
      for v in e.descriptor.value { p.line("\(PyNames.safe(v.name)) = \(v.number)") }
    }
    p.blank()
    p.blank()
    let custom = e.descriptor.value.compactMap { v in
      v.sebufEnumValue.map { "\(n).\(PyNames.safe(v.name)): \(PyNames.literal($0))" }
    }
    p.line("\(n)_JSON_VALUES: Mapping[\(n), str] = {\(custom.joined(separator: ", "))}")
  }

  private func doc(file: String, path: [Int32], fallback: String) -> String {
    schema.comment(file: file, path: path) ?? "Generated from \(fallback)."
  }

  /// Attribute names an error class's fields cannot take: its constructor's own parameters.
  var reservedAttributes: Set<String> = []

  /// A field's attribute name (and its keyword in `cls(**kwargs)`).
  func attr(_ f: FieldProto) -> String {
    let a = PyNames.attribute(f.name)
    return reservedAttributes.contains(a) ? a + "_" : a
  }

  /// The declared Python type of a field and its default expression.
  func declaration(_ ref: FieldRef) -> (type: String, defaultValue: String) {
    let f = ref.proto
    switch schema.shape(f) {
    case .list(let v): return ("list[\(codecs.value(v, field: f).type)]", "dataclasses.field(default_factory=list)")
    case .map(let k, let v, let vf):
      var codec = codecs.value(v, field: vf, inMap: true)
      codec = mapValueCodec(codec, v, mapField: f)
      return ("dict[\(codecs.mapKey(k).type), \(codec.type)]", "dataclasses.field(default_factory=dict)")
    case .single(let v):
      let c = codecs.value(v, field: f)
      if ref.isRealOneofMember || schema.semantics(ref).hasOptionalKeyword || c.zero == nil {
        return ("Optional[\(c.type)]", "None")
      }
      return (c.type, c.zero!)
    }
  }

  /// Annotations on a map field (int64/enum encoding) apply to its values.
  private func mapValueCodec(_ c: PyValueCodec, _ v: ValueShape, mapField f: FieldProto) -> PyValueCodec {
    switch v {
    case .scalar, .enumType: return codecs.value(v, field: f, inMap: true)
    default: return c
    }
  }

  private func elementCodec(_ ref: FieldRef) -> PyValueCodec {
    let f = ref.proto
    switch schema.shape(f) {
    case .single(let v), .list(let v): return codecs.value(v, field: f)
    case .map(_, let v, let vf): return mapValueCodec(codecs.value(v, field: vf, inMap: true), v, mapField: f)
    }
  }

  /// The expression of a list or map field's JSON value.
  private func collectionOut(_ ref: FieldRef, _ value: String) -> String {
    let c = elementCodec(ref)
    if case .map(let k, _, _) = schema.shape(ref.proto) {
      return "{\(codecs.mapKey(k).encode("key")): \(c.encode("v")) for key, v in \(value).items()}"
    }
    return "[\(c.encode("v")) for v in \(value)]"
  }

  private func collectionIn(_ ref: FieldRef, _ json: String) -> String {
    let c = elementCodec(ref)
    if case .map(let k, _, _) = schema.shape(ref.proto) {
      return "{\(codecs.mapKey(k).decode("key")): \(c.decode("v")) for key, v in _dict_in(\(json)).items()}"
    }
    return "[\(c.decode("v")) for v in _list_in(\(json))]"
  }

  /// The top-level JSON keys of a message's object (flattened children and discriminators
  /// included); iterative, each message visited once.
  func jsonKeys(_ m: MessageEntry) -> [String] {
    var keys: [String] = []
    var work: [(MessageEntry, String)] = [(m, "")]
    var seen: Set<String> = [m.fullName]
    while let (msg, prefix) = work.popLast() {
      for (i, decl) in msg.descriptor.oneofDecl.enumerated() {
        guard let config = decl.sebufOneofConfig, !config.discriminator.isEmpty else { continue }
        keys.append(prefix + config.discriminator)
        guard config.flatten else { continue }
        for f in msg.descriptor.field where f.hasOneofIndex && f.oneofIndex == Int32(i) && !f.proto3Optional {
          if case .single(.message(let child)) = schema.shape(f), seen.insert(child.fullName).inserted {
            work.append((child, prefix))
          }
        }
      }
      for ref in schema.fields(of: msg) {
        let f = ref.proto
        if ref.isRealOneofMember,
          let config = msg.descriptor.oneofDecl[Int(f.oneofIndex)].sebufOneofConfig,
          !config.discriminator.isEmpty, config.flatten
        {
          continue
        }
        if f.sebuf.flatten == true, case .single(.message(let child)) = schema.shape(f) {
          if seen.insert(child.fullName).inserted { work.append((child, prefix + (f.sebuf.flattenPrefix ?? ""))) }
          continue
        }
        keys.append(prefix + ProtoSchema.jsonName(f))
      }
    }
    return keys
  }

  /// `def to_dict(self) -> Any:` with the body for `m`.
  func toDict(_ m: MessageEntry, _ p: inout CodePrinter) {
    p.line("def to_dict(self) -> Any:")
    p.indented { p in
      p.line("\"\"\"Serialize to a JSON-ready value respecting sebuf JSON mapping annotations.\"\"\"")
      if let root = schema.rootUnwrap(m) {
        let ref = schema.fields(of: m)[0]
        p.line("return \(collectionOut(ref, "self.\(attr(root))"))")
        return
      }
      p.line("d: dict[str, Any] = {}")
      var doneOneofs: Set<Int32> = []
      for ref in schema.fields(of: m) {
        let f = ref.proto
        if ref.isRealOneofMember {
          if doneOneofs.insert(f.oneofIndex).inserted { oneofOut(m, Int(f.oneofIndex), &p) }
          continue
        }
        fieldOut(ref, &p)
      }
      p.line("return d")
    }
  }

  private func fieldOut(_ ref: FieldRef, _ p: inout CodePrinter) {
    let f = ref.proto
    let a = f.sebuf
    let value = "self.\(attr(f))"
    let key = PyNames.literal(ProtoSchema.jsonName(f))
    switch schema.shape(f) {
    case .list, .map:
      p.line("d[\(key)] = \(collectionOut(ref, value))")
    case .single(let v):
      let c = codecs.value(v, field: f)
      if a.flatten == true, case .message = v {
        p.line("if \(value) is not None:")
        p.indented { p in
          p.line("for key, v in \(c.encode(value)).items():")
          p.indented { p in p.line("d[\(PyNames.literal(a.flattenPrefix ?? "")) + key] = v") }
        }
        return
      }
      if c.zero != nil, !schema.semantics(ref).hasOptionalKeyword {
        p.line("d[\(key)] = \(c.encode(value))")
        return
      }
      p.line("if \(value) is not None:")
      p.indented { p in
        switch a.emptyBehavior {
        case .null?:
          p.line("d[\(key)] = None if _is_empty(\(value)) else \(c.encode(value))")
        case .omit?:
          p.line("if not _is_empty(\(value)):")
          p.indented { p in p.line("d[\(key)] = \(c.encode(value))") }
        default:
          p.line("d[\(key)] = \(c.encode(value))")
        }
      }
      if a.nullable == true {
        p.line("else:")
        p.indented { p in p.line("d[\(key)] = None") }
      }
    }
  }

  private func variants(_ m: MessageEntry, _ i: Int) -> [FieldRef] {
    schema.fields(of: m).filter { $0.isRealOneofMember && $0.proto.oneofIndex == Int32(i) }
  }

  private func oneofOut(_ m: MessageEntry, _ i: Int, _ p: inout CodePrinter) {
    let config = m.descriptor.oneofDecl[i].sebufOneofConfig.flatMap { $0.discriminator.isEmpty ? nil : $0 }
    for (n, ref) in variants(m, i).enumerated() {
      let f = ref.proto
      let value = "self.\(attr(f))"
      let c = codecs.value(codecs.schema.valueShape(f), field: f)
      let key = PyNames.literal(ProtoSchema.jsonName(f))
      // A oneof holds one value: the first variant set is the one written.
      p.line("\(n == 0 ? "if" : "elif") \(value) is not None:")
      guard let config else {
        p.indented { p in p.line("d[\(key)] = \(c.encode(value))") }
        continue
      }
      p.indented { p in
        if config.flatten, case .single(.message) = schema.shape(f) {
          p.line("d.update(\(c.encode(value)))")
        } else {
          p.line("d[\(key)] = \(c.encode(value))")
        }
        p.line("d[\(PyNames.literal(config.discriminator))] = \(PyNames.literal(tag(f)))")
      }
    }
  }

  /// A variant's discriminator value: its oneof_value, else its proto field name (as upstream's
  /// generators and sebuf's servers write it).
  private func tag(_ f: FieldProto) -> String { f.sebuf.oneofValue ?? f.name }

  /// What a decoder accepts for a variant: its tag and, without oneof_value, the JSON name that
  /// servers generated by sebuf before it matched upstream wrote.
  private func acceptedTags(_ f: FieldProto) -> String {
    let json = ProtoSchema.jsonName(f)
    guard f.sebuf.oneofValue == nil, json != f.name else { return "== \(PyNames.literal(tag(f)))" }
    return "in (\(PyNames.literal(f.name)), \(PyNames.literal(json)))"
  }

  /// The statements that fill `kwargs` from `data` (a JSON object) for `m`'s fields.
  func kwargsFromDict(_ m: MessageEntry, _ p: inout CodePrinter) {
    p.line("kwargs: dict[str, Any] = {}")
    if let root = schema.rootUnwrap(m) {
      let ref = schema.fields(of: m)[0]
      let key = PyNames.literal(ProtoSchema.jsonName(root))
      let json = schema.isMap(root) ? "data" : "data.get(\(key), []) if isinstance(data, dict) else data"
      p.line("kwargs[\(PyNames.literal(attr(root)))] = \(collectionIn(ref, "(\(json))"))")
      return
    }
    var doneOneofs: Set<Int32> = []
    for ref in schema.fields(of: m) {
      let f = ref.proto
      if ref.isRealOneofMember, let config = m.descriptor.oneofDecl[Int(f.oneofIndex)].sebufOneofConfig,
        !config.discriminator.isEmpty, config.flatten
      {
        if doneOneofs.insert(f.oneofIndex).inserted { flattenedOneofIn(m, Int(f.oneofIndex), config, &p) }
        continue
      }
      fieldIn(ref, &p)
    }
  }

  private func fieldIn(_ ref: FieldRef, _ p: inout CodePrinter) {
    let f = ref.proto
    let name = PyNames.literal(attr(f))
    let key = PyNames.literal(ProtoSchema.jsonName(f))
    if f.sebuf.flatten == true, case .single(.message(let child)) = schema.shape(f) {
      let prefix = PyNames.literal(f.sebuf.flattenPrefix ?? "")
      let keys = jsonKeys(child).map(PyNames.literal).joined(separator: ", ")
      let sub = "sub_\(attr(f))"
      p.line("\(sub) = {key: data[\(prefix) + key] for key in [\(keys)] if \(prefix) + key in data}")
      p.line("if \(sub):")
      p.indented { p in p.line("kwargs[\(name)] = \(names.name(child.fullName)).from_dict(\(sub))") }
      return
    }
    p.line("if \(key) in data and data[\(key)] is not None:")
    p.indented { p in
      switch schema.shape(f) {
      case .list, .map: p.line("kwargs[\(name)] = \(collectionIn(ref, "data[\(key)]"))")
      case .single(let v): p.line("kwargs[\(name)] = \(codecs.value(v, field: f).decode("data[\(key)]"))")
      }
    }
  }

  private func flattenedOneofIn(_ m: MessageEntry, _ i: Int, _ config: OneofAnnotations, _ p: inout CodePrinter) {
    let tagVar = "tag_\(PyNames.safe(m.descriptor.oneofDecl[i].name))"
    p.line("\(tagVar) = data.get(\(PyNames.literal(config.discriminator)))")
    for ref in variants(m, i) {
      let f = ref.proto
      p.line("if \(tagVar) \(acceptedTags(f)):")
      p.indented { p in
        let c = codecs.value(schema.valueShape(f), field: f)
        p.line("kwargs[\(PyNames.literal(attr(f)))] = \(c.decode("data"))")
      }
    }
  }

  /// A message as a dataclass.
  func dataclass(_ m: MessageEntry, _ p: inout CodePrinter) {
    let n = names.name(m.fullName)
    p.line("@dataclasses.dataclass")
    p.line("class \(n):")
    p.indented { p in
      PyNames.docstring(doc(file: m.file, path: m.path, fallback: "proto message \(m.fullName)"), &p)
      p.blank()
      for ref in schema.fields(of: m) {
        let d = declaration(ref)
        p.line("\(attr(ref.proto)): \(d.type) = \(d.defaultValue)")
      }
      if !m.descriptor.field.isEmpty { p.blank() }
      toDict(m, &p)
      p.blank()
      p.line("@classmethod")
      p.line("def from_dict(cls, data: Any) -> \(n):")
      p.indented { p in
        p.line("\"\"\"Deserialize from a JSON-decoded dict (or value, for root-unwrapped messages).\"\"\"")
        p.line("if data is None:")
        p.indented { p in p.line("return cls()") }
        kwargsFromDict(m, &p)
        p.line("return cls(**kwargs)")
      }
      if schema.rootUnwrap(m) == nil, let list = schema.mapValueUnwrap(m),
        let i = m.descriptor.field.firstIndex(of: list)
      {
        let ref = FieldRef(message: m, index: i)
        p.blank()
        p.line("def _to_map_value(self) -> Any:")
        p.indented { p in
          p.line("\"\"\"As a map value, the message is its unwrapped list.\"\"\"")
          p.line("return \(collectionOut(ref, "self.\(attr(list))"))")
        }
        p.blank()
        p.line("@classmethod")
        p.line("def _from_map_value(cls, data: Any) -> \(n):")
        p.indented { p in
          p.line("if isinstance(data, list):")
          p.indented { p in
            p.line("return cls(**{\(PyNames.literal(attr(list))): \(collectionIn(ref, "data"))})")
          }
          p.line("return cls.from_dict(data)")
        }
      }
    }
  }

  /// One of the file's `…Error` messages as an ApiError subclass that also carries its fields.
  func errorClass(_ m: MessageEntry, _ p: inout CodePrinter) {
    var scoped = self
    scoped.reservedAttributes = ["status", "body", "headers", "populate", "with_traceback", "args"]
    scoped.renderErrorClass(m, &p)
  }

  private func renderErrorClass(_ m: MessageEntry, _ p: inout CodePrinter) {
    let n = names.name(m.fullName)
    let fields = schema.fields(of: m)
    p.line("class \(n)(ApiError):")
    p.indented { p in
      PyNames.docstring(doc(file: m.file, path: m.path, fallback: "proto message \(m.fullName)"), &p)
      p.blank()
      p.line("def __init__(")
      p.indented { p in
        p.line("self,")
        p.line("status: int = 0,")
        p.line("body: bytes = b\"\",")
        p.line("headers: Optional[Mapping[str, str]] = None,")
        for ref in fields {
          let d = declaration(ref)
          let mutable = d.defaultValue.hasPrefix("dataclasses.field")
          p.line(
            "\(attr(ref.proto)): \(mutable ? "Optional[\(d.type)]" : d.type) = \(mutable ? "None" : d.defaultValue),"
          )
        }
      }
      p.line(") -> None:")
      p.indented { p in
        p.line("super().__init__(status, body, headers)")
        for ref in fields {
          let d = declaration(ref)
          let a = attr(ref.proto)
          if d.defaultValue.hasPrefix("dataclasses.field") {
            let empty = d.type.hasPrefix("list") ? "[]" : "{}"
            p.line("self.\(a): \(d.type) = \(a) if \(a) is not None else \(empty)")
          } else {
            p.line("self.\(a): \(d.type) = \(a)")
          }
        }
      }
      p.blank()
      toDict(m, &p)
      p.blank()
      p.line("@classmethod")
      p.line("def from_dict(cls, data: Any) -> \(n):")
      p.indented { p in
        p.line("\"\"\"Deserialize the error's fields from its JSON body.\"\"\"")
        p.line("return cls(**cls._kwargs(data))")
      }
      p.blank()
      p.line("@classmethod")
      p.line(
        "def populate(cls, status: int, body: bytes, headers: Optional[Mapping[str, str]], data: Mapping[str, Any]) -> \(n):"
      )
      p.indented { p in
        p.line("\"\"\"Build the error from a response whose JSON body is `data`.\"\"\"")
        p.line("return cls(status, body, headers, **cls._kwargs(data))")
      }
      p.blank()
      p.line("@staticmethod")
      p.line("def _kwargs(data: Any) -> dict[str, Any]:")
      p.indented { p in
        p.line("if data is None:")
        p.indented { p in p.line("return {}") }
        kwargsFromDict(m, &p)
        p.line("return kwargs")
      }
    }
  }
}
