import Backends
import Basics
import Config
import Diagnostics
import Proto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options of one `sebuf generate` / `sebuf plan` run.
public struct GenerateOptions: Sendable {
  public var filter: PlanFilter
  /// Ignore the manifest: run every backend (still writes only changed bytes).
  public var force: Bool
  /// Compute and report, write nothing (`sebuf plan`, `--dry-run`).
  public var dryRun: Bool
  /// Seconds to wait for another run's lock before giving up.
  public var lockTimeout: Double
  /// Concurrent invocations (default: cores).
  public var concurrency: Int?
  /// Called as invocations finish: (done, total, job label).
  public var progress: (@Sendable (Int, Int, String) -> Void)?

  public init(
    filter: PlanFilter = PlanFilter(), force: Bool = false, dryRun: Bool = false, lockTimeout: Double = 60,
    concurrency: Int? = nil, progress: (@Sendable (Int, Int, String) -> Void)? = nil
  ) {
    self.filter = filter
    self.force = force
    self.dryRun = dryRun
    self.lockTimeout = lockTimeout
    self.concurrency = concurrency
    self.progress = progress
  }
}

/// The result of a run.
public struct GenerationResult: Sendable {
  public var report: WriteReport
  /// The plan, when sources had to be compiled (nil when the run was a no-op decided from
  /// the manifest alone).
  public var plan: GenerationPlan?
  /// Non-fatal messages: compiler warnings, plugin stderr, manifest notes.
  public var diagnostics: [Diagnostic]
  /// Whether the sources were compiled (false: every job was known up to date beforehand).
  public var compiled: Bool
}

/// `sebuf generate` end to end: lock, manifest, plan, run, write.
///
/// Compiling is injected (`compile`), so tests can hand in Images and the CLI the real
/// compiler; it is skipped entirely when every selected job's recorded inputs (the
/// sources on disk, the config, sebuf itself) are unchanged and its outputs are intact.
public struct Generation: Sendable {
  public typealias Compile = @Sendable (Workspace, [String]) -> (Image?, [Diagnostic])

  public var planner: Planner
  public var compile: Compile

  public init(planner: Planner, compile: @escaping Compile) {
    self.planner = planner
    self.compile = compile
  }

  public var workspace: Workspace { planner.workspace }

  public func run(_ options: GenerateOptions) throws -> GenerationResult {
    let root = workspace.root
    if let problem = OutDirCheck.cacheProblem(root: root) { throw DiagnosticError(.error(problem, rule: "GENERATE")) }
    if !options.dryRun { try Manifest.prepareDirectory(root + "/.sebuf") }
    let lock = options.dryRun ? nil : try WorkspaceLock.acquire(root + "/.sebuf/lock", timeout: options.lockTimeout)
    defer { lock?.release() }

    let writer = OutputWriter(root: root)
    let (loaded, note) = Manifest.load(writer.manifestPath)
    var diagnostics: [Diagnostic] = []
    if let note { diagnostics.append(.warning(note, rule: "GENERATE")) }

    var timer = StageTimer()
    defer { timer.report() }
    let sourcesKey = SourceFingerprint.compute(workspace)
    timer.mark("fingerprint sources")
    let (specs, allIDs) = try planner.specs(options.filter, sourcesKey: sourcesKey)
    let trust = ManifestTrust(
      jobOuts: planner.jobOuts(),
      sourceRoots: (workspace.modules.map(\.path) + workspace.includes).compactMap { PathRules.normalize($0) },
      root: root)
    let (manifest, distrust) = trust.vet(loaded, path: writer.manifestPath)
    if let distrust { diagnostics.append(.warning(distrust, rule: "GENERATE")) }

    // A cleaning entry must look at its out for strays, so it never takes the shortcut.
    let cleans = specs.contains { $0.entry.clean }
    if !options.force, !cleans, let report = upToDate(specs, allIDs: allIDs, filter: options.filter, manifest: manifest)
    {
      timer.mark("check manifest and outputs (all up to date)")
      return GenerationResult(report: report, plan: nil, diagnostics: diagnostics, compiled: false)
    }

    timer.mark("check manifest")
    let (image, compileDiagnostics) = compile(workspace, options.filter.paths)
    timer.mark("compile")
    diagnostics += compileDiagnostics
    guard let image, !compileDiagnostics.hasErrors else { throw DiagnosticError(diagnostics) }

    let plan = planner.plan(options.filter, specs: specs, allIDs: allIDs, image: image)
    let executor = Executor(concurrency: options.concurrency ?? Executor().concurrency)
    timer.mark("plan")
    var stale = executor.outOfDate(plan, manifest: manifest, root: root, force: options.force)
    timer.mark("check invocations")
    var outcomes = try executor.run(plan, outOfDate: stale, progress: options.progress)
    timer.mark("run backends")
    var outputs: OutputSet
    while true {
      switch try OutputSet.assemble(outcomes, plan: plan, manifest: manifest) {
      case .ready(let set):
        outputs = set
      case .needsRerun(let invocations):
        // A new insertion into a skipped invocation's file: run that one too, then redo.
        var extra = plan.jobs.map { $0.invocations.map { _ in false } }
        for (jobID, invID) in invocations {
          guard let j = plan.jobs.firstIndex(where: { $0.id == jobID }),
            let i = plan.jobs[j].invocations.firstIndex(where: { $0.id == invID }), !stale[j][i]
          else { continue }
          extra[j][i] = true
          stale[j][i] = true
        }
        guard extra.contains(where: { $0.contains(true) }) else {
          throw DiagnosticError(
            Diagnostic(
              .bug, "insertion points could not be resolved after rerunning the invocations they target (a sebuf bug)",
              rule: "GENERATE"))
        }
        let more = try executor.run(plan, outOfDate: extra, progress: options.progress)
        for (j, o) in more.enumerated() {
          for (i, inv) in o.invocations.enumerated() where inv.files != nil { outcomes[j].invocations[i] = inv }
        }
        continue
      }
      break
    }
    for o in outcomes {
      for inv in o.invocations where !inv.stderr.isEmpty {
        var text = Substring(inv.stderr)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        diagnostics.append(.warning("plugin \(o.job.label) printed:\n" + text, rule: "GENERATE"))
      }
    }
    timer.mark("assemble outputs")
    // `--timeout` never cuts the writes and the manifest update in half: once they begin,
    // the deadline waits for them.
    let (report, _) = try Deadline.critical {
      try writer.write(outputs, outcomes: outcomes, plan: plan, manifest: manifest, dryRun: options.dryRun)
    }
    timer.mark("write")
    diagnostics += report.notes.map { Diagnostic.warning($0, rule: "GENERATE") }
    return GenerationResult(report: report, plan: plan, diagnostics: diagnostics, compiled: true)
  }

  /// A report of all-skipped jobs when every selected job is known up to date without
  /// compiling; nil otherwise.
  private func upToDate(
    _ specs: [Planner.JobSpec], allIDs: Set<String>, filter: PlanFilter, manifest: Manifest
  ) -> WriteReport? {
    guard !filter.limitsFiles else { return nil }
    // A full run must also clean up after entries removed from its config (records of
    // other configs, e.g. a `--template`, are not its to remove).
    let source = workspace.generationSource
    if filter.only.isEmpty
      && manifest.jobs.contains(where: { !allIDs.contains($0.key) && Manifest.belongs($0.value, to: source) })
    {
      return nil
    }
    var reports: [JobReport] = []
    for spec in specs {
      guard let rec = manifest.jobs[spec.id], !rec.dirty, rec.inputs == spec.inputsKey else { return nil }
      for (path, file) in rec.files where !OutputCheck.intact(workspace.root + "/" + path, file) { return nil }
      reports.append(JobReport(id: spec.id, label: spec.entry.label, skipped: true, changes: []))
    }
    return WriteReport(jobs: reports, orphanRemovals: [], notes: [])
  }
}

/// A digest of everything on disk that compiling depends on: every `.proto` file under
/// the module and import roots (path and content), and the roots themselves.
public enum SourceFingerprint {
  public static func compute(_ workspace: Workspace) -> String {
    var key = KeyBuilder("sebuf-sources-v1")
    for m in workspace.modules {
      key.add("module")
      key.add(m.path)
      for e in m.excludes { key.add(e) }
    }
    for i in workspace.includes {
      key.add("include")
      key.add(i)
    }
    let roots = workspace.modules.map(\.path) + workspace.includes
    for root in roots {
      // The same walk the compiler's source discovery uses: symlinked directories are
      // not entered, so a link loop cannot make it endless.
      let files = FileSystem.walkFiles(under: workspace.root + "/" + root) { $0.hasSuffix(".proto") }
      key.add("root")
      key.add(root)
      for f in files {
        key.add(f)
        key.add(ContentHash.xxh64(FileSystem.read(workspace.root + "/" + root + "/" + f) ?? []))
      }
    }
    return key.hex
  }
}

/// Stage timings on stderr when `SEBUF_TIMINGS=1`: how the benchmark numbers break down.
struct StageTimer {
  private let enabled = getenv("SEBUF_TIMINGS").map { String(cString: $0) == "1" } ?? false
  private var last = ProcessClock.seconds()
  private var lines: [String] = []

  mutating func mark(_ stage: String) {
    guard enabled else { return }
    let now = ProcessClock.seconds()
    lines.append("  \(stage): \(Int((now - last) * 1000)) ms")
    last = now
  }

  func report() {
    guard enabled, !lines.isEmpty else { return }
    let text = "sebuf timings:\n" + lines.joined(separator: "\n") + "\n"
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
  }
}
