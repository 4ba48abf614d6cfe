import Diagnostics

/// The `openapi` backend's options (upstream protoc-gen-openapiv3's keys), decoded strictly:
/// an unknown key or a bad value is an error that lists what is allowed.
struct OpenAPIOptions {
  enum Format: String { case yaml, json }

  var format = Format.yaml
  var bundle = false
  var bundleOnly = false
  var bundleOutput: String?
  var title: String?
  var version: String?
  var description: String?
  var servers: [String] = []
  var contactName: String?
  var contactEmail: String?
  var contactURL: String?
  var licenseName: String?
  var licenseURL: String?

  static let keys = [
    "format", "bundle", "bundle_only", "bundle_output", "bundle_title", "bundle_version",
    "bundle_description", "bundle_server", "bundle_contact_name", "bundle_contact_email",
    "bundle_contact_url", "bundle_license_name", "bundle_license_url", "paths",
  ]

  init(_ options: [(key: String, value: String)]) throws {
    func flag(_ key: String, _ value: String) throws -> Bool {
      switch value.lowercased() {
      case "true", "1", "": return true
      case "false", "0": return false
      default: throw DiagnosticError(.error("option \(key)=\(value) is not a boolean; use true or false"))
      }
    }
    for (key, value) in options {
      switch key {
      case "format":
        switch value.lowercased() {
        case "yaml", "yml": format = .yaml
        case "json": format = .json
        default: throw DiagnosticError(.error("option format=\(value) is not supported; use yaml or json"))
        }
      case "bundle": bundle = try flag(key, value)
      case "bundle_only": bundleOnly = try flag(key, value)
      case "bundle_output": bundleOutput = value
      case "bundle_title": title = value
      case "bundle_version": version = value
      case "bundle_description": description = value
      case "bundle_server": servers.append(value)
      case "bundle_contact_name": contactName = value
      case "bundle_contact_email": contactEmail = value
      case "bundle_contact_url": contactURL = value
      case "bundle_license_name": licenseName = value
      case "bundle_license_url": licenseURL = value
      case "paths": break  // accepted for buf.gen.yaml compatibility; documents are named by service
      default:
        throw DiagnosticError(
          .error(
            "unknown option '\(key)' for the openapi backend; allowed: \(Self.keys.joined(separator: ", "))"))
      }
    }
    if licenseURL != nil, licenseName == nil {
      throw DiagnosticError(
        .error("option bundle_license_url needs bundle_license_name (OpenAPI requires a license name)"))
    }
  }

  var fileExtension: String { format.rawValue }
  var writesBundle: Bool { bundle || bundleOnly }

  func render(_ doc: OpenAPIValue) -> String {
    format == .yaml ? YAMLWriter.render(doc) : JSONWriter.render(doc)
  }
}
