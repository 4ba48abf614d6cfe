import Backends
import Basics
import Diagnostics
import Foundation
import Proto

/// What happened to one invocation.
public struct InvocationOutcome: Sendable {
  public var invocation: Invocation
  /// nil: skipped, its previous files (from the manifest) are still valid. Before
  /// insertion points are applied.
  public var files: [GeneratedFile]?
  /// The plugin's stderr (shown to the user even on success).
  public var stderr: String
}

/// What happened to one job.
public struct JobOutcome: Sendable {
  public var job: Job
  public var invocations: [InvocationOutcome]
  /// Whether nothing ran (every invocation up to date).
  public var skipped: Bool { invocations.allSatisfy { $0.files == nil } }
}

/// Runs the invocations that are out of date, concurrently (one at a time per core),
/// and keeps every output in memory. Never writes.
public struct Executor: Sendable {
  /// Upper bound on concurrent invocations (default: active cores).
  public var concurrency: Int

  public init(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.concurrency = max(1, concurrency)
  }

  /// Which invocations must run: those whose key changed or whose recorded outputs are
  /// not intact on disk; everything with `force`. An invocation that filled insertion
  /// points in another's file last time runs whenever that one does, and the other way
  /// round, so an insertion is never lost or applied twice.
  public func outOfDate(_ plan: GenerationPlan, manifest: Manifest, root: String, force: Bool) -> [[Bool]] {
    var stale: [[Bool]] = plan.jobs.map { job in
      let record = manifest.jobs[job.id]
      return job.invocations.map { inv in
        if force || job.partial { return true }
        guard let rec = record?.invocations[inv.id], rec.key == inv.key, let files = record?.files,
          record?.dirty != true
        else {
          return true
        }
        return !rec.files.allSatisfy { path in
          guard let f = files[path] else { return false }
          return OutputCheck.intact(root + "/" + path, f)
        }
      }
    }
    Self.linkInsertions(&stale, plan: plan, manifest: manifest)
    return stale
  }

  /// Spreads "must run" along the insertion links the manifest recorded, to a fixpoint.
  static func linkInsertions(_ stale: inout [[Bool]], plan: GenerationPlan, manifest: Manifest) {
    var owner: [String: (Int, Int)] = [:]
    var links: [((Int, Int), String)] = []
    for (j, job) in plan.jobs.enumerated() {
      guard let rec = manifest.jobs[job.id] else { continue }
      for (i, inv) in job.invocations.enumerated() {
        guard let r = rec.invocations[inv.id] else { continue }
        for f in r.files { owner[f] = (j, i) }
        for t in r.inserts ?? [] { links.append(((j, i), t)) }
      }
    }
    guard !links.isEmpty else { return }
    var changed = true
    while changed {
      changed = false
      for ((j, i), target) in links {
        guard let (oj, oi) = owner[target] else { continue }
        if stale[j][i] != stale[oj][oi] {
          stale[j][i] = true
          stale[oj][oi] = true
          changed = true
        }
      }
    }
  }

  /// Runs the out-of-date invocations. Throws every failure (each naming its job) once
  /// all started invocations finished; invocations not yet started are dropped after
  /// the first failure.
  public func run(
    _ plan: GenerationPlan, outOfDate: [[Bool]], progress: (@Sendable (Int, Int, String) -> Void)? = nil
  ) throws -> [JobOutcome] {
    struct Work {
      var job: Int
      var inv: Int
    }
    var work: [Work] = []
    for (j, job) in plan.jobs.enumerated() {
      for (i, _) in job.invocations.enumerated() where outOfDate[j][i] { work.append(Work(job: j, inv: i)) }
    }
    let items = work
    let results = ResultBox(count: work.count)
    let queue = WorkQueue(count: work.count)
    let jobs = plan.jobs
    let workers = min(concurrency, work.count)
    if workers > 0 {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let k = queue.next() {
          if results.failed { continue }
          let w = items[k]
          let job = jobs[w.job]
          let inv = job.invocations[w.inv]
          do {
            results.set(k, .success(try Self.invoke(job, inv)))
          } catch {
            results.set(k, .failure(Self.diagnostics(for: error, job: job, invocation: inv)))
          }
          progress?(results.finished, items.count, job.label)
        }
      }
    }
    var failures: [Diagnostic] = []
    var outcomes = plan.jobs.map { job in
      JobOutcome(
        job: job, invocations: job.invocations.map { InvocationOutcome(invocation: $0, files: nil, stderr: "") })
    }
    for (k, w) in work.enumerated() {
      switch results.get(k) {
      case .success(let output)?:
        outcomes[w.job].invocations[w.inv].files = output.files
        outcomes[w.job].invocations[w.inv].stderr = output.stderr
      case .failure(let diags)?:
        failures.append(contentsOf: diags)
      case nil:
        break
      }
    }
    if !failures.isEmpty { throw DiagnosticError(failures) }
    return outcomes
  }

  /// Calls the backend (native or plugin, alike) for one invocation.
  static func invoke(_ job: Job, _ inv: Invocation) throws -> GenerationOutput {
    let request = GenerationRequest(
      image: inv.image, filesToGenerate: inv.filesToGenerate, options: job.entry.options,
      encodedFiles: inv.encodedFiles)
    return try job.generator.backend.run(request)
  }

  /// A failure as diagnostics that name the entry (and its place in sebuf.yaml).
  static func diagnostics(for error: Error, job: Job, invocation: Invocation) -> [Diagnostic] {
    let scope = invocation.id == "*" ? "" : " (directory \(invocation.id))"
    let prefix = "generate entry \(job.index + 1) (\(job.label))\(scope) failed: "
    let inner: [Diagnostic]
    if let d = error as? DiagnosticError {
      inner = d.diagnostics
    } else {
      inner = [.error("\(error)", rule: "GENERATE")]
    }
    return inner.map { d in
      var d = d
      d.message = prefix + d.message
      if d.rule == nil { d.rule = "GENERATE" }
      if d.span == nil { d.span = job.entry.span }
      return d
    }
  }
}

/// Whether a recorded output is still on disk as written.
enum OutputCheck {
  static func intact(_ path: String, _ record: Manifest.FileRecord) -> Bool {
    guard let stamp = FileSystem.stamp(path) else { return false }
    if stamp.size != record.size { return false }
    if stamp.mtime == record.mtime { return true }
    guard let bytes = FileSystem.read(path) else { return false }
    return ContentHash.hex(bytes) == record.hash
  }
}

/// Thread-safe result slots for the executor.
final class ResultBox: Sendable {
  enum Slot: Sendable {
    case success(GenerationOutput)
    case failure([Diagnostic])
  }

  private struct State {
    var slots: [Slot?]
    var finished = 0
    var failed = false
  }
  private let state: Locked<State>

  init(count: Int) { state = Locked(State(slots: Array(repeating: nil, count: count))) }

  func set(_ i: Int, _ slot: Slot) {
    state.withLock {
      $0.slots[i] = slot
      $0.finished += 1
      if case .failure = slot { $0.failed = true }
    }
  }

  func get(_ i: Int) -> Slot? { state.withLock { $0.slots[i] } }
  var failed: Bool { state.withLock(\.failed) }
  var finished: Int { state.withLock(\.finished) }
}

/// Hands out the indices `0..<count` once each, to any number of threads.
final class WorkQueue: Sendable {
  private let nextIndex = Locked(0)
  private let count: Int
  init(count: Int) { self.count = count }
  func next() -> Int? {
    nextIndex.withLock { i in
      guard i < count else { return nil }
      i += 1
      return i - 1
    }
  }
}
