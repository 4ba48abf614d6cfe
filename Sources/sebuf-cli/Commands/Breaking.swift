import ArgumentParser
import Diagnostics
import Foundation
import Lint
import Proto

/// `sebuf breaking`: buf's breaking-change rules plus sebuf's HTTP rules, comparing the
/// workspace with a git ref, a directory or an image.
struct BreakingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "breaking",
    abstract: "Find changes that break clients, against a git ref, a directory or an image.",
    discussion: """
      Compares the input (default: the workspace in the current directory) with --against and \
      prints every break as path:line:col:message, like buf. Exits 0 when nothing breaks, 100 \
      when something does, 1 on errors. Rules come from the `breaking:` block of sebuf.yaml \
      (FILE by default; add HTTP for sebuf's route and JSON rules). Accept one intentional \
      break with a `// sebuf:breaking:ignore RULE_ID` line in the leading comment of the \
      changed element. Examples: `sebuf breaking --against '.git#branch=main'`, \
      `sebuf breaking --against '.git#ref=HEAD~1,subdir=api'`, `sebuf breaking --against old.binpb`.
      """)

  @Argument(
    help: ArgumentHelp(
      "The input: a workspace directory, or an image file (.binpb, .bin, .pb, .json).",
      valueName: "input"))
  var input: String = "."

  @Option(
    name: .customLong("against"),
    help: ArgumentHelp(
      "What to compare with: `.git#branch=NAME`, `.git#tag=NAME`, `.git#ref=REV` (e.g. HEAD~1), with `,subdir=DIR`; a directory; or an image file.",
      discussion: "Defaults to `breaking.against` in sebuf.yaml.",
      valueName: "input"))
  var against: String?

  @Option(name: .customLong("error-format"), help: ArgumentHelp("text, json, github-actions, junit or msvs.", valueName: "format"))
  var errorFormat: BreakingFormat = .text

  @Flag(name: .customLong("show-rule-ids"), help: "Append the rule id to each text finding: `… (FIELD_NO_DELETE)`.")
  var showRuleIDs = false

  @Flag(name: .customLong("exclude-imports"), help: "Do not report breaks in imported files.")
  var excludeImports = false

  @Option(
    name: .customLong("use"),
    help: ArgumentHelp("Rules or categories to run instead of the configured ones (repeatable), e.g. `--use FILE --use HTTP`.", valueName: "id"))
  var use: [String] = []

  @Flag(name: .customLong("list-rules"), help: "List every breaking rule (id, categories, purpose) and exit.")
  var listRules = false

  enum BreakingFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
    case githubActions = "github-actions"
    case junit, msvs

    var diagnosticFormat: DiagnosticFormat {
      switch self {
      case .text: .text
      case .json: .json
      case .githubActions: .githubActions
      case .junit: .junit
      case .msvs: .msvs
      }
    }
  }

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    if listRules {
      print(ruleList(), terminator: "")
      return
    }
    var settings = BreakingSettings()
    settings.excludeImports = excludeImports
    if !use.isEmpty { settings.use = use }

    guard let againstValue = against else {
      fail([.error("Give --against (for example `--against '.git#branch=main'`), or set `breaking.against` in sebuf.yaml.", rule: "AGAINST")])
    }
    let current: Image
    let previous: Image
    var cleanup: [String] = []
    defer { for dir in cleanup { try? FileManager.default.removeItem(atPath: dir) } }
    do {
      current = try BreakingInputs.loadInput(input)
      let parsed = try AgainstInput.parse(againstValue, isDirectory: BreakingInputs.isDirectory)
      switch parsed {
      case .image(let path, let format):
        previous = try ImageFileReader.read(path, format: format)
      case .directory(let dir):
        previous = try BreakingInputs.compileDirectory(dir)
      case .git(let repository, let ref, let subdir):
        let snapshot = try GitSnapshot.extract(repository: repository, ref: ref, subdir: subdir)
        cleanup.append(snapshot.root)
        previous = try BreakingInputs.compileDirectory(snapshot.directory)
      }
    } catch let e as AgainstError {
      fail([e.diagnostic])
    } catch let e as DiagnosticError {
      fail(e.diagnostics)
    }
    let result = BreakingChecker.check(current: current, previous: previous, settings: settings)
    if !result.errors.isEmpty { fail(result.errors) }
    let text = errorFormat.diagnosticFormat.render(result.violations, showRule: showRuleIDs)
    FileHandle.standardOutput.write(Data(text.utf8))
    if !result.violations.isEmpty { throw ExitCode(100) }
  }

  /// Prints diagnostics to stderr and exits 1.
  private func fail(_ diagnostics: [Diagnostic]) -> Never {
    let text = errorFormat.diagnosticFormat.render(diagnostics, showRule: showRuleIDs)
    FileHandle.standardError.write(Data(text.utf8))
    Foundation.exit(1)
  }

  private func ruleList() -> String {
    var out = ""
    for r in BreakingCatalog.rules.sorted(by: { $0.info.id < $1.info.id }) {
      if errorFormat == .json {
        out += "{\"id\":\(JSONString.quote(r.info.id)),\"categories\":[\(r.categories.map(JSONString.quote).joined(separator: ","))],\"purpose\":\(JSONString.quote(r.info.purpose))}\n"
      } else {
        let id = r.info.id.padding(toLength: 48, withPad: " ", startingAt: 0)
        let cats = r.categories.joined(separator: ", ").padding(toLength: 36, withPad: " ", startingAt: 0)
        out += "\(id) \(cats) \(r.info.purpose)\n"
      }
    }
    return out
  }
}

/// Turns inputs into Images: image files are read, directories compiled.
enum BreakingInputs {
  static func isDirectory(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
  }

  /// The current side: an image file, or a workspace directory.
  static func loadInput(_ input: String) throws -> Image {
    for (suffix, format) in [(".binpb", AgainstInput.ImageFormat.binary), (".bin", .binary), (".pb", .binary), (".json", .json)]
    where input.hasSuffix(suffix) {
      do {
        return try ImageFileReader.read(input, format: format)
      } catch let e as AgainstError {
        throw AgainstError(e.message.replacingOccurrences(of: "--against: ", with: "input: "))
      }
    }
    return try compileDirectory(input)
  }

  /// Compiles the workspace in `directory` with its own settings.
  static func compileDirectory(_ directory: String) throws -> Image {
    guard isDirectory(directory) else {
      throw AgainstError("\(directory) is not a directory or an image file (.binpb, .bin, .pb, .json).")
    }
    // The compiler and the workspace loader land on main separately; until then only
    // image inputs can be compared.
    throw AgainstError(
      "compiling .proto files is not available in this build yet; compare images: `sebuf breaking new.binpb --against old.binpb`.")
  }
}
