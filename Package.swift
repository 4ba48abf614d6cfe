// swift-tools-version: 6.1
// sebuf: one binary that compiles .proto files, lints them, checks breaking
// changes and generates HTTP servers, clients and OpenAPI documents.
import PackageDescription

let package = Package(
  name: "sebuf",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sebuf", targets: ["sebuf-cli"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0", traits: []),
    .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
  ],
  targets: [
    // MARK: - Libraries (pipeline stages; a lower target never imports a higher one)

    // The floor: file system, paths and the one glob semantics, the process runner,
    // hashing, locks, quoting, did-you-mean. Imports nothing of ours.
    .target(name: "Basics"),
    // Spans, diagnostics and their output formats: shared by every stage.
    .target(name: "Diagnostics", dependencies: ["Basics"]),
    // The .proto compiler: lexer, parser, import resolver, linker, Image, HTTP model.
    .target(
      name: "Proto",
      dependencies: ["Diagnostics", "Basics", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
      // The bundled protos are embedded as Swift source (Resolver/BundledFiles.swift) by scripts/embed.
      exclude: ["Bundled"]),
    // sebuf.yaml (and buf.yaml / buf.gen.yaml v2) into a validated Workspace.
    .target(name: "Config", dependencies: ["Diagnostics", "Basics", .product(name: "Yams", package: "Yams")]),
    // Every input enters here: Workspace → SourceSet, --path, --against (git, directories,
    // image files); image files are written here too (build -o, every format buf writes).
    .target(
      name: "Inputs",
      dependencies: [
        "Config", "Proto", "Diagnostics", "Basics", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]),
    // Lint rules and breaking-change rules over Images (no I/O).
    .target(
      name: "Lint",
      dependencies: ["Proto", "Diagnostics", "Basics", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
    // The .proto formatter: buf format's layout, from the compiler's tokens.
    .target(name: "Format", dependencies: ["Proto", "Diagnostics", "Basics"]),
    // Code generators: pure functions from an Image to files; plus protoc plugins.
    .target(
      name: "Backends",
      dependencies: [
        "Proto", "Diagnostics", "Basics",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf"),
      ],
      // The static Go/TS runtimes are embedded as Swift source (Runtime/RuntimeFiles.swift) by scripts/embed.
      exclude: ["Runtime/go", "Runtime/ts"]),
    // Generation planning, concurrent execution and the incremental output writer.
    .target(
      name: "Plan",
      dependencies: [
        "Config", "Inputs", "Proto", "Backends", "Diagnostics", "Basics",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]),

    // MARK: - Executable

    // Argument parsing, wiring and printing; no logic of its own.
    .executableTarget(
      name: "sebuf-cli",
      dependencies: [
        "Basics", "Diagnostics", "Proto", "Config", "Inputs", "Lint", "Format", "Plan",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Tests (fast unit suites; heavy oracle suites live in OracleTests)

    .testTarget(name: "BasicsTests", dependencies: ["Basics"]),
    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
    .testTarget(
      name: "ProtoTests", dependencies: ["Proto", "Diagnostics", "TestSupport"],
      resources: [.copy("Corpus"), .copy("Invalid"), .copy("Golden")]),
    .testTarget(name: "ConfigTests", dependencies: ["Config"], resources: [.copy("Fixtures")]),
    .testTarget(name: "InputsTests", dependencies: ["Inputs", "Config", "Proto", "Basics"]),
    .testTarget(
      name: "FormatTests",
      dependencies: [
        "Format", "Proto", "Diagnostics", "TestSupport", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      resources: [.copy("Goldens")]),
    .testTarget(name: "LintTests", dependencies: ["Lint", "Proto"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "BackendsTests", dependencies: ["Backends", "Proto"], resources: [.copy("Golden")]),
    .testTarget(
      name: "PlanTests", dependencies: ["Plan", "Config", "Inputs", "Proto", "Backends", "Basics", "TestSupport"]),
    // Which oracle tools a test needs, and the trait that skips it (visibly) without them.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    // Runs the built `sebuf` binary end to end.
    .testTarget(name: "CLITests", dependencies: ["Diagnostics", "TestSupport"]),
    // Real toolchains as oracles: protoc, Go, tsc, node, buf, openapi-spec-validator.
    .testTarget(
      name: "OracleTests",
      dependencies: [
        "Proto", "Backends", "Diagnostics", "Lint", "Format", "Plan", "Config", "Inputs", "Basics", "TestSupport",
      ]),
  ]
)
