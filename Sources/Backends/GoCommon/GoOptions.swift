import Diagnostics

/// The protoc-gen-go style options every Go backend accepts (`paths`, `module`, `M…`),
/// plus the backend's own flags, decoded strictly: an unknown key is an error.
public struct GoOptions: Sendable {
  /// Where output files go: by Go import path (protoc-gen-go's default) or beside the proto.
  public enum Paths: String, Sendable {
    case `import`
    case sourceRelative = "source_relative"
  }

  public var paths: Paths = .import
  /// With `paths=import`: an import path prefix stripped from output paths.
  public var module: String?
  /// `M<file>=<import path>[;name]` overrides of a file's go_package.
  public var mappings: [String: String] = [:]
  /// Backend-specific boolean flags that were set, by key.
  public var flags: [String: Bool] = [:]

  /// Decodes `options`; `flags` are the backend's own boolean keys.
  public init(_ options: [(key: String, value: String)], backend: String, flags allowed: [String]) throws {
    for (key, value) in options {
      switch key {
      case "paths":
        guard let p = Paths(rawValue: value) else {
          throw DiagnosticError(
            .error(
              "\(backend): option paths=\(value) is not supported; use paths=import or paths=source_relative",
              rule: "GENERATE"))
        }
        paths = p
      case "module":
        module = value
      case _ where key.hasPrefix("M") && key.count > 1:
        mappings[String(key.dropFirst())] = value
      case _ where allowed.contains(key):
        switch value {
        case "true", "": flags[key] = true
        case "false": flags[key] = false
        default:
          throw DiagnosticError(
            .error(
              "\(backend): option \(key)=\(value) must be true or false", rule: "GENERATE"))
        }
      default:
        let known = (["paths", "module", "M<file>"] + allowed).joined(separator: ", ")
        throw DiagnosticError(
          .error(
            "\(backend): unknown option \(key)=\(value); known options: \(known)", rule: "GENERATE"))
      }
    }
  }
}
