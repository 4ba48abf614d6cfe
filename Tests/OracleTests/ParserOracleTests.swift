import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import Testing

/// The parser against protoc 3.21 itself: for every file, protoc's
/// `--include_source_info` output must equal ours, after clearing what the linker (not
/// the parser) decides: resolved type names, field types of named types, json_name,
/// extendees, method types and interpreted options (and their source locations).
@Suite struct ParserOracleTests {
  static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let corpus = testsDir.appendingPathComponent("ProtoTests/Corpus/parser")

  @Test func corpusMatchesProtoc() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
      .filter { $0.hasSuffix(".proto") }.sorted()
    #expect(files.count >= 10)
    try ParserOracle.check(root: Self.corpus.path, files: files)
  }

  @Test func wellKnownTypesMatchProtoc() throws {
    let root = "/usr/include"
    let dir = root + "/google/protobuf"
    guard FileManager.default.fileExists(atPath: dir) || !ParserOracle.skip else { return }
    let files = try FileManager.default.contentsOfDirectory(atPath: dir)
      .filter { $0.hasSuffix(".proto") }.sorted().map { "google/protobuf/" + $0 }
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
      guard let stderr = try ParserOracle.protocErrors(root: dir.path, file: name) else { return }
      let theirs = stderr.split(separator: "\n").map(String.init)
        .filter { !$0.contains("libprotobuf WARNING") }
        .map { $0.hasPrefix(name + ":") ? String($0.dropFirst(name.count + 1)) : $0 }.sorted()
      let expected = try String(
        contentsOf: dir.appendingPathComponent(String(name.dropLast(6)) + ".errors"), encoding: .utf8
      ).split(separator: "\n").map(String.init).sorted()
      #expect(theirs == expected, "\(name)")
    }
  }

  /// Extra directories (`SEBUF_PARSER_ORACLE_DIRS=dir1:dir2`, each an import root whose
  /// `.proto` files protoc accepts) for local runs over larger corpora.
  @Test func extraDirectoriesMatchProtoc() throws {
    guard let dirs = ProcessInfo.processInfo.environment["SEBUF_PARSER_ORACLE_DIRS"] else { return }
    for root in dirs.split(separator: ":").map(String.init) {
      let e = FileManager.default.enumerator(atPath: root)
      var files: [String] = []
      while let f = e?.nextObject() as? String { if f.hasSuffix(".proto") { files.append(f) } }
      for f in files.sorted() { try ParserOracle.check(root: root, files: [f]) }
    }
  }
}

enum ParserOracle {
  static var skip: Bool { ProcessInfo.processInfo.environment["SEBUF_SKIP_ORACLES"] == "1" }

  static func protoc(root: String, files: [String]) throws -> Google_Protobuf_FileDescriptorSet? {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("sebuf-parser-oracle-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    proc.arguments =
      ["protoc", "-I", root, "--include_source_info", "--include_imports", "-o", out.path] + files
    let errPipe = Pipe()
    proc.standardError = errPipe
    do {
      try proc.run()
    } catch {
      if skip {
        print("SKIPPED: protoc not runnable (\(error)); SEBUF_SKIP_ORACLES=1")
        return nil
      }
      throw error
    }
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    proc.waitUntilExit()
    if proc.terminationStatus != 0 {
      let msg = String(decoding: err, as: UTF8.self)
      if skip && msg.contains("No such file") { return nil }
      Issue.record("protoc failed on \(files): \(msg)")
      return nil
    }
    return try Google_Protobuf_FileDescriptorSet(serializedBytes: Data(contentsOf: out))
  }

  /// protoc's stderr for one file it must reject (nil when skipped).
  static func protocErrors(root: String, file: String) throws -> String? {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("sebuf-parser-oracle-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    proc.arguments = ["protoc", "-I", root, "-o", out.path, file]
    let errPipe = Pipe()
    proc.standardError = errPipe
    do {
      try proc.run()
    } catch {
      if skip {
        print("SKIPPED: protoc not runnable (\(error)); SEBUF_SKIP_ORACLES=1")
        return nil
      }
      throw error
    }
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    proc.waitUntilExit()
    #expect(proc.terminationStatus != 0, "protoc accepted \(file)")
    return String(decoding: err, as: UTF8.self)
  }

  static func check(root: String, files: [String]) throws {
    guard let set = try protoc(root: root, files: files) else { return }
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

  static func compare(_ name: String, ours: Google_Protobuf_FileDescriptorProto, theirs: Google_Protobuf_FileDescriptorProto) {
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
