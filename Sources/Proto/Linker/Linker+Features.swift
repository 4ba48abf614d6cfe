import SwiftProtobuf

/// Editions in the linker: option imports, and the features of every element resolved
/// and validated as protoc 36.2's `DescriptorBuilder` does (`ResolveFeatures`,
/// `ValidateFileFeatures`, `ValidateFieldFeatures`, `ValidateFeatureLifetimes`).
extension FileLinker {

  var fileEdition: Google_Protobuf_Edition { Google_Protobuf_Edition(of: file) }

  /// Whether an editions field's repeated values are packed, read before options are
  /// interpreted (option values of the file's own extensions need it): the field's, else the
  /// file's `repeated_field_encoding` feature (the only targets it has), else PACKED, every
  /// edition's default.
  func editionsPacked(_ f: FieldProto) -> Bool {
    if let own = Self.featureSetting(f.options.uninterpretedOption, "repeated_field_encoding") {
      return Self.isEnumValue(own, "PACKED", FeatureConstant.packed)
    }
    if fileRepeatedEncodingPacked == nil {
      fileRepeatedEncodingPacked = .some(
        Self.featureSetting(file.options.uninterpretedOption, "repeated_field_encoding").map {
          Self.isEnumValue($0, "PACKED", FeatureConstant.packed)
        })
    }
    return fileRepeatedEncodingPacked.flatMap { $0 } ?? true
  }

  /// Whether an editions field is `field_presence = LEGACY_REQUIRED`, read before options
  /// are interpreted (option values check required fields). Only a field may set it.
  static func isLegacyRequired(_ f: FieldProto) -> Bool {
    featureSetting(f.options.uninterpretedOption, "field_presence").map {
      isEnumValue($0, "LEGACY_REQUIRED", FeatureConstant.legacyRequired)
    } ?? false
  }

  /// Whether an enum value as written (name or number) is `name` / `number`.
  static func isEnumValue(_ written: String, _ name: String, _ number: UInt64) -> Bool {
    written == name || written == String(number)
  }

  /// The value the last of `options` gives feature `name` (as written: an enum name or
  /// number): `features.NAME = X` or the aggregate `features = { NAME: X }`.
  static func featureSetting(_ options: [Google_Protobuf_UninterpretedOption], _ name: String) -> String? {
    var found: String?
    for o in options where !o.name.isEmpty && !o.name[0].isExtension && o.name[0].namePart == "features" {
      if o.name.count == 2 && !o.name[1].isExtension && o.name[1].namePart == name {
        found = o.identifierValue
      } else if o.name.count == 1 && o.hasAggregateValue, let value = aggregateSetting(o.aggregateValue, name) {
        found = value
      }
    }
    return found
  }

  /// The value a `features = { … }` aggregate gives field `name` at its top level (an
  /// identifier or integer), if any; nested messages and `[extension]`s are skipped.
  static func aggregateSetting(_ text: String, _ name: String) -> String? {
    var tokens = TextFormatParser.Tokenizer(text: text)
    var depth = 0
    var found: String?
    while tokens.token.kind != .end {
      let t = tokens.token
      tokens.next()
      if t.kind == .symbol && (t.text == "{" || t.text == "<" || t.text == "[") {
        depth += 1
      } else if t.kind == .symbol && (t.text == "}" || t.text == ">" || t.text == "]") {
        depth -= 1
      } else if depth == 0 && t.kind == .identifier && t.text == name {
        if tokens.token.kind == .symbol && tokens.token.text == ":" { tokens.next() }
        if tokens.token.kind == .identifier || tokens.token.kind == .integer { found = String(tokens.token.text) }
      }
    }
    return found
  }

  /// The syntax statement (protoc's EDITIONS error location).
  static let editionPath: [Int32] = [12]

  /// Pass 5's feature checks; also records whether each enum of the file is closed.
  func validateFeatures() {
    if file.syntax == "editions" { canonicalizeFeatures() }
    let edition = fileEdition
    if file.syntax == "editions" {
      if edition.rawValue < EditionDefaults.protocMinimum.rawValue {
        error(
          "Edition \(edition.protocName) is earlier than the minimum supported edition \(EditionDefaults.protocMinimum.protocName)",
          at: Self.editionPath)
        return
      }
      if edition.rawValue > EditionDefaults.protocMaximum.rawValue && edition != .unstable {
        error(
          "Edition \(edition.protocName) is later than the maximum supported edition \(EditionDefaults.protocMaximum.protocName)",
          at: Self.editionPath)
        return
      }
    }
    var elements: [FeatureElement] = []
    FeatureElement.collect(file, into: &elements)
    featureElements = elements
    // proto2 and proto3 files need no defaults (and the defaults are computed by compiling
    // proto2 files: asking for them here would wait on their own computation).
    if FeatureChain.isLegacy(edition) {
      for e in elements where e.kind == .enumType { enumInfo(at: e.path)?.isClosed = !isProto3 }
      for e in elements where !e.features.isEmpty {
        report("Features are only valid under editions.", e, file: Self.editionPath)
      }
      return
    }
    let chain = FeatureChain(file: file, defaults: EditionDefaults.bundled)
    for e in elements where e.kind == .enumType {
      guard let info = enumInfo(at: e.path) else { continue }
      let enumType = chain.resolve(e.path, asProtoc: true).value(FeatureNumber.enumType)
      info.isClosed = enumType == UInt64(Google_Protobuf_FeatureSet.EnumType.closed.rawValue)
    }
    for e in elements {
      let own = e.features
      for (number, name, unknown) in Self.enumFeatures where own.value(number) == 0 {
        report("Feature field `\(name)` must resolve to a known value, found \(unknown)", e, file: Self.editionPath)
      }
    }
    let fileFeatures = chain.fileValues
    if fileFeatures.value(FeatureNumber.fieldPresence) == FeatureConstant.legacyRequired {
      error("Required presence can't be specified by default.", at: Self.editionPath)
    }
    if file.options.javaStringCheckUtf8 {
      error(
        "File option java_string_check_utf8 is not allowed under editions. Use the (pb.java).utf8_validation feature to control this behavior.",
        at: Self.editionPath)
    }
    for e in elements {
      switch e.kind {
      case .field: validateFieldFeatures(e, chain: chain)
      case .enumType: validateOpenEnum(e)
      default: break
      }
    }
  }

  /// An error at the element's NAME location (`file` for the file itself); oneofs and
  /// extension ranges have none in protoc, which then names only the file.
  private func report(_ message: String, _ e: FeatureElement, file: [Int32]) {
    switch e.kind {
    case .file: error(message, at: file)
    case .oneof, .extensionRange:
      hadErrors = true
      diagnostics.append(.error(message, rule: CompileRule.compile, at: .file(displayPath)))
    default: error(message, at: e.namePath)
    }
  }

  /// FeatureSet's enum features and their UNKNOWN value names (protoc's `ValidateMergedFeatures`).
  static let enumFeatures: [(Int32, String, String)] = [
    (1, "field_presence", "FIELD_PRESENCE_UNKNOWN"), (2, "enum_type", "ENUM_TYPE_UNKNOWN"),
    (3, "repeated_field_encoding", "REPEATED_FIELD_ENCODING_UNKNOWN"),
    (4, "utf8_validation", "UTF8_VALIDATION_UNKNOWN"),
    (5, "message_encoding", "MESSAGE_ENCODING_UNKNOWN"), (6, "json_format", "JSON_FORMAT_UNKNOWN"),
    (7, "enforce_naming_style", "ENFORCE_NAMING_STYLE_UNKNOWN"),
    (8, "default_symbol_visibility", "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN"),
    (9, "enforce_proto_limits", "PROTO_LIMITS_UNKNOWN"),
  ]

  /// protoc's `ValidateTargetConstraints` (run by its command line on the files it was given,
  /// once they built) for features: each feature set on an element must list the element's
  /// kind among its `targets`. Reported on the file, without a position, as protoc does.
  func validateFeatureTargets() {
    guard tracksUnusedImports, file.syntax == "editions" else { return }
    let table = FeatureSupportTable.bundled
    for e in collectedFeatureElements() {
      let features = e.features
      func check(_ message: String, _ numbers: [Int32]) {
        for n in numbers {
          guard let targets = table.targets[message]?[n], !targets.isEmpty, !targets.contains(e.kind.target),
            let name = table.names[message]?[n]
          else { continue }
          hadErrors = true
          diagnostics.append(
            .error(
              "Option \(name) cannot be set on an entity of type `\(e.kind.targetName)`.", rule: CompileRule.compile,
              at: .file(displayPath)))
        }
      }
      check("google.protobuf.FeatureSet", features.fields.keys.sorted())
      for ext in features.extensions.keys.sorted() {
        guard let message = table.extensionMessages[ext] else { continue }
        check(message, features.extensions[ext]!.keys.sorted())
      }
    }
  }

  /// The elements `validateFeatures` collected (the descriptor is not changed after it), else
  /// collected now: the lifetime and target checks walk the same elements.
  private func collectedFeatureElements() -> [FeatureElement] {
    if let featureElements { return featureElements }
    var elements: [FeatureElement] = []
    FeatureElement.collect(file, into: &elements)
    return elements
  }

  /// protoc keeps each element's features as a parsed FeatureSet and writes it back: fields
  /// and language extensions in number order, one record per extension. Options as
  /// interpreted keep the order written, so every `features` is rewritten that way.
  func canonicalizeFeatures() {
    func fix(_ f: inout Google_Protobuf_FeatureSet) { f = FeatureValues(f).featureSet }
    func fixEnum(_ e: inout EnumProto) {
      if e.options.hasFeatures { fix(&e.options.features) }
      e.updateEach(\.value) { _, v in if v.options.hasFeatures { fix(&v.options.features) } }
    }
    func fixField(_ f: inout FieldProto) { if f.options.hasFeatures { fix(&f.options.features) } }
    // Message nesting is bounded by the parser (ProtoParser.maxNesting).
    func fixMessage(_ m: inout MessageProto) {
      if m.options.hasFeatures { fix(&m.options.features) }
      m.updateEach(\.field) { _, f in fixField(&f) }
      m.updateEach(\.extension) { _, f in fixField(&f) }
      m.updateEach(\.oneofDecl) { _, o in if o.options.hasFeatures { fix(&o.options.features) } }
      m.updateEach(\.extensionRange) { _, r in if r.options.hasFeatures { fix(&r.options.features) } }
      m.updateEach(\.enumType) { _, e in fixEnum(&e) }
      m.updateEach(\.nestedType) { _, n in fixMessage(&n) }
    }
    if file.options.hasFeatures { fix(&file.options.features) }
    file.updateEach(\.messageType) { _, m in fixMessage(&m) }
    file.updateEach(\.enumType) { _, e in fixEnum(&e) }
    file.updateEach(\.extension) { _, f in fixField(&f) }
    file.updateEach(\.service) { _, s in
      if s.options.hasFeatures { fix(&s.options.features) }
      s.updateEach(\.method) { _, m in if m.options.hasFeatures { fix(&m.options.features) } }
    }
  }

  private func enumInfo(at path: [Int32]) -> EnumInfo? {
    guard path.count >= 2 else { return nil }
    if path.count == 2 { return path[0] == 5 && Int(path[1]) < topEnums.count ? topEnums[Int(path[1])] : nil }
    guard let m = messageInfo(at: Array(path.dropLast(2))), path[path.count - 2] == 4,
      Int(path[path.count - 1]) < m.enums.count
    else { return nil }
    return m.enums[Int(path[path.count - 1])]
  }

  private func messageInfo(at path: [Int32]) -> MessageInfo? {
    guard path.count >= 2, path[0] == 4, Int(path[1]) < topMessages.count else { return nil }
    var m = topMessages[Int(path[1])]
    var i = 2
    while i + 1 < path.count {
      guard path[i] == 3, Int(path[i + 1]) < m.nested.count else { return nil }
      m = m.nested[Int(path[i + 1])]
      i += 2
    }
    return m
  }

  private func fieldInfo(at path: [Int32]) -> FieldInfo? {
    if path.count == 2 { return path[0] == 7 && Int(path[1]) < topExtensions.count ? topExtensions[Int(path[1])] : nil }
    guard path.count >= 4, let m = messageInfo(at: Array(path.dropLast(2))) else { return nil }
    let k = Int(path[path.count - 1])
    switch path[path.count - 2] {
    case 2: return k < m.fields.count ? m.fields[k] : nil
    case 6: return k < m.extensions.count ? m.extensions[k] : nil
    default: return nil
    }
  }

  private func validateOpenEnum(_ e: FeatureElement) {
    guard let info = enumInfo(at: e.path), info.isClosed == false, let first = info.values.first, first.number != 0
    else { return }
    error("The first enum value must be zero for open enums.", at: e.path + [2, 0, 2])
  }

  /// protoc's `ValidateFieldFeatures` (and the ctype rule of edition 2024).
  private func validateFieldFeatures(_ e: FeatureElement, chain: FeatureChain) {
    guard let f = e.field, let info = fieldInfo(at: e.path) else { return }
    let at = e.path + [1]
    if fileEdition.rawValue >= Google_Protobuf_Edition.edition2024.rawValue && f.options.hasCtype {
      error(
        "ctype option is not allowed under edition 2024 and beyond. Use the feature string_type = VIEW|CORD|STRING|... instead.",
        at: typePath(f, e.path))
    }
    if f.options.hasPacked {
      error(
        "Field option packed is not allowed under editions.  Use the repeated_field_encoding feature to control this behavior.",
        at: at)
    }
    let resolved = chain.resolve(e.path, asProtoc: true)
    let presence = resolved.value(FeatureNumber.fieldPresence)
    let repeated = f.label == .repeated
    let isMessage = info.type == .message || info.type == .group
    let hasPresence =
      !repeated && (isMessage || f.hasOneofIndex || info.isExtension || presence != FeatureConstant.implicit)
    if !repeated && !hasPresence {
      if f.hasDefaultValue { error("Implicit presence fields can't specify defaults.", at: at) }
      if let en = info.enumType, !isOpenEnum(en) { error("Implicit presence enum fields must always be open.", at: at) }
    }
    if info.isExtension && presence == FeatureConstant.legacyRequired {
      error("Extensions can't be required.", at: at)
    }
    if info.containing?.isMapEntry == true && !info.isExtension { return }
    let own = e.features
    if let p = own.value(FeatureNumber.fieldPresence) {
      if f.hasOneofIndex {
        error("Oneof fields can't specify field presence.", at: at)
      } else if repeated {
        error("Repeated fields can't specify field presence.", at: at)
      } else if info.isExtension && p != FeatureConstant.legacyRequired {
        error("Extensions can't specify field presence.", at: at)
      } else if isMessage && p == FeatureConstant.implicit {
        error("Message fields can't specify implicit presence.", at: at)
      }
    }
    if !repeated && own.value(FeatureNumber.repeatedFieldEncoding) != nil {
      error("Only repeated fields can specify repeated field encoding.", at: at)
    }
    let isMap = info.message?.isMapEntry == true
    let stringMap = isMap && (info.message?.fields.contains { $0.type == .string } ?? false)
    if info.type != .string && !stringMap && own.value(FeatureNumber.utf8Validation) != nil {
      error("Only string fields can specify utf8 validation.", at: at)
    }
    let packable = repeated && (info.type?.isPackable ?? false)
    if !packable && own.value(FeatureNumber.repeatedFieldEncoding) == FeatureConstant.packed {
      error("Only repeated primitive fields can specify PACKED repeated field encoding.", at: at)
    }
    if (!isMessage || isMap) && own.value(FeatureNumber.messageEncoding) != nil {
      error("Only message fields can specify message encoding.", at: at)
    }
  }

  /// protoc's deferred `ValidateFeatureLifetimes`: every feature and option set on an element
  /// against the edition its `feature_support` allows. Warnings only for target files.
  func validateFeatureLifetimes() {
    // No option of descriptor.proto is introduced after proto2 or retired by proto3, and
    // features are refused outside editions (see `validateFeatures`).
    guard file.syntax == "editions" else { return }
    let edition = fileEdition.rawValue
    let table = FeatureSupportTable.bundled
    let elements = collectedFeatureElements()
    var errors: [(String, FeatureElement)] = []
    var warnings: [(String, FeatureElement)] = []
    func add(_ support: FeatureSupport?, _ at: FeatureElement) {
      guard let support else { return }
      let (e, w) = support.check(edition)
      errors += e.map { ($0, at) }
      warnings += w.map { ($0, at) }
    }
    for e in elements {
      let at = e
      let features = e.features
      let core = table.fields["google.protobuf.FeatureSet"] ?? [:]
      for number in features.fields.keys.sorted() { add(core[number], at) }
      for ext in features.extensions.keys.sorted() {
        guard let name = table.extensionMessages[ext], let lang = table.fields[name] else { continue }
        for number in features.extensions[ext]!.keys.sorted() { add(lang[number], at) }
      }
      let own = table.fields[e.kind.optionsMessage] ?? [:]
      for number in e.optionFields { add(own[number], at) }
    }
    for (message, e) in errors { report(message, e, file: [2]) }
    if tracksUnusedImports {
      for (message, e) in warnings {
        if e.kind == .oneof || e.kind == .extensionRange {
          diagnostics.append(.warning(message, rule: CompileRule.compile, at: .file(displayPath)))
        } else {
          warning(message, at: e.kind == .file ? [2] : e.namePath)
        }
      }
    }
  }
}

/// One element that can carry options and features, found by walking a file.
struct FeatureElement {
  enum Kind {
    case file, message, field, oneof, enumType, enumValue, service, method, extensionRange

    var optionsMessage: String {
      switch self {
      case .file: "google.protobuf.FileOptions"
      case .message: "google.protobuf.MessageOptions"
      case .field: "google.protobuf.FieldOptions"
      case .oneof: "google.protobuf.OneofOptions"
      case .enumType: "google.protobuf.EnumOptions"
      case .enumValue: "google.protobuf.EnumValueOptions"
      case .service: "google.protobuf.ServiceOptions"
      case .method: "google.protobuf.MethodOptions"
      case .extensionRange: "google.protobuf.ExtensionRangeOptions"
      }
    }

    /// protoc's `OptionTargetType` of the element, and its name in messages.
    var target: Google_Protobuf_FieldOptions.OptionTargetType {
      switch self {
      case .file: .targetTypeFile
      case .message: .targetTypeMessage
      case .field: .targetTypeField
      case .oneof: .targetTypeOneof
      case .enumType: .targetTypeEnum
      case .enumValue: .targetTypeEnumEntry
      case .service: .targetTypeService
      case .method: .targetTypeMethod
      case .extensionRange: .targetTypeExtensionRange
      }
    }

    var targetName: String {
      switch self {
      case .file: "file"
      case .message: "message"
      case .field: "field"
      case .oneof: "oneof"
      case .enumType: "enum"
      case .enumValue: "enum entry"
      case .service: "service"
      case .method: "method"
      case .extensionRange: "extension range"
      }
    }

    /// The number of the options message's `features` field.
    var featuresField: Int32 {
      switch self {
      case .file, .extensionRange: 50
      case .message: 12
      case .field: 21
      case .oneof: 1
      case .enumType: 7
      case .enumValue: 2
      case .service: 34
      case .method: 35
      }
    }
  }

  var kind: Kind
  var path: [Int32]
  /// The element's own `features`, decoded once (empty when it sets none).
  var features: FeatureValues
  /// Field numbers set in the options besides `features`.
  var optionFields: [Int32]
  var field: Google_Protobuf_FieldDescriptorProto?

  /// Where protoc reports the element's NAME errors.
  var namePath: [Int32] { kind == .extensionRange ? path : path + [1] }

  static func collect(_ file: Google_Protobuf_FileDescriptorProto, into out: inout [FeatureElement]) {
    out.append(make(.file, [], file.options, file.hasOptions))
    for (i, m) in file.messageType.enumerated() { collect(m, [4, Int32(i)], into: &out) }
    for (i, e) in file.enumType.enumerated() { collect(e, [5, Int32(i)], into: &out) }
    for (i, s) in file.service.enumerated() {
      out.append(make(.service, [6, Int32(i)], s.options, s.hasOptions))
      for (j, m) in s.method.enumerated() {
        out.append(make(.method, [6, Int32(i), 2, Int32(j)], m.options, m.hasOptions))
      }
    }
    for (i, x) in file.extension.enumerated() {
      var e = make(.field, [7, Int32(i)], x.options, x.hasOptions)
      e.field = x
      out.append(e)
    }
  }

  /// A message and everything in it, with an explicit stack (nesting depth is input-bound).
  private static func collect(
    _ top: Google_Protobuf_DescriptorProto, _ topPath: [Int32], into out: inout [FeatureElement]
  ) {
    var stack = [(top, topPath)]
    while let (m, path) = stack.popLast() {
      out.append(make(.message, path, m.options, m.hasOptions))
      for (i, f) in m.field.enumerated() {
        var e = make(.field, path + [2, Int32(i)], f.options, f.hasOptions)
        e.field = f
        out.append(e)
      }
      for (i, f) in m.extension.enumerated() {
        var e = make(.field, path + [6, Int32(i)], f.options, f.hasOptions)
        e.field = f
        out.append(e)
      }
      for (i, o) in m.oneofDecl.enumerated() {
        out.append(make(.oneof, path + [8, Int32(i)], o.options, o.hasOptions))
      }
      for (i, r) in m.extensionRange.enumerated() {
        out.append(make(.extensionRange, path + [5, Int32(i)], r.options, r.hasOptions))
      }
      for (i, e) in m.enumType.enumerated() { collect(e, path + [4, Int32(i)], into: &out) }
      for (i, n) in m.nestedType.enumerated().reversed() { stack.append((n, path + [3, Int32(i)])) }
    }
  }

  private static func collect(
    _ e: Google_Protobuf_EnumDescriptorProto, _ path: [Int32], into out: inout [FeatureElement]
  ) {
    out.append(make(.enumType, path, e.options, e.hasOptions))
    for (i, v) in e.value.enumerated() {
      out.append(make(.enumValue, path + [2, Int32(i)], v.options, v.hasOptions))
    }
  }

  /// Most elements set no options: those are neither serialized nor decoded.
  private static func make(
    _ kind: Kind, _ path: [Int32], _ options: some SwiftProtobuf.Message & FeatureOptions, _ hasOptions: Bool
  ) -> FeatureElement {
    guard hasOptions else {
      return FeatureElement(kind: kind, path: path, features: FeatureValues(), optionFields: [], field: nil)
    }
    let bytes: [UInt8] = (try? options.serializedBytes()) ?? []
    var numbers: [Int32] = []
    for f in WireFields(bytes) where f.number != kind.featuresField && !numbers.contains(f.number) {
      numbers.append(f.number)
    }
    let features = options.hasFeatures ? FeatureValues(options.features) : FeatureValues()
    return FeatureElement(kind: kind, path: path, features: features, optionFields: numbers, field: nil)
  }
}
