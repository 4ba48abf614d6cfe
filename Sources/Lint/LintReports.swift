import Basics
import Diagnostics
import Proto
import SwiftProtobuf

/// Text products of a lint run besides the diagnostics themselves.
public enum LintReports {
  /// `--error-format config-ignore-yaml`: an `ignore_only` block that silences exactly
  /// the current findings, to adopt lint gradually (buf's format; paths are the
  /// workspace-relative ones sebuf.yaml uses).
  public static func configIgnoreYAML(_ diagnostics: [Diagnostic]) -> String {
    var byRule: [String: Set<String>] = [:]
    for d in diagnostics {
      guard let rule = d.rule, let file = d.span?.file else { continue }
      byRule[rule, default: []].insert(file)
    }
    guard !byRule.isEmpty else { return "" }
    var out = "version: v1\nlint:\n  ignore_only:\n"
    for rule in byRule.keys.sorted() {
      out += "    \(rule):\n"
      for path in byRule[rule]!.sorted() { out += "      - \(yamlScalar(path))\n" }
    }
    return out
  }

  static func yamlScalar(_ s: String) -> String {
    let plain = s.allSatisfy { $0.isLetter || $0.isNumber || "/._-".contains($0) }
    return plain && !s.isEmpty ? s : JSONString.quote(s)
  }

  /// `--list-rules`: one rule per line with its categories and purpose. `json` prints
  /// buf's `ls-lint-rules --format json` lines.
  public static func ruleList(_ ids: [String], json: Bool) -> String {
    let catalog = LintCatalog.catalog
    let defaults = Set(catalog.expand("STANDARD"))
    let rows = ids.compactMap { catalog.rule($0) }
    if json {
      var out = ""
      for r in rows {
        let cats = catalog.categories(of: r.id).map(JSONString.quote).joined(separator: ",")
        out +=
          "{\"id\":\(JSONString.quote(r.id)),\"categories\":[\(cats)],\"default\":\(defaults.contains(r.id)),\"purpose\":\(JSONString.quote(r.purpose)),\"deprecated\":\(r.deprecated)}\n"
      }
      return out
    }
    let idWidth = max(2, rows.map(\.id.count).max() ?? 0)
    let catText = rows.map { catalog.categories(of: $0.id).joined(separator: ", ") }
    let catWidth = max(10, catText.map(\.count).max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    var out = pad("ID", idWidth) + "  " + pad("CATEGORIES", catWidth) + "  PURPOSE\n"
    for (r, c) in zip(rows, catText) {
      out += pad(r.id, idWidth) + "  " + pad(c, catWidth) + "  " + r.purpose
      if r.deprecated { out += " (deprecated)" }
      out += "\n"
    }
    return out
  }
}

extension Linter {
  /// The image with every target outside `paths` turned into an import, so `--path`
  /// limits which files are linted (files still see their neighbours' symbols).
  public static func restrict(_ image: Image, to paths: [String]) -> Image {
    guard !paths.isEmpty else { return image }
    let filter = PathFilter(paths)
    return Image(
      files: image.files.map { f in
        var f = f
        if !f.isImport && !filter.matches(f.displayPath) && !filter.matches(f.name) { f.isImport = true }
        return f
      })
  }
}

extension LintReports {
  /// A Markdown table of a category's rules (id, purpose), as the README shows it.
  public static func markdownTable(category: String) -> String {
    let catalog = LintCatalog.catalog
    var out = "| Rule | Checks |\n| --- | --- |\n"
    for id in catalog.category(category)?.ruleIDs ?? [] {
      guard let r = catalog.rule(id) else { continue }
      out +=
        "| `\(r.id)` | \(r.purpose.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |\n"
    }
    return out
  }
}
