import Backends
import Basics
import Diagnostics

/// Every file the run ends up owning, after insertion points, with conflicts between
/// jobs and unsafe names rejected. Built entirely in memory, before anything is written.
public struct OutputSet: Sendable {
  /// One file of the final state.
  public struct File: Sendable {
    /// Job id of the owner (the first job that produced it, in `generate:` order).
    public var job: String
    /// New contents; nil for a file of a skipped invocation (valid on disk already).
    public var contents: [UInt8]?
    /// xxHash64 hex of the contents.
    public var hash: String
  }

  /// By path relative to the workspace.
  public var files: [String: File]
  /// Paths in the order they were produced (deterministic writing and reporting).
  public var order: [String]
  /// Job id → invocation id → paths it produced.
  public var invocationFiles: [String: [String: [String]]]
  /// Job id → invocation id → paths of other invocations' files it inserted into.
  public var invocationInserts: [String: [String: [String]]] = [:]

  /// What assembling gives: the final set, or the skipped invocations that must run too
  /// because an insertion point targets one of their files (then assemble again, so the
  /// insertion lands in a fresh file).
  public enum Assembly: Sendable {
    case ready(OutputSet)
    /// (job id, invocation id) pairs.
    case needsRerun([(job: String, invocation: String)])
  }

  /// Applies insertion points in `generate:` order and checks every name and claim.
  /// Throws all problems at once; each names the entries involved.
  public static func assemble(_ outcomes: [JobOutcome], plan: GenerationPlan, manifest: Manifest) throws -> Assembly {
    var set = OutputSet(files: [:], order: [], invocationFiles: [:])
    var problems: [Diagnostic] = []
    var producer: [String: (String, String)] = [:]
    var rerun: [(job: String, invocation: String)] = []
    var indexOfJob: [String: Int] = [:]
    for o in outcomes { indexOfJob[o.job.id] = o.job.index }
    func describe(_ id: String) -> String {
      if let i = indexOfJob[id], let o = outcomes.first(where: { $0.job.id == id }) {
        return "\(i + 1) (\(o.job.label))"
      }
      return "\"\(id)\""
    }

    for outcome in outcomes {
      let job = outcome.job
      let record = manifest.jobs[job.id]
      var perInvocation: [String: [String]] = [:]
      for inv in outcome.invocations {
        guard let produced = inv.files else {
          // Skipped: what it wrote last time stands.
          let paths = record?.invocations[inv.invocation.id]?.files ?? []
          perInvocation[inv.invocation.id] = paths
          for path in paths where set.files[path] == nil {
            set.files[path] = File(job: job.id, contents: nil, hash: record?.files[path]?.hash ?? "")
            set.order.append(path)
            producer[path] = (job.id, inv.invocation.id)
          }
          continue
        }
        var paths: [String] = []
        var inserts: [String] = []
        for file in produced {
          guard PathRules.isSafeOutputName(file.path) else {
            problems.append(
              .error(
                "generate entry \(describe(job.id)) wants to write \"\(file.path)\": output names must be relative paths inside the out dir without \"..\", \".\" or empty parts; nothing was written",
                rule: "GENERATE", at: job.entry.span))
            continue
          }
          let path = job.out == "." ? file.path : job.out + "/" + file.path
          if !file.insertionPoint.isEmpty {
            guard let target = set.files[path] else {
              problems.append(
                .error(
                  "generate entry \(describe(job.id)) inserts into \(path) at insertion point \"\(file.insertionPoint)\", but neither it nor an earlier entry generated that file",
                  rule: "GENERATE", at: job.entry.span))
              continue
            }
            if let (pj, pi) = producer[path], pj != job.id || pi != inv.invocation.id {
              inserts.append(path)
            }
            guard let contents = target.contents else {
              if let p = producer[path] { rerun.append(p) }
              continue
            }
            guard let updated = InsertionPoint.apply(file.contents, at: file.insertionPoint, into: contents) else {
              problems.append(
                .error(
                  "generate entry \(describe(job.id)): insertion point \"\(file.insertionPoint)\" not found in \(path)",
                  rule: "GENERATE", at: job.entry.span))
              continue
            }
            set.files[path]?.contents = updated
            set.files[path]?.hash = ContentHash.hex(updated)
            continue
          }
          let hash = ContentHash.hex(file.contents)
          if let existing = set.files[path] {
            if existing.hash != hash || (existing.job == job.id && paths.contains(path)) {
              let who =
                existing.job == job.id
                ? "generate entry \(describe(job.id)) writes \(path) twice"
                : "generate entries \(describe(existing.job)) and \(describe(job.id)) both write \(path)"
              problems.append(
                .error(
                  "\(who) with different contents; give the entries different out dirs or narrow them with include/exclude",
                  rule: "GENERATE", at: job.entry.span))
            }
            if !paths.contains(path) { paths.append(path) }
            continue
          }
          set.files[path] = File(job: job.id, contents: file.contents, hash: hash)
          set.order.append(path)
          producer[path] = (job.id, inv.invocation.id)
          paths.append(path)
        }
        perInvocation[inv.invocation.id] = paths
        if !inserts.isEmpty {
          set.invocationInserts[job.id, default: [:]][inv.invocation.id] = Array(Set(inserts)).sorted()
        }
      }
      set.invocationFiles[job.id] = perInvocation
    }

    // A path cannot be both a file and a directory: `x` and `x/y` together would fail
    // half way through writing. Each path's parents are looked up once: linear in the
    // total length of the names.
    for path in set.order {
      var dir = PathRules.directory(of: path)
      while dir != "." {
        if let file = set.files[dir], let owner = set.files[path] {
          let who =
            file.job == owner.job
            ? "generate entry \(describe(owner.job)) writes"
            : "generate entries \(describe(file.job)) and \(describe(owner.job)) write"
          problems.append(
            .error(
              "\(who) both the file \(dir) and the file \(path) inside it (\(dir) cannot be a file and a directory); nothing was written",
              rule: "GENERATE", at: outcomes.first { $0.job.id == owner.job }?.job.entry.span))
          break
        }
        dir = PathRules.directory(of: dir)
      }
    }

    // Jobs left out by --only keep their files: a selected job may not take them over.
    let running = Set(outcomes.map(\.job.id))
    for (id, record) in manifest.jobs where !running.contains(id) && plan.allJobIDs.contains(id) {
      for (path, rec) in record.files {
        if let claim = set.files[path], claim.hash != rec.hash {
          problems.append(
            .error(
              "generate entry \(describe(claim.job)) would overwrite \(path), which belongs to entry \"\(id)\"; give them different out dirs",
              rule: "GENERATE"))
        }
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    if !rerun.isEmpty { return .needsRerun(rerun) }
    return .ready(set)
  }
}
