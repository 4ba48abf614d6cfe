import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

/// The parser against protoc 36.2 itself: for every file, protoc's
/// `--include_source_info` output must equal ours, after clearing what the linker (not
/// the parser) decides: resolved type names, field types of named types, json_name,
/// extendees, method types and interpreted options (and their source locations).
@Suite(.oracle(OracleTools.protoc36)) struct ParserOracleTests {
  static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let corpus = testsDir.appendingPathComponent("ProtoTests/Corpus/parser")

  @Test func corpusMatchesProtoc() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
      .filter { $0.hasSuffix(".proto") }.sorted()
    #expect(files.count >= 10)
    try ParserOracle.check(root: Self.corpus.path, files: files)
  }

  /// protoc 36.2's own proto2/proto3 well-known types and feature protos.
  @Test(.oracle(OracleTools.protoc36Include)) func wellKnownTypesMatchProtoc() throws {
    let root = String(OracleTools.protoc36Include.dropLast())
    let dir = root + "/google/protobuf"
    try OracleTools.require([dir + "/"])
    let files = try FileManager.default.contentsOfDirectory(atPath: dir)
      .filter { $0.hasSuffix(".proto") && !DescriptorOracleTests.declaresEdition(dir + "/" + $0) }.sorted()
      .map { "google/protobuf/" + $0 }
    #expect(files.count >= 10)
    try ParserOracle.check(root: root, files: files)
  }

  /// The expected errors of the parser's unit tests are protoc's own.
  @Test func errorsMatchProtoc() throws {
    let dir = Self.testsDir.appendingPathComponent("ProtoTests/Corpus/parser-errors")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".proto") && $0 != "edition.proto" }.sorted()
    #expect(files.count >= 30)
    for name in files {
      let stderr = try ParserOracle.protocErrors(root: dir.path, file: name)
      let theirs = stderr.split(separator: "\n").map(String.init)
        .filter { !$0.contains("libprotobuf WARNING") }
        .map { $0.hasPrefix(name + ":") ? String($0.dropFirst(name.count + 1)) : $0 }.sorted()
      let expected = try String(
        contentsOf: dir.appendingPathComponent(String(name.dropLast(6)) + ".errors"), encoding: .utf8
      ).split(separator: "\n").map(String.init).sorted()
      #expect(theirs == expected, "\(name)")
    }
  }

  /// Differential fuzzing (local: `SEBUF_PARSER_DIFF_FUZZ=<iterations>`): byte mutations
  /// of the corpus; whenever our parser reports errors, protoc (which stops after
  /// parse errors) must report exactly the same `line:col: message` lines.
  @Test func mutatedFilesReportProtocsErrors() throws {
    guard let n = Int(ProcessInfo.processInfo.environment["SEBUF_PARSER_DIFF_FUZZ"] ?? "") else {
      return
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
      .filter { $0.hasSuffix(".proto") }.sorted()
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sebuf-parser-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    var state = UInt64(ProcessInfo.processInfo.environment["SEBUF_FUZZ_SEED"] ?? "") ?? 7
    func rand(_ k: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(max(k, 1)))
    }
    let alphabet = Array("{}[]()<>;,.=-/*\"'\\\n\t 0xe9aZ_".utf8) + [0, 1, 0xC3]
    let words = [
      " message ", " enum ", " option ", " map<", " group ", " extensions ", " reserved ",
      " returns ", " stream ", " to max", " [default = ", " json_name = ", " oneof ", " extend ",
      " rpc ", " optional ", " required ", " repeated ", " = 1;", " { ", " } ", "(foo).bar",
      " = {", " max ", " inf ", " -", " syntax = \"proto2\";", " import \"x.proto\";", " package ",
      " service ", " weak ", " public ", "\"str\" ", "'q'", " 1.5e", " 0x1F ", " // c\n", " /* b */ ",
    ]
    var compared = 0
    var accepted = 0
    for i in 0..<n {
      let name = names[i % names.count]
      var bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(name)))
      for _ in 0..<(1 + rand(3)) {
        let at = rand(bytes.count + 1)
        switch rand(4) {
        case 0: if at < bytes.count { bytes.remove(at: at) }
        case 1: bytes.insert(alphabet[rand(alphabet.count)], at: at)
        case 2: bytes.insert(contentsOf: Array(words[rand(words.count)].utf8), at: at)
        default: if at < bytes.count { bytes[at] = alphabet[rand(alphabet.count)] }
        }
      }
      let (parsed, diags) = parseProto(bytes, importPath: name, displayPath: name)
      try Data(bytes).write(to: tmp.appendingPathComponent(name))
      defer { try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name)) }
      guard !diags.isEmpty else {
        // Accepted by us: when protoc accepts it too, the outputs must agree (protoc's
        // output is unreadable here when a comment holds invalid UTF-8: skipped).
        if let set = try? ParserOracle.protoc(
          root: tmp.path, files: [name], skipRejected: true, includes: [Self.corpus.path]),
          let theirs = set.file.first(where: { $0.name == name })
        {
          ParserOracle.compare("mutation \(i) of \(name)", ours: parsed.descriptor, theirs: theirs)
          accepted += 1
        }
        continue
      }
      let proc = Process()
      proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
      let out = tmp.appendingPathComponent("out.pb")
      proc.currentDirectoryURL = tmp
      proc.arguments = ["-I", ".", "-I", Self.corpus.path, "-o", out.path, name]
      let pipe = Pipe()
      proc.standardError = pipe
      try proc.run()
      let err = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      proc.waitUntilExit()
      let theirs = err.split(separator: "\n").map(String.init)
        .filter { $0.hasPrefix(name + ":") }
        .map { String($0.dropFirst(name.count + 1)) }.sorted()
      let ours = diags.map { "\($0.span!.start.line):\($0.span!.start.column): \($0.message)" }
        .sorted()
      compared += 1
      if ours != theirs {
        Issue.record(
          "mutation \(i) of \(name) differs\nours:   \(ours)\nprotoc: \(theirs)\ninput:\n\(String(decoding: bytes, as: UTF8.self))"
        )
        try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/sebuf-diff-\(i)-\(name)"))
      }
    }
    print("compared \(compared) rejected and \(accepted) accepted mutated files with protoc")
  }

  /// Extra directories (`SEBUF_PARSER_ORACLE_DIRS=dir1:dir2`, each an import root whose
  /// `.proto` files protoc accepts) for local runs over larger corpora.
  @Test func extraDirectoriesMatchProtoc() throws {
    guard let dirs = ProcessInfo.processInfo.environment["SEBUF_PARSER_ORACLE_DIRS"] else { return }
    for root in dirs.split(separator: ":").map(String.init) {
      let e = FileManager.default.enumerator(atPath: root)
      var files: [String] = []
      while let f = e?.nextObject() as? String { if f.hasSuffix(".proto") { files.append(f) } }
      // Files protoc rejects (editions, missing imports) are skipped here.
      for f in files.sorted() { try ParserOracle.check(root: root, files: [f], skipRejected: true) }
    }
  }
}

enum ParserOracle {
  static func protoc(
    root: String, files: [String], skipRejected: Bool = false, includes: [String] = []
  ) throws -> Google_Protobuf_FileDescriptorSet? {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("sebuf-parser-oracle-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
    proc.arguments =
      ["-I", root] + includes.flatMap { ["-I", $0] }
      + ["--include_source_info", "--include_imports", "--retain_options", "-o", out.path] + files
    let errPipe = Pipe()
    proc.standardError = errPipe
    try proc.run()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    proc.waitUntilExit()
    if proc.terminationStatus != 0 {
      let msg = String(decoding: err, as: UTF8.self)
      if skipRejected { return nil }
      Issue.record("protoc failed on \(files): \(msg)")
      return nil
    }
    return try Google_Protobuf_FileDescriptorSet(serializedBytes: Data(contentsOf: out))
  }

  /// protoc's stderr for one file it must reject.
  static func protocErrors(root: String, file: String) throws -> String {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("sebuf-parser-oracle-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
    // protoc 36 names files by their disk path when -I is absolute; from the root, by
    // the import path, as ours.
    proc.currentDirectoryURL = URL(fileURLWithPath: root)
    proc.arguments = ["-I", ".", "-o", out.path, file]
    let errPipe = Pipe()
    proc.standardError = errPipe
    try proc.run()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    proc.waitUntilExit()
    #expect(proc.terminationStatus != 0, "protoc accepted \(file)")
    return String(decoding: err, as: UTF8.self)
  }

  static func check(root: String, files: [String], skipRejected: Bool = false) throws {
    guard let set = try protoc(root: root, files: files, skipRejected: skipRejected) else { return }
    for name in files {
      guard let theirs = set.file.first(where: { $0.name == name }) else {
        Issue.record("protoc output lacks \(name)")
        continue
      }
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
      let (parsed, diags) = parseProto(bytes, importPath: name, displayPath: name)
      #expect(diags.isEmpty, "\(name): \(diags.map { DiagnosticFormat.text.format($0) })")
      compare(name, ours: parsed.descriptor, theirs: theirs)
    }
  }

  static func compare(
    _ name: String, ours: Google_Protobuf_FileDescriptorProto, theirs: Google_Protobuf_FileDescriptorProto
  ) {
    var a = ours
    var b = theirs
    let la = rewriteOptionLocations(a.sourceCodeInfo.location)
    let lb = b.sourceCodeInfo.location
    a.clearSourceCodeInfo()
    b.clearSourceCodeInfo()
    normalize(&a)
    normalize(&b)
    if a != b {
      Issue.record("\(name): descriptor differs\n\(firstDifference(a.textFormatString(), b.textFormatString()))")
    }
    if la.count != lb.count {
      Issue.record("\(name): \(la.count) locations, protoc has \(lb.count)")
    }
    for (i, (x, y)) in zip(la, lb).enumerated() {
      var x = x
      if let k = optionsIndex(x.path), x.path.count == k + 3 {
        // An option statement: protoc's interpreter replaced `999, index` by the
        // option's field path; span and comments must still match.
        x.path = y.path
      }
      if x != y {
        Issue.record(
          "\(name): location #\(i) differs\nours:   \(x.textFormatString())\nprotoc: \(y.textFormatString())")
        break
      }
    }
  }

  /// What protoc's `OptionInterpreter::UpdateSourceCodeInfo` does to the parser's
  /// locations, path rewriting aside: each `…, options, 999, i` location stays and
  /// its sub-locations (name parts, value) go.
  static func rewriteOptionLocations(_ locs: [Google_Protobuf_SourceCodeInfo.Location])
    -> [Google_Protobuf_SourceCodeInfo.Location]
  {
    var out: [Google_Protobuf_SourceCodeInfo.Location] = []
    var removing: [Int32]? = nil
    for l in locs {
      if let prefix = removing, l.path.count >= prefix.count, Array(l.path.prefix(prefix.count)) == prefix {
        continue
      }
      removing = nil
      if let k = optionsIndex(l.path), l.path.count == k + 3, l.path[k + 1] == 999 {
        removing = l.path
      }
      out.append(l)
    }
    return out
  }

  static func firstDifference(_ a: String, _ b: String) -> String {
    let la = a.split(separator: "\n", omittingEmptySubsequences: false)
    let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(la.count, lb.count) {
      let x = i < la.count ? String(la[i]) : "<end>"
      let y = i < lb.count ? String(lb[i]) : "<end>"
      if x != y {
        let ctx = la[max(0, i - 5)..<min(la.count, i)].joined(separator: "\n")
        return "…\n\(ctx)\nours:   \(x)\nprotoc: \(y)"
      }
    }
    return ""
  }

  /// Index of the `options` field a SourceCodeInfo path goes through, if any (protoc's
  /// option interpreter rewrites those locations after parsing).
  static func optionsIndex(_ path: [Int32]) -> Int? {
    enum K { case file, message, field, enumType, value, service, method, oneof, range, other }
    var k = K.file
    var i = 0
    while i < path.count {
      let f = path[i]
      let next: K
      switch (k, f) {
      case (.file, 8), (.message, 7), (.field, 8), (.enumType, 3), (.value, 3), (.service, 3),
        (.method, 4), (.oneof, 2), (.range, 3):
        return i
      case (.file, 4), (.message, 3): next = .message
      case (.file, 5), (.message, 4): next = .enumType
      case (.file, 6): next = .service
      case (.file, 7), (.message, 2), (.message, 6): next = .field
      case (.message, 5): next = .range
      case (.message, 8): next = .oneof
      case (.enumType, 2): next = .value
      case (.service, 2): next = .method
      default: return nil
      }
      k = next
      i += 2
    }
    return nil
  }

  static func normalize(_ f: inout Google_Protobuf_FileDescriptorProto) {
    f.clearOptions()
    f.messageType = f.messageType.map(normalize)
    f.enumType = f.enumType.map(normalize)
    f.extension = f.extension.map(normalize)
    f.service = f.service.map { s in
      var s = s
      s.clearOptions()
      s.method = s.method.map { m in
        var m = m
        m.clearOptions()
        m.clearInputType()
        m.clearOutputType()
        return m
      }
      return s
    }
  }

  static func normalize(_ m: Google_Protobuf_DescriptorProto) -> Google_Protobuf_DescriptorProto {
    var m = m
    m.clearOptions()
    m.field = m.field.map(normalize)
    m.extension = m.extension.map(normalize)
    m.nestedType = m.nestedType.map(normalize)
    m.enumType = m.enumType.map(normalize)
    m.oneofDecl = m.oneofDecl.map { o in
      var o = o
      o.clearOptions()
      return o
    }
    m.extensionRange = m.extensionRange.map { r in
      var r = r
      r.clearOptions()
      return r
    }
    return m
  }

  static func normalize(_ f: Google_Protobuf_FieldDescriptorProto) -> Google_Protobuf_FieldDescriptorProto {
    var f = f
    if f.type == .message || f.type == .enum { f.clearType() }
    // The parser prints float defaults as doubles (SimpleDtoa); the linker re-prints them
    // as floats (SimpleFtoa). Compare the float values.
    if f.type == .float, f.hasDefaultValue, let v = Float(f.defaultValue) { f.defaultValue = "\(v)" }
    f.clearTypeName()
    f.clearJsonName()
    f.clearExtendee()
    f.clearOptions()
    return f
  }

  static func normalize(_ e: Google_Protobuf_EnumDescriptorProto) -> Google_Protobuf_EnumDescriptorProto {
    var e = e
    e.clearOptions()
    e.value = e.value.map { v in
      var v = v
      v.clearOptions()
      return v
    }
    return e
  }
}
