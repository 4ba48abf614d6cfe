import Diagnostics
import Proto

/// A Go package: its import path and package name.
public struct GoPackage: Hashable, Sendable {
  public var importPath: String
  public var name: String
}

/// A Go type that protoc-gen-go generates for a message: its package and name.
public struct GoTypeRef: Hashable, Sendable {
  public var package: GoPackage
  public var name: String
}

/// Maps proto files to Go packages and output paths the way protoc-gen-go does, so
/// that sebuf's files land beside protoc-gen-go's and name the same types.
public struct GoLayout: Sendable {
  public let index: DescriptorIndex
  public let options: GoOptions

  public init(index: DescriptorIndex, options: GoOptions) {
    self.index = index
    self.options = options
  }

  /// The Go package of `file`: an `M` option, else `go_package`; an error when neither
  /// gives an import path.
  public func package(of file: String) throws -> GoPackage {
    let spec: String
    if let m = options.mappings[file] {
      spec = m
    } else if let f = index.file(file), f.descriptor.options.hasGoPackage, !f.descriptor.options.goPackage.isEmpty {
      spec = f.descriptor.options.goPackage
    } else {
      let display = index.file(file)?.displayPath ?? file
      throw DiagnosticError(
        .error(
          "\(file) has no Go import path: add `option go_package = \"example.com/module/pkg\";`, an M\(file)=… option, or managed mode's go_package_prefix",
          rule: "GENERATE", at: .file(display)))
    }
    let parts = spec.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
    let importPath = String(parts[0])
    let name: String
    if parts.count == 2, !parts[1].isEmpty {
      name = String(parts[1])
    } else {
      let base = importPath.split(separator: "/").last.map(String.init) ?? importPath
      name = GoNamer.sanitize(base.replacingDashesAndDots())
    }
    return GoPackage(importPath: importPath, name: name)
  }

  /// The output path of `file` without extension, e.g. `example.com/app/api/svc` or,
  /// with `paths=source_relative`, `api/svc`; `suffix` is appended (`_http.pb.go`).
  public func outputPath(of file: String, suffix: String) throws -> String {
    var stem = file.hasSuffix(".proto") ? String(file.dropLast(6)) : file
    if options.paths == .import {
      let pkg = try package(of: file)
      let base = stem.split(separator: "/").last.map(String.init) ?? stem
      stem = pkg.importPath.isEmpty ? base : pkg.importPath + "/" + base
      if let module = options.module, !module.isEmpty {
        guard stem.hasPrefix(module + "/") else {
          throw DiagnosticError(
            .error(
              "\(file): Go import path \(pkg.importPath) is not inside module=\(module)", rule: "GENERATE"))
        }
        stem.removeFirst(module.count + 1)
      }
    }
    return stem + suffix
  }

  /// The output directory of `file` ("" for the root).
  public func outputDirectory(of file: String) throws -> String {
    let path = try outputPath(of: file, suffix: "")
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// The Go type protoc-gen-go emits for message `fullName`.
  public func messageType(_ fullName: String) throws -> GoTypeRef {
    guard let m = index.message(fullName) else {
      throw DiagnosticError(.error("message \(fullName) is not in the image", rule: "GENERATE"))
    }
    let relative = m.package.isEmpty ? m.fullName : String(m.fullName.dropFirst(m.package.count + 1))
    return GoTypeRef(package: try package(of: m.file), name: GoNamer.camelCase(relative))
  }
}

extension String {
  fileprivate func replacingDashesAndDots() -> String {
    String(map { $0 == "-" || $0 == "." ? "_" : $0 })
  }
}
