import SwiftProtobuf

/// An options message of descriptor.proto: they all carry `uninterpreted_option`.
protocol OptionsMessage: SwiftProtobuf.Message {
  var uninterpretedOption: [Google_Protobuf_UninterpretedOption] { get set }
}
extension Google_Protobuf_FileOptions: OptionsMessage {}
extension Google_Protobuf_MessageOptions: OptionsMessage {}
extension Google_Protobuf_FieldOptions: OptionsMessage {}
extension Google_Protobuf_OneofOptions: OptionsMessage {}
extension Google_Protobuf_EnumOptions: OptionsMessage {}
extension Google_Protobuf_EnumValueOptions: OptionsMessage {}
extension Google_Protobuf_ServiceOptions: OptionsMessage {}
extension Google_Protobuf_MethodOptions: OptionsMessage {}
extension Google_Protobuf_ExtensionRangeOptions: OptionsMessage {}

/// The bundled descriptor.proto (protobuf v36), linked once: the standard options' fields
/// when the files being compiled do not import descriptor.proto themselves.
enum StandardOptions {
  static let linker: Linker = {
    let l = Linker()
    let text = BundledFiles.all["google/protobuf/descriptor.proto"] ?? ""
    let (parsed, _) = parseProto(
      Array(text.utf8), importPath: "google/protobuf/descriptor.proto", displayPath: "google/protobuf/descriptor.proto")
    _ = l.link(parsed, tracksUnusedImports: false)
    return l
  }()
}

/// Pass 4: options are interpreted as protoc's `OptionInterpreter` does. Standard
/// and custom options alike are first encoded as wire records in the order written;
/// then, as protoc 36 re-parses them with its pool's extensions known, the bytes are
/// put in field-number order (`OptionCanonicalizer`) and re-read so that standard
/// fields land in their fields (custom ones stay unknown fields, now in that order).
extension FileLinker {
  func interpretOptions() {
    let pkg = file.package
    if file.hasOptions {
      interpret(&file.options, "google.protobuf.FileOptions", path: [], optionsField: 8, scope: pkg + ".dummy")
    }
    file.updateEach(\.messageType) { i, m in interpretMessage(&m, scope: pkg, path: [4, Int32(i)]) }
    file.updateEach(\.enumType) { i, e in interpretEnum(&e, scope: pkg, path: [5, Int32(i)]) }
    file.updateEach(\.service) { i, service in
      let full = qualify(pkg, service.name)
      let sp: [Int32] = [6, Int32(i)]
      if service.hasOptions {
        interpret(&service.options, "google.protobuf.ServiceOptions", path: sp, optionsField: 3, scope: full)
      }
      service.updateEach(\.method) { j, method in
        guard method.hasOptions else { return }
        interpret(
          &method.options, "google.protobuf.MethodOptions", path: sp + [2, Int32(j)], optionsField: 4,
          scope: full + "." + method.name)
      }
    }
    file.updateEach(\.extension) { i, f in
      guard f.hasOptions else { return }
      interpret(
        &f.options, "google.protobuf.FieldOptions", path: [7, Int32(i)], optionsField: 8, scope: qualify(pkg, f.name))
    }
    updateSourceCodeInfo()
  }

  private func interpretMessage(_ m: inout MessageProto, scope: String, path: [Int32]) {
    let full = qualify(scope, m.name)
    if m.hasOptions {
      interpret(&m.options, "google.protobuf.MessageOptions", path: path, optionsField: 7, scope: full)
    }
    m.updateEach(\.field) { i, f in
      guard f.hasOptions else { return }
      interpret(
        &f.options, "google.protobuf.FieldOptions", path: path + [2, Int32(i)], optionsField: 8,
        scope: full + "." + f.name)
    }
    m.updateEach(\.oneofDecl) { i, o in
      guard o.hasOptions else { return }
      interpret(
        &o.options, "google.protobuf.OneofOptions", path: path + [8, Int32(i)], optionsField: 2,
        scope: full + "." + o.name)
    }
    m.updateEach(\.extensionRange) { i, r in
      guard r.hasOptions else { return }
      interpret(
        &r.options, "google.protobuf.ExtensionRangeOptions", path: path + [5, Int32(i)], optionsField: 3, scope: full)
    }
    m.updateEach(\.extension) { i, f in
      guard f.hasOptions else { return }
      interpret(
        &f.options, "google.protobuf.FieldOptions", path: path + [6, Int32(i)], optionsField: 8,
        scope: full + "." + f.name)
    }
    m.updateEach(\.nestedType) { i, n in interpretMessage(&n, scope: full, path: path + [3, Int32(i)]) }
    m.updateEach(\.enumType) { i, e in interpretEnum(&e, scope: full, path: path + [4, Int32(i)]) }
  }

  private func interpretEnum(_ e: inout EnumProto, scope: String, path: [Int32]) {
    let full = qualify(scope, e.name)
    if e.hasOptions {
      interpret(&e.options, "google.protobuf.EnumOptions", path: path, optionsField: 3, scope: full)
    }
    e.updateEach(\.value) { i, v in
      guard v.hasOptions else { return }
      interpret(
        &v.options, "google.protobuf.EnumValueOptions", path: path + [2, Int32(i)], optionsField: 3,
        scope: qualify(scope, v.name))
    }
  }

  /// The options message type as this compile knows it (with its extensions), else
  /// the standard descriptor.proto's.
  func optionsMessageInfo(_ fullName: String) -> MessageInfo? {
    if linker.reachesDescriptor[index], case .message(let m)? = pool.lookup(fullName), m.file <= index { return m }
    if case .message(let m)? = StandardOptions.linker.pool.lookup(fullName) { return m }
    return nil
  }

  /// protoc's `InterpretOptions` for one element.
  private func interpret<O: OptionsMessage>(
    _ opts: inout O, _ typeName: String, path: [Int32], optionsField: Int32, scope: String
  ) {
    let uninterpreted = opts.uninterpretedOption
    guard !uninterpreted.isEmpty else { return }
    guard let descriptor = optionsMessageInfo(typeName) else { return }
    opts.uninterpretedOption = []
    var records: [UInt8] = []
    let notesBefore = optionExtensionNotes
    let optionsPath = path + [optionsField]
    for (i, u) in uninterpreted.enumerated() {
      let src = optionsPath + [999, Int32(i)]
      var ctx = OptionContext(option: u, srcPath: src, optionsPath: optionsPath, scope: scope)
      guard let rec = interpretSingle(&ctx, descriptor: descriptor, existing: records) else { return }
      records += rec
    }
    do {
      let base: [UInt8] = try opts.serializedBytes()
      if optionExtensionNotes != notesBefore { writtenOptions[path] = (base + records, descriptor) }
      opts = try O(
        serializedBytes: OptionCanonicalizer(field: optionField).canonicalize(base + records, descriptor),
        extensions: nil, partial: true)
      try Self.orderUnknownStandardFields(&opts)
    } catch {
      self.error("Some options could not be correctly parsed.", at: path)
    }
  }

  /// Standard options SwiftProtobuf's descriptor.proto does not know stay unknown
  /// fields here, so they are moved before the custom options, where protoc prints them.
  static func orderUnknownStandardFields<O: OptionsMessage>(_ opts: inout O) throws {
    let unknown = [UInt8](opts.unknownFields.data)
    guard !unknown.isEmpty, let recs = WireRecord.parse(unknown) else { return }
    let standard = recs.filter { $0.number < 1000 }
    if standard.isEmpty { return }
    if recs.prefix(standard.count).allSatisfy({ $0.number < 1000 })
      && zip(standard, standard.dropFirst()).allSatisfy({ $0.number <= $1.number })
    {
      return
    }
    let ordered =
      standard.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }.map(\.element)
      + recs.filter { $0.number >= 1000 }
    opts.unknownFields = UnknownStorage()
    let known: [UInt8] = try opts.serializedBytes()
    opts = try O(serializedBytes: known + ordered.flatMap { $0.encoded() }, extensions: nil, partial: true)
  }

  struct OptionContext {
    let option: Google_Protobuf_UninterpretedOption
    let srcPath: [Int32]
    let optionsPath: [Int32]
    let scope: String
    var namePath: [Int32] { srcPath + [2] }
  }

  func optionNameError(_ msg: String, _ ctx: OptionContext) -> [UInt8]? {
    error(msg, at: ctx.namePath)
    return nil
  }

  func optionValueError(_ msg: String, _ ctx: OptionContext) -> [UInt8]? {
    var at = ctx.namePath
    for k: Int32 in 3...8 where location(ctx.srcPath + [k]) != nil { at = ctx.srcPath + [k] }
    error(msg, at: at)
    return nil
  }

  /// protoc's `InterpretSingleOption`: the wire record the option adds, or nil
  /// after reporting an error.
  private func interpretSingle(_ ctx: inout OptionContext, descriptor options: MessageInfo, existing: [UInt8])
    -> [UInt8]?
  {
    let u = ctx.option
    guard !u.name.isEmpty else { return optionNameError("Option must have a name.", ctx) }
    if u.name[0].namePart == "uninterpreted_option" {
      return optionNameError("Option must not use reserved name \"uninterpreted_option\".", ctx)
    }
    var descriptor = options
    var field: FieldInfo?
    var intermediate: [FieldInfo] = []
    var debugName = ""
    var dest = ctx.optionsPath
    for (i, part) in u.name.enumerated() {
      undefineResolvedName = ""
      if !debugName.isEmpty { debugName += "." }
      if part.isExtension {
        debugName += "(" + part.namePart + ")"
        if case .field(let f)? = lookupSymbol(part.namePart, relativeTo: ctx.scope) { field = f } else { field = nil }
      } else {
        debugName += part.namePart
        field = descriptor.fieldsByName[part.namePart]
      }
      if let f = field { noteOptionExtension(f) }
      guard let f = field else {
        if !undefineResolvedName.isEmpty {
          return optionNameError(
            "Option \"\(debugName)\" is resolved to \"(\(undefineResolvedName))\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \"(.\(debugName.dropFirst())\") to start from the outermost scope.",
            ctx)
        }
        return optionNameError(
          "Option \"\(debugName)\" unknown. Ensure that your proto definition file imports the proto which defines the option (i.e. via import option after edition 2024).",
          ctx)
      }
      guard let owner = f.containing, owner === descriptor || owner.fullName == descriptor.fullName else {
        return optionNameError(
          "Option field \"\(debugName)\" is not a field or extension of message \"\(descriptor.name)\".", ctx)
      }
      dest.append(f.number)
      if i < u.name.count - 1 {
        guard f.isMessageLike, let sub = f.message else {
          return optionNameError("Option \"\(debugName)\" is an atomic type, not a message.", ctx)
        }
        if f.isRepeated {
          return optionNameError(
            "Option field \"\(debugName)\" is a repeated message. Repeated message options must be initialized using an aggregate value.",
            ctx)
        }
        intermediate.append(f)
        descriptor = sub
      }
    }
    guard let leaf = field else { return nil }
    if !leaf.isRepeated, let recs = WireRecord.parse(existing), isOptionSet(recs, intermediate[...], leaf) {
      return optionNameError("Option \"\(debugName)\" was already set.", ctx)
    }
    guard var value = optionValue(leaf, ctx) else { return nil }
    for f in intermediate.reversed() {
      var w = WireWriter()
      if f.type == .group {
        w.tag(f.number, .startGroup)
        w.bytes += value
        w.tag(f.number, .endGroup)
      } else {
        w.lengthDelimited(f.number, value)
      }
      value = w.bytes
    }
    if leaf.isRepeated {
      let n = repeatedOptionCounts[dest, default: 0]
      repeatedOptionCounts[dest] = n + 1
      dest.append(n)
    }
    interpretedPaths[ctx.srcPath] = dest
    return value
  }

  /// protoc's `ExamineIfOptionIsSet`.
  private func isOptionSet(_ records: [WireRecord], _ path: ArraySlice<FieldInfo>, _ leaf: FieldInfo) -> Bool {
    guard let first = path.first else {
      return records.contains { $0.number == leaf.number }
    }
    for r in records where r.number == first.number {
      if first.type == .group {
        if r.type == .startGroup, let sub = WireRecord.parse(r.payload), isOptionSet(sub, path.dropFirst(), leaf) {
          return true
        }
      } else if r.type == .lengthDelimited, let sub = WireRecord.parse(r.payload),
        isOptionSet(sub, path.dropFirst(), leaf)
      {
        return true
      }
    }
    return false
  }

  /// protoc's `UpdateSourceCodeInfo`: locations of interpreted options take the path
  /// of the field they set, and their sub-locations are dropped.
  func updateSourceCodeInfo() {
    guard !interpretedPaths.isEmpty, file.hasSourceCodeInfo else { return }
    let locs = file.sourceCodeInfo.location
    var out: [Google_Protobuf_SourceCodeInfo.Location] = []
    out.reserveCapacity(locs.count)
    var matched: [Int32]?
    var changed = false
    // Hashing a whole path is costly; most locations can be ruled out by length and
    // last two elements before looking the path up.
    var signatures = Set<UInt64>(minimumCapacity: interpretedPaths.count)
    for key in interpretedPaths.keys { signatures.insert(Self.pathSignature(key)) }
    for loc in locs {
      if let m = matched {
        if loc.path.starts(with: m) {
          changed = true
          continue
        }
        matched = nil
      }
      if signatures.contains(Self.pathSignature(loc.path)), let dest = interpretedPaths[loc.path] {
        matched = loc.path
        var r = loc
        r.path = dest
        out.append(r)
        changed = true
      } else {
        out.append(loc)
      }
    }
    if changed { file.sourceCodeInfo.location = out }
  }

  /// A cheap summary of a path (its length and last two elements): equal paths have
  /// equal signatures.
  static func pathSignature(_ path: [Int32]) -> UInt64 {
    let n = path.count
    let last = n > 0 ? UInt64(UInt32(bitPattern: path[n - 1])) : 0
    let prev = n > 1 ? UInt64(UInt32(bitPattern: path[n - 2])) & 0xFFFFFF : 0
    return UInt64(n & 0xFF) << 56 | prev << 32 | last
  }
}
