import Basics
import Diagnostics
import Proto
import SwiftProtobuf
import SwiftProtobufPluginLibrary

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A protoc plugin (`protoc-gen-NAME`) run through the plugin protocol: request on
/// stdin, response on stdout, diagnostics on stderr. As a ``Backend`` it takes the
/// request's options as the protoc parameter (`k=v,k2`).
public struct PluginRunner: Backend {
  /// The name users wrote (`go`, `protoc-gen-go`, `./bin/protoc-gen-x`), for messages.
  public var name: String
  /// Absolute path of the executable.
  public var executable: String
  /// Seconds before a hung plugin is killed.
  public var timeout: Double
  /// Whether requests carry `compiler_version` (protoc 36.2's, as protoc sends it). buf
  /// sends none, so a buf.yaml workspace's plugins get none either (protoc-gen-go then writes
  /// `protoc (unknown)` in its header, exactly as under buf).
  public var sendsCompilerVersion = true

  public init(name: String, executable: String, timeout: Double = 120) {
    self.name = name
    self.executable = executable
    self.timeout = timeout
  }

  /// The response's files, before insertion points are applied.
  public func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    try run(request).files
  }

  /// The response's files (before insertion points are applied) and the plugin's stderr.
  public func run(_ request: GenerationRequest) throws -> GenerationOutput {
    try run(
      image: request.image, filesToGenerate: request.filesToGenerate,
      parameter: PluginRequest.parameter(request.options), encodedFiles: request.encodedFiles)
  }

  /// Runs the plugin on `filesToGenerate` of `image`. Throws a ``DiagnosticError`` that
  /// names the plugin and says why (exit status, response error, timeout, bad response,
  /// proto3 optional without support) and carries the plugin's stderr.
  /// `encodedFiles` (name → ``PluginRequest/encode(_:)``) skips re-serializing descriptors.
  public func run(
    image: Image, filesToGenerate: [String], parameter: String, encodedFiles: [String: [UInt8]] = [:]
  ) throws -> GenerationOutput {
    let input: [UInt8]
    do {
      input = try PluginRequest.bytes(
        image: image, filesToGenerate: filesToGenerate, parameter: parameter, encodedFiles: encodedFiles,
        compilerVersion: sendsCompilerVersion)
    } catch {
      throw failure("cannot encode the CodeGeneratorRequest: \(error)", stderr: [])
    }
    let result: ProcessResult
    do {
      result = try ProcessRunner.run(executable: executable, input: input, timeout: timeout)
    } catch {
      throw failure("\(error)", stderr: [])
    }
    if result.timedOut {
      throw failure(
        "did not finish within \(timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)) s and was killed; check that it reads a CodeGeneratorRequest on stdin",
        stderr: result.stderr)
    }
    guard result.termination == .exited(0) else {
      throw failure(result.termination.description, stderr: result.stderr)
    }
    let response: Google_Protobuf_Compiler_CodeGeneratorResponse
    do {
      response = try Google_Protobuf_Compiler_CodeGeneratorResponse(serializedBytes: result.stdout)
    } catch {
      throw failure(
        "wrote an invalid CodeGeneratorResponse (\(result.stdout.count) bytes): \(error)", stderr: result.stderr)
    }
    if response.hasError {
      throw failure(response.error, stderr: result.stderr)
    }
    let byName = Dictionary(image.files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let proto3Optional = UInt64(Google_Protobuf_Compiler_CodeGeneratorResponse.Feature.proto3Optional.rawValue)
    if response.supportedFeatures & proto3Optional == 0 {
      for name in filesToGenerate {
        if let file = byName[name], PluginRequest.usesProto3Optional(file.descriptor) {
          throw DiagnosticError(
            .error(
              "\(name): is a proto3 file that contains optional fields, but code generator \(displayName) hasn't been updated to support optional fields in proto3. Please ask the owner of this code generator to support proto3 optional.",
              rule: "GENERATE", at: .file(file.displayPath)))
        }
      }
    }
    if let problem = Self.editionsProblem(
      response, files: filesToGenerate.compactMap { byName[$0] }, codeGenerator: displayName)
    {
      throw DiagnosticError(.error(problem.message, rule: "GENERATE", at: .file(problem.file.displayPath)))
    }
    // protoc: a file without a name continues the previous one.
    var files: [GeneratedFile] = []
    for f in response.file {
      if f.name.isEmpty, !files.isEmpty {
        files[files.count - 1].contents.append(contentsOf: Array(f.content.utf8))
      } else {
        files.append(GeneratedFile(path: f.name, insertionPoint: f.insertionPoint, contents: Array(f.content.utf8)))
      }
    }
    return GenerationOutput(files: files, stderr: String(decoding: result.stderr, as: UTF8.self))
  }

  /// protoc 36's `EnforceEditionsSupport`: the first file to generate written in an
  /// edition (2023 or later; protobuf's own `google/protobuf/` files and a few other
  /// prefixes are exempt) that the plugin's response does not take, with protoc's message.
  public static func editionsProblem(
    _ response: Google_Protobuf_Compiler_CodeGeneratorResponse, files: [ImageFile], codeGenerator: String
  ) -> (file: ImageFile, message: String)? {
    let supportsEditions = UInt64(
      Google_Protobuf_Compiler_CodeGeneratorResponse.Feature.supportsEditions.rawValue)
    let exempt = ["google/protobuf/", "upb/", "com/google/protobuf/", "conformance/test_protos/"]
    for file in files {
      let edition = DescriptorNames.edition(of: file.descriptor)
      let name = file.descriptor.name
      if edition < 1000 || exempt.contains(where: name.hasPrefix) || name.hasPrefix("test_messages_edition_unstable") {
        continue
      }
      let written = DescriptorNames.editionName(edition)
      if response.supportedFeatures & supportsEditions == 0 {
        return (
          file,
          "\(name): is an editions file, but code generator \(codeGenerator) hasn't been updated to support editions yet.  Please ask the owner of this code generator to add support or switch back to proto2/proto3.\n\nSee https://protobuf.dev/editions/overview/ for more information."
        )
      }
      if edition < response.minimumEdition {
        return (
          file,
          "\(name): is a file using edition \(written), which isn't supported by code generator \(codeGenerator).  Please upgrade your file to at least edition \(DescriptorNames.editionName(response.minimumEdition))."
        )
      }
      if edition > response.maximumEdition {
        return (
          file,
          "\(name): is a file using edition \(written), which isn't supported by code generator \(codeGenerator).  Please ask the owner of this code generator to add support or switch back to a maximum of edition \(DescriptorNames.editionName(response.maximumEdition))."
        )
      }
    }
    return nil
  }

  /// `protoc-gen-go` for `go`, else the name as written.
  public var displayName: String {
    let base = name.split(separator: "/").last.map(String.init) ?? name
    return base.hasPrefix("protoc-gen-") ? base : "protoc-gen-\(base)"
  }

  private func failure(_ reason: String, stderr: [UInt8]) -> DiagnosticError {
    var message = "plugin \(name): \(reason)"
    let text = String(decoding: stderr, as: UTF8.self).trimmingTrailingNewlines()
    if !text.isEmpty { message += "\nplugin stderr:\n" + text }
    return DiagnosticError(.error(message, rule: "GENERATE"))
  }

  /// Finds a plugin executable: a name with a slash is a path (relative to `directory`);
  /// otherwise `protoc-gen-NAME` (or the name itself when it already starts with
  /// `protoc-gen-`) is looked up on `searchPath` (PATH's format). Nil when not found.
  public static func locate(_ name: String, relativeTo directory: String, searchPath: String?) -> String? {
    if name.contains("/") {
      let path = name.hasPrefix("/") ? name : directory + "/" + name
      return isExecutableFile(path) ? path : nil
    }
    let base = name.hasPrefix("protoc-gen-") ? name : "protoc-gen-\(name)"
    for dir in (searchPath ?? "").split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = String(dir) + "/" + base
      if isExecutableFile(candidate) { return candidate.hasPrefix("/") ? candidate : directory + "/" + candidate }
    }
    return nil
  }

  private static func isExecutableFile(_ path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
    return access(path, X_OK) == 0
  }
}

/// protoc's insertion points: `@@protoc_insertion_point(NAME)` in an earlier file marks
/// where a later response file's content goes.
public enum InsertionPoint {
  /// `target` with `content` inserted at `point`, or nil when the marker is missing.
  ///
  /// Like protoc: inserted before the marker's line, each non-empty inserted line indented
  /// like that line; for an inline `/* @@protoc_insertion_point(NAME) */`, right before
  /// the comment, unindented. Repeated insertions at one point stay in order.
  public static func apply(_ content: [UInt8], at point: String, into target: [UInt8]) -> [UInt8]? {
    let marker = Array("@@protoc_insertion_point(\(point))".utf8)
    guard let found = firstIndex(of: marker, in: target) else { return nil }
    var pos = found
    var indent: ArraySlice<UInt8> = []
    if pos > 3, target[pos - 3] == UInt8(ascii: "/"), target[pos - 2] == UInt8(ascii: "*") {
      pos -= 3
    } else {
      while pos > 0, target[pos - 1] != UInt8(ascii: "\n") { pos -= 1 }
      var end = pos
      while end < target.count, target[end] == UInt8(ascii: " ") || target[end] == UInt8(ascii: "\t") { end += 1 }
      indent = target[pos..<end]
    }
    var inserted: [UInt8] = []
    inserted.reserveCapacity(content.count)
    var atLineStart = true
    for b in content {
      if atLineStart, b != UInt8(ascii: "\n") { inserted.append(contentsOf: indent) }
      inserted.append(b)
      atLineStart = b == UInt8(ascii: "\n")
    }
    var result = Array(target[..<pos])
    result.append(contentsOf: inserted)
    result.append(contentsOf: target[pos...])
    return result
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    let first = needle[0]
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var s = Substring(self)
    while let last = s.last, last == "\n" || last == "\r" { s = s.dropLast() }
    return String(s)
  }
}
