/// Shared body of the COMMENT_* rules: the element's leading comment has at least one
/// non-empty line that is not an ignore directive.
enum CommentCheck {
  static func documented(_ comment: String) -> Bool {
    !CommentIgnores.lint.isOnlyDirectives(comment)
  }

  static func check(
    _ kind: String, name: String, file: Int, path: [Int32], _ context: LintContext, _ out: inout FindingSink
  ) {
    let locations = context.files[file].locations
    guard let loc = locations.location(path) else { return }
    if !documented(loc.leadingComments) {
      out.report("\(kind) \(q(name)) should have a non-empty comment for documentation.", file: file, path: path)
    }
  }

  static func example(_ decl: String, _ marked: String) -> (good: [String], bad: [String]) {
    (["syntax = \"proto3\";\npackage acme.v1;\n" + decl], ["syntax = \"proto3\";\npackage acme.v1;\n" + marked])
  }
}
