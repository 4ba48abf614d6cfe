// The TypeScript API surface, checked with tsc's own declaration output: for the project's
// surface protos (Golden/corpus/protos/tssurface), `tsc --declaration --emitDeclarationOnly`
// of the ts-client and ts-server output must contain every fact in Golden/ts-surface/facts.txt
// (exported names with their signatures, as upstream sebuf generates them). Then user code
// written against that API in upstream's style (Golden/corpus/node/tssurface-app.ts) compiles
// with tsc --strict and runs on Node against a real server built from the generated routes.

import Backends
import Foundation
import Proto
import TestSupport
import Testing

/// Turns `.d.ts` text into one line per exported declaration: type aliases and functions
/// whole, interfaces and classes as their header plus one fact per public member. Whitespace is
/// collapsed; imports, comments (tsc drops them with --removeComments) and private members are
/// not part of the surface.
struct DeclarationFacts {
  static func facts(module: String, dts: String) -> [String] {
    var out: [String] = []
    var container: String?
    var pending = ""
    var depth = 0
    for raw in dts.split(separator: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if container != nil, depth == 1, pending.isEmpty, line == "}" {
        container = nil
        depth = 0
        continue
      }
      if container == nil, depth == 0, pending.isEmpty {
        if line.hasPrefix("import ") { continue }
        let isContainer =
          ["export interface ", "export declare class ", "export declare abstract class "].contains {
            line.hasPrefix($0)
          } && line.hasSuffix("{")
        if isContainer {
          let header = String(line.dropLast()).trimmingCharacters(in: .whitespaces)
          out.append("\(module): \(header)")
          if line.hasSuffix("{}") { continue }
          container = header
          depth = 1
          continue
        }
      }
      pending += (pending.isEmpty ? "" : " ") + line
      for c in line {
        if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
      }
      let base = container == nil ? 0 : 1
      guard depth == base, pending.hasSuffix(";") else { continue }
      let statement = pending.replacingOccurrences(of: "{ }", with: "{}")
      pending = ""
      if let c = container {
        if statement.hasPrefix("private ") || statement.hasPrefix("#private") { continue }
        out.append("\(module): \(c) { \(statement) }")
      } else {
        out.append("\(module): \(statement)")
      }
    }
    return out
  }
}

@Suite(.serialized) struct TSSurfaceOracleTests {
  static let golden = TSAPIOracle.corpus.deletingLastPathComponent()
  static let targets = ["tssurface/v1/surface.proto", "tssurface/v1/names.proto"]

  /// Writes both backends' output to `dir/src/{client,server}`.
  static func generate(into dir: URL) throws {
    let image = try TSAPIOracle.image("tssurface", targets: targets)
    for (backend, sub) in [(TSClientBackend() as any Backend, "client"), (TSServerBackend(), "server")] {
      try TSAPIOracle.write(
        try backend.generate(GenerationRequest(image: image, filesToGenerate: targets)),
        to: dir.appendingPathComponent("src").appendingPathComponent(sub))
    }
    try Data(#"{"type":"module"}"#.utf8).write(to: dir.appendingPathComponent("package.json"))
  }

  /// The expected facts: `module: declaration` lines; `#` starts a comment line.
  static func expectedFacts() throws -> [String] {
    let text = try String(
      contentsOf: golden.appendingPathComponent("ts-surface/facts.txt"), encoding: .utf8)
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  @Test func factsNormaliserKeepsPublicMembersAndWholeAliases() {
    let dts = """
      import type { A } from "./a.js";
      export interface X {
          a: string;
          m: {
              [key: string]: A[];
          };
      }
      export declare class C extends Error {
          #private;
          private readonly x;
          n: number;
          constructor(n: number);
      }
      export declare type U = {
          k: "a";
      } | {
          k?: never;
      };
      export interface E {
      }
      """
    #expect(
      DeclarationFacts.facts(module: "m", dts: dts) == [
        "m: export interface X", "m: export interface X { a: string; }",
        "m: export interface X { m: { [key: string]: A[]; }; }", "m: export declare class C extends Error",
        "m: export declare class C extends Error { n: number; }",
        "m: export declare class C extends Error { constructor(n: number); }",
        #"m: export declare type U = { k: "a"; } | { k?: never; };"#, "m: export interface E",
      ])
  }

  @Test(.oracle("tsc")) func declarationsContainEveryRecordedFact() throws {
    try OracleTools.require(["tsc"])
    let dir = try TSAPIOracle.tempDir("surface-dts")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.generate(into: dir)
    let src = dir.appendingPathComponent("src")
    let files = TSAPIOracle.tsFiles(in: src).map { "src/" + $0 }
    let (code, output) = try TSAPIOracle.run(
      ["tsc", "--declaration", "--emitDeclarationOnly", "--removeComments", "--outDir", "dts", "--rootDir", "src"]
        + TSAPIOracle.tscFlags + files, cwd: dir)
    try #require(code == 0, "tsc --declaration:\n\(output)")
    var produced: [String] = []
    let dts = dir.appendingPathComponent("dts")
    for path in TSAPIOracle.tsFiles(in: dts) where path.hasSuffix(".d.ts") {
      let text = try String(contentsOf: dts.appendingPathComponent(path), encoding: .utf8)
      produced += DeclarationFacts.facts(module: String(path.dropLast(5)), dts: text)
    }
    if ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1" {
      // Records what sebuf produces; review it against upstream's generators before committing.
      let url = Self.golden.appendingPathComponent("ts-surface/facts.txt")
      let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
      let header = old.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
      try Data((header + "\n" + produced.joined(separator: "\n") + "\n").utf8).write(to: url)
      Issue.record("rewrote ts-surface/facts.txt; review the diff and rerun without SEBUF_UPDATE_GOLDEN")
      return
    }
    let have = Set(produced)
    let expected = try Self.expectedFacts()
    #expect(expected.count > 100, "facts.txt looks truncated: \(expected.count) facts")
    let missing = expected.filter { !have.contains($0) }
    #expect(
      missing.isEmpty,
      "declarations lack \(missing.count) recorded facts:\n\(missing.joined(separator: "\n"))\n-- produced:\n\(produced.joined(separator: "\n"))"
    )
  }

  @Test(.oracle("tsc", "node")) func upstreamStyleUserCodeRunsAgainstARealServer() throws {
    try OracleTools.require(["tsc", "node"])
    let dir = try TSAPIOracle.tempDir("surface-app")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.generate(into: dir)
    let node = TSAPIOracle.corpus.appendingPathComponent("node")
    try FileManager.default.copyItem(
      at: node.appendingPathComponent("tssurface-app.ts"), to: dir.appendingPathComponent("src/app.ts"))
    try FileManager.default.copyItem(
      at: node.appendingPathComponent("tssurface-host.mjs"), to: dir.appendingPathComponent("host.mjs"))
    let files = TSAPIOracle.tsFiles(in: dir.appendingPathComponent("src")).map { "src/" + $0 }
    let (tscCode, tscOut) = try TSAPIOracle.run(
      ["tsc", "--outDir", "out", "--rootDir", "src"] + TSAPIOracle.tscFlags + files, cwd: dir)
    try #require(tscCode == 0, "tsc --strict rejected the upstream-style user code:\n\(tscOut)")
    let (code, output) = try TSAPIOracle.run(["node", "host.mjs"], cwd: dir, timeout: 90)
    #expect(code == 0, "node run failed:\n\(output)")
    let passed = output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.map { String($0.dropFirst(3)) }
    #expect(
      passed == [
        "create", "ValidationError", "ApiError", "unwrap and enum params", "unwrap shapes", "oneof helper types",
        "unknown fields ignored", "verbs", "SSE",
      ], "\(output)")
    #expect(output.contains("SURFACE OK"))
  }
}
