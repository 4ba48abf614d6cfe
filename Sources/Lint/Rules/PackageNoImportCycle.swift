/// Packages do not import each other in a cycle.
///
/// buf walks every simple path from every package, which is exponential on densely
/// connected package graphs. Here the package graph (over the whole image, imports
/// included, as buf does) is split into strongly connected components with Tarjan's
/// algorithm in O(V+E); every import whose edge stays inside a component lies on a
/// cycle and is reported once, with the shortest cycle through that edge.
struct PackageNoImportCycle: LintRule {
  static let info = RuleInfo(
    id: "PACKAGE_NO_IMPORT_CYCLE",
    categories: ["MINIMAL", "BASIC", "STANDARD"],
    purpose: "Checks that packages do not have import cycles.",
    good: [
      "// file: a/v1/a.proto\nsyntax = \"proto3\";\npackage a.v1;\nimport \"b/v1/b.proto\";\nmessage A { b.v1.B b = 1; }\n// file: b/v1/b.proto\nsyntax = \"proto3\";\npackage b.v1;\nmessage B {}\n"
    ],
    bad: [
      "// file: a/v1/a.proto\nsyntax = \"proto3\";\npackage a.v1;\n↓import \"b/v1/b.proto\";\nmessage A { b.v1.B b = 1; }\n// file: b/v1/b.proto\nsyntax = \"proto3\";\npackage b.v1;\n↓import \"a/v1/a2.proto\";\nmessage B { a.v1.A2 a = 1; }\n// file: a/v1/a2.proto\nsyntax = \"proto3\";\npackage a.v1;\nmessage A2 {}\n"
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    let graph = PackageGraph(context.image)
    let component = graph.stronglyConnectedComponents()
    for file in context.files where !file.package.isEmpty {
      guard let from = graph.id[file.package] else { continue }
      for (i, dep) in file.descriptor.dependency.enumerated() {
        guard let pkg = graph.packageOfFile[dep], !pkg.isEmpty, pkg != file.package, let to = graph.id[pkg],
          component[from] == component[to]
        else { continue }
        let cycle = graph.shortestPath(from: to, to: from, within: component).map { graph.names[$0] }
        out.report(
          "Package import cycle: \(([file.package] + cycle).joined(separator: " -> "))", file: file.index,
          path: [3, Int32(i)])
      }
    }
  }
}
