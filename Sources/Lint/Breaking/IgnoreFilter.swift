// Which breaking findings the configuration accepts: the config's ignores (the same
// IgnoreRules lint uses: paths everywhere or per rule, unstable packages), imports with
// --exclude-imports, and `// sebuf:breaking:ignore RULE_ID` comments in the new version
// (the same CommentIgnores lint uses, with the breaking prefixes).

/// Decides whether a breaking finding is suppressed.
struct IgnoreFilter {
  let ignores: IgnoreRules
  let allowCommentIgnores: Bool
  let excludeImports: Bool

  func ignores(_ f: BreakingFinding) -> Bool {
    if let file = f.location?.file ?? f.file, ignores(file, rule: f.rule) { return true }
    if let file = f.againstLocation?.file ?? f.againstFile, ignores(file, rule: f.rule) { return true }
    if allowCommentIgnores, let loc = f.location,
      CommentIgnores.breaking.isIgnored(
        rule: f.rule, path: loc.path, leadingComments: { loc.file.sourceLocation($0)?.leadingComments ?? "" })
    {
      return true
    }
    return false
  }

  private func ignores(_ file: FileNode, rule: String) -> Bool {
    if excludeImports && file.isImport { return true }
    return ignores.isIgnored(rule: rule, path: file.displayPath, package: file.package)
  }
}
