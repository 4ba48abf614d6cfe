import SwiftProtobuf

/// protoc 36's `StripSourceRetentionOptions`: every field or extension declared with
/// `retention = RETENTION_SOURCE` (in descriptor.proto, or a custom option's declaration)
/// is removed wherever it is set in a file's descriptor; an options message that
/// becomes empty that way is removed too, and so are the source locations under
/// anything removed. protoc writes `-o` images and plugins' `proto_file` this way.
public struct SourceRetention: Sendable {
  struct FieldSchema {
    var isRepeated: Bool
    /// The message type of a message-typed field (no leading dot).
    var messageType: String?
    var isSourceRetention: Bool
  }

  /// Fields and extensions by message type and number, as protoc's pool sees them.
  var messages: [String: [Int32: FieldSchema]] = [:]
  /// Message types that can hold a source-retention field, directly or nested.
  var reaching = Set<String>()
  /// Whether a source-retention field is declared outside descriptor.proto (a custom
  /// option or a field of an option's message type): then every file is walked.
  var hasCustomSourceRetention = false

  /// The schema of every message and extension of `files` (descriptor.proto's own from
  /// the bundled copy when the files do not include it).
  public init(files: [Google_Protobuf_FileDescriptorProto]) {
    var all = files
    if !files.contains(where: { $0.name == "google/protobuf/descriptor.proto" }) {
      all.append(Self.bundledDescriptorProto)
    }
    var extensions: [Google_Protobuf_FieldDescriptorProto] = []
    for f in all {
      let isDescriptorProto = f.name == "google/protobuf/descriptor.proto"
      if !isDescriptorProto && Self.declaresSourceRetention(f) { hasCustomSourceRetention = true }
      extensions += f.extension
      var stack = f.messageType.map { (f.package.isEmpty ? $0.name : f.package + "." + $0.name, $0) }
      while let (name, m) = stack.popLast() {
        var fields: [Int32: FieldSchema] = [:]
        for field in m.field { fields[field.number] = Self.schema(field) }
        messages[name, default: [:]].merge(fields) { old, _ in old }
        extensions += m.extension
        stack += m.nestedType.map { (name + "." + $0.name, $0) }
      }
    }
    for e in extensions {
      let extendee = e.extendee.hasPrefix(".") ? String(e.extendee.dropFirst()) : e.extendee
      if messages[extendee]?[e.number] == nil { messages[extendee, default: [:]][e.number] = Self.schema(e) }
    }
    computeReaching()
  }

  /// Whether any field or extension of the file is declared with source retention.
  static func declaresSourceRetention(_ f: Google_Protobuf_FileDescriptorProto) -> Bool {
    if f.extension.contains(where: { $0.options.retention == .retentionSource }) { return true }
    var stack = f.messageType
    while let m = stack.popLast() {
      if m.field.contains(where: { $0.options.retention == .retentionSource })
        || m.extension.contains(where: { $0.options.retention == .retentionSource })
      {
        return true
      }
      stack += m.nestedType
    }
    return false
  }

  /// Whether the file sets any of descriptor.proto's own source-retention options: they
  /// live in extension ranges' options (`declaration`, `verification`) and in `features`
  /// (a feature declared with source retention, or a feature extension holding one).
  func setsStandardSourceOptions(_ f: Google_Protobuf_FileDescriptorProto) -> Bool {
    func features<O: FeatureOptions>(_ o: O) -> Bool { o.hasFeatures && holdsSourceRetention(o.features) }
    func inEnum(_ e: Google_Protobuf_EnumDescriptorProto) -> Bool {
      features(e.options) || e.value.contains { features($0.options) }
    }
    if features(f.options) || f.extension.contains(where: { features($0.options) })
      || f.enumType.contains(where: inEnum)
      || f.service.contains(where: { s in features(s.options) || s.method.contains { features($0.options) } })
    {
      return true
    }
    var stack = f.messageType
    while let m = stack.popLast() {
      if features(m.options) || m.field.contains(where: { features($0.options) })
        || m.extension.contains(where: { features($0.options) })
        || m.oneofDecl.contains(where: { features($0.options) }) || m.enumType.contains(where: inEnum)
        || m.extensionRange.contains(where: {
          features($0.options) || !$0.options.declaration.isEmpty || $0.options.hasVerification
        })
      {
        return true
      }
      stack += m.nestedType
    }
    return false
  }

  /// Whether stripping would remove anything from a `features` set: a field declared with
  /// source retention, or one of a message type that can hold such a field (as `strip` walks
  /// it). Editions files set features almost everywhere, nearly always without these, and
  /// this reads a few bytes where `strip` would serialize the whole file.
  func holdsSourceRetention(_ set: Google_Protobuf_FeatureSet) -> Bool {
    let type = "google.protobuf.FeatureSet"
    guard reaching.contains(type), let fields = messages[type], let bytes: [UInt8] = try? set.serializedBytes()
    else { return false }
    for r in WireFields(bytes) {
      guard let f = fields[r.number] else { continue }
      if f.isSourceRetention { return true }
      if let sub = f.messageType, r.wireType == 2, reaching.contains(sub) { return true }
    }
    return false
  }

  static func schema(_ f: Google_Protobuf_FieldDescriptorProto) -> FieldSchema {
    let type = f.type == .message && f.typeName.hasPrefix(".") ? String(f.typeName.dropFirst()) : nil
    return FieldSchema(
      isRepeated: f.label == .repeated, messageType: type,
      isSourceRetention: f.options.retention == .retentionSource)
  }

  /// Types that hold a source-retention field, then (over reverse edges, a worklist)
  /// every type with a field of such a type.
  mutating func computeReaching() {
    var holders: [String: [String]] = [:]
    var work: [String] = []
    for (name, fields) in messages {
      for f in fields.values {
        if f.isSourceRetention, !reaching.contains(name) {
          reaching.insert(name)
          work.append(name)
        }
        if let t = f.messageType { holders[t, default: []].append(name) }
      }
    }
    while let t = work.popLast() {
      for h in holders[t] ?? [] where reaching.insert(h).inserted { work.append(h) }
    }
  }

  /// descriptor.proto as bundled, compiled once.
  static let bundledDescriptorProto: Google_Protobuf_FileDescriptorProto = {
    let path = "google/protobuf/descriptor.proto"
    let (parsed, _) = parseProto(Array((BundledFiles.all[path] ?? "").utf8), importPath: path, displayPath: path)
    return Linker().link(parsed, tracksUnusedImports: false).0
  }()

  /// The image's files with source-retention options stripped.
  public static func strip(_ image: Image) -> Image {
    let schema = SourceRetention(files: image.files.map(\.descriptor))
    var out = image
    for i in out.files.indices { out.files[i].descriptor = schema.strip(out.files[i].descriptor) }
    return out
  }

  /// One file's descriptor with source-retention options stripped (unchanged when it
  /// cannot be re-read).
  public func strip(_ file: Google_Protobuf_FileDescriptorProto) -> Google_Protobuf_FileDescriptorProto {
    // Most files set no source-retention option: a scan of the descriptor rules them out
    // without serializing it.
    guard hasCustomSourceRetention || setsStandardSourceOptions(file) else { return file }
    var d = file
    let info = d.sourceCodeInfo
    let hadInfo = d.hasSourceCodeInfo
    d.clearSourceCodeInfo()
    guard let bytes: [UInt8] = try? d.serializedBytes() else { return file }
    var stripped: [[Int32]] = []
    let kept = strip(bytes, "google.protobuf.FileDescriptorProto", path: [], &stripped)
    guard !stripped.isEmpty else { return file }
    guard var out = try? Google_Protobuf_FileDescriptorProto(serializedBytes: kept, partial: true) else { return file }
    if hadInfo {
      let removed = Set(stripped)
      let longest = stripped.map(\.count).max() ?? 0
      out.sourceCodeInfo = info
      out.sourceCodeInfo.location = info.location.filter { loc in
        let n = min(longest, loc.path.count)
        return n == 0 || !(1...n).contains { removed.contains(Array(loc.path.prefix($0))) }
      }
    }
    return out
  }

  /// protoc's `StripMessage` over serialized bytes: `path` is the message's source info
  /// path; removed fields' paths are appended to `stripped`. Nesting is bounded by the
  /// descriptor's own shape (options inside descriptors inside files).
  func strip(_ bytes: [UInt8], _ type: String, path: [Int32], _ stripped: inout [[Int32]], depth: Int = 0) -> [UInt8] {
    guard depth < 64, reaching.contains(type), let fields = messages[type], let records = WireRecord.parse(bytes)
    else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var counts: [Int32: Int32] = [:]
    for r in records {
      guard let f = fields[r.number] else {
        out += r.encoded()
        continue
      }
      if f.isSourceRetention {
        stripped.append(path + [r.number])
        continue
      }
      guard let sub = f.messageType, r.type == .lengthDelimited, reaching.contains(sub) else {
        out += r.encoded()
        continue
      }
      var record = r
      if f.isRepeated {
        let i = counts[r.number, default: 0]
        counts[r.number] = i + 1
        record.payload = strip(r.payload, sub, path: path + [r.number, i], &stripped, depth: depth + 1)
      } else {
        record.payload = strip(r.payload, sub, path: path + [r.number], &stripped, depth: depth + 1)
        if Self.isOptions(sub) && !r.payload.isEmpty && record.payload.isEmpty {
          stripped.append(path + [r.number])
          continue
        }
      }
      out += record.encoded()
    }
    return out
  }

  /// descriptor.proto's `*Options` messages.
  static func isOptions(_ type: String) -> Bool {
    type.hasPrefix("google.protobuf.") && type.hasSuffix("Options")
      && !type.dropFirst("google.protobuf.".count).contains(".")
  }
}
