// The one writer of image files (`sebuf build -o`), the counterpart of ImageFileReader: the
// format comes from the file name as buf chooses it (`.binpb`, `.json`, `.txtpb`, `.yaml`;
// any other name is binary) or from a `#format=` suffix (`-o -#format=json`).
import Basics
import Foundation
import Proto
import SwiftProtobuf

public enum ImageFileWriter {
  /// The formats `buf build -o` writes.
  public enum Format: String, Sendable, CaseIterable {
    case binpb, json, txtpb, yaml

    /// buf's choice for a file name: by extension, binary for any other (and for `-`).
    public init(path: String) {
      let lower = path.lowercased()
      if lower.hasSuffix(".json") {
        self = .json
      } else if lower.hasSuffix(".txtpb") {
        self = .txtpb
      } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
        self = .yaml
      } else {
        self = .binpb
      }
    }
  }

  public struct Target: Sendable, Equatable {
    /// A file path, or `-` for stdout.
    public var path: String
    public var format: Format
  }

  public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// `-o` as buf reads it: `PATH` or `PATH#format=FORMAT` (`-` is stdout).
  public static func target(_ value: String) throws -> Target {
    guard let hash = value.lastIndex(of: "#") else { return Target(path: value, format: Format(path: value)) }
    let path = String(value[..<hash])
    let options = value[value.index(after: hash)...].split(separator: ",")
    var format = Format(path: path)
    for option in options {
      let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, parts[0] == "format" else {
        throw OutputError(description: "-o \(value): the only option after # is format= (e.g. `-o -#format=json`)")
      }
      guard let f = Format(rawValue: parts[1]) else {
        throw OutputError(
          description:
            "-o \(value): unknown format \"\(parts[1])\"; use \(Format.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      format = f
    }
    guard !path.isEmpty else { throw OutputError(description: "-o \(value): give a file name or - before #") }
    return Target(path: path, format: format)
  }

  /// The image's bytes in `format`.
  public static func encode(_ image: Image, format: Format, options: ImageIO.Options) throws -> [UInt8] {
    switch format {
    case .binpb: return try ImageIO.encode(image, format: .binary, options: options)
    case .json: return try ImageIO.encode(image, format: .json, options: options)
    case .txtpb:
      return Array(ImageIO.descriptorSet(image, options: options).textFormatString().utf8)
    case .yaml:
      return Array(try JSONToYAML.convert(ImageIO.encode(image, format: .json, options: options)).utf8)
    }
  }
}
