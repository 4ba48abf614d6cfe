import Basics
import Diagnostics
import Foundation

/// What a run did (or, in a dry run, would do) to each file.
public struct FileChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case new, changed, unchanged, stale
  }
  /// Relative to the workspace.
  public var path: String
  public var kind: Kind
}

/// One job's part of the report.
public struct JobReport: Sendable {
  public var id: String
  public var label: String
  /// Every invocation was up to date: the backend did not run.
  public var skipped: Bool
  public var changes: [FileChange]
}

/// The writer's result: a value tests assert on and the CLI prints.
public struct WriteReport: Sendable {
  public var jobs: [JobReport]
  /// Files of removed `generate:` entries (not part of any job's report).
  public var orphanRemovals: [FileChange]
  public var notes: [String]

  public var wrote: Int { count(.new) + count(.changed) }
  public var unchanged: Int { count(.unchanged) }
  public var removed: Int { count(.stale) }
  public var skippedJobs: Int { jobs.filter(\.skipped).count }

  private func count(_ kind: FileChange.Kind) -> Int {
    jobs.reduce(0) { $0 + $1.changes.filter { $0.kind == kind }.count }
      + orphanRemovals.filter { $0.kind == kind }.count
  }
}

/// Brings the out dirs to the planned state: writes only files whose bytes differ
/// (atomically), removes files the jobs wrote last time and not this time, never touches
/// files sebuf did not write, and records everything in the manifest.
public struct OutputWriter {
  /// Absolute workspace root.
  public var root: String
  public var manifestPath: String { root + "/.sebuf/manifest.json" }

  public init(root: String) { self.root = root }

  /// Compares `outputs` with the disk and (unless `dryRun`) applies the difference, in
  /// phases: classify every file (nothing touched yet), mark the affected jobs dirty in
  /// the manifest, write and remove, then record the final manifest and drop directories
  /// the jobs created that are now empty. Every path is checked before anything is
  /// written: one that would leave its job's out dir through a symlink aborts the run.
  public func write(
    _ outputs: OutputSet, outcomes: [JobOutcome], plan: GenerationPlan, manifest old: Manifest, dryRun: Bool
  ) throws -> (WriteReport, Manifest) {
    var work = try classify(outputs, outcomes: outcomes, plan: plan, manifest: old)
    let cleaning = try CleanOut.outs(plan, outcomes: outcomes)
    CleanOut.addStrays(to: &work, outs: cleaning, root: root, outputs: outputs, manifest: old)
    if dryRun { return (work.report, old) }
    try markDirty(work, outputs: outputs, outcomes: outcomes, manifest: old)
    let sweep = Set(old.jobs.values.filter(\.dirty).map(\.out))
    for out in sweep { sweepTempFiles(root + "/" + out) }
    if !sweep.isEmpty { sweepTempFiles(root + "/.sebuf") }
    try apply(&work, outputs: outputs)
    CleanOut.pruneEmptyDirectories(outs: cleaning, root: root)
    let manifest = try finish(work, outputs: outputs, outcomes: outcomes, manifest: old)
    return (work.report, manifest)
  }

  /// What one run does to the disk, decided before anything is touched.
  struct Work {
    var report: WriteReport
    var toWrite: [(path: String, bytes: [UInt8], job: String)] = []
    var toRemove: [(path: String, job: String)] = []
    /// Manifest records of the files that end up on disk, by path.
    var records: [String: Manifest.FileRecord] = [:]
    /// Jobs of removed `generate:` entries.
    var orphanJobs: [String] = []
    /// Directories each job created in this run (workspace-relative).
    var created: [String: [String]] = [:]

    var touchedJobs: Set<String> { Set(toWrite.map(\.job) + toRemove.map(\.job)) }
  }

  /// Phase 1: new, changed, unchanged and stale files of every job, and of entries removed
  /// from sebuf.yaml. Reads the disk, writes nothing; throws every unsafe path at once.
  func classify(_ outputs: OutputSet, outcomes: [JobOutcome], plan: GenerationPlan, manifest old: Manifest) throws
    -> Work
  {
    var problems: [Diagnostic] = []
    var work = Work(report: WriteReport(jobs: [], orphanRemovals: [], notes: []))
    let claimed = outputs.files
    for outcome in outcomes {
      let job = outcome.job
      let realOut = resolve(root + "/" + job.out)
      var changes: [FileChange] = []
      for path in outputs.order {
        guard let file = claimed[path], file.job == job.id else { continue }
        guard let bytes = file.contents else {
          if let rec = old.jobs[job.id]?.files[path] { work.records[path] = rec }
          continue
        }
        let abs = root + "/" + path
        let realParent = resolve(PathRules.directory(of: abs))
        if !PathRules.contains(realOut, realParent) {
          problems.append(
            .error(
              "generate entry \(job.index + 1) (\(job.label)): refusing to write \(path): it resolves to \(realParent), outside the out dir \(job.out) (a symlink leads out of it); nothing was written",
              rule: "GENERATE", at: job.entry.span))
          continue
        }
        let previous = old.jobs.values.lazy.compactMap { $0.files[path] }.first
        let kind: FileChange.Kind
        if let previous, previous.hash == file.hash, let stamp = FileSystem.stamp(abs), stamp.size == previous.size,
          stamp.mtime == previous.mtime
        {
          kind = .unchanged
          work.records[path] = previous
        } else if let disk = FileSystem.read(abs) {
          if disk == bytes {
            kind = .unchanged
            if let stamp = FileSystem.stamp(abs) {
              work.records[path] = Manifest.FileRecord(hash: file.hash, size: stamp.size, mtime: stamp.mtime)
            }
          } else {
            kind = .changed
          }
        } else {
          kind = FileSystem.exists(abs) ? .changed : .new
        }
        if kind != .unchanged { work.toWrite.append((path, bytes, job.id)) }
        changes.append(FileChange(path: path, kind: kind))
      }
      // Stale: written last time by this job, not claimed by anyone now.
      if !job.partial, let rec = old.jobs[job.id] {
        for path in rec.files.keys.sorted() where claimed[path] == nil {
          if FileSystem.exists(root + "/" + path) { work.toRemove.append((path, job.id)) }
          changes.append(FileChange(path: path, kind: .stale))
        }
      }
      work.report.jobs.append(
        JobReport(id: job.id, label: job.label, skipped: outcome.skipped && changes.isEmpty, changes: changes))
    }
    // Entries removed from sebuf.yaml: a full run removes what they wrote.
    if !plan.isPartial {
      for (id, rec) in old.jobs.sorted(by: { $0.key < $1.key }) where !plan.allJobIDs.contains(id) {
        work.orphanJobs.append(id)
        for path in rec.files.keys.sorted() where claimed[path] == nil {
          if FileSystem.exists(root + "/" + path) { work.toRemove.append((path, id)) }
          work.report.orphanRemovals.append(FileChange(path: path, kind: .stale))
        }
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return work
  }

  /// A job's manifest record after the run.
  func finalRecord(for outcome: JobOutcome, _ work: Work, outputs: OutputSet, manifest old: Manifest)
    -> Manifest.JobRecord
  {
    let job = outcome.job
    let previous = old.jobs[job.id]
    var rec = Manifest.JobRecord(out: job.out, inputs: job.inputsKey)
    let mine = outputs.order.filter { outputs.files[$0]?.job == job.id }
    for path in mine { if let r = work.records[path] { rec.files[path] = r } }
    let perInv = outputs.invocationFiles[job.id] ?? [:]
    for inv in outcome.invocations {
      let inserts =
        inv.files == nil
        ? previous?.invocations[inv.invocation.id]?.inserts
        : outputs.invocationInserts[job.id]?[inv.invocation.id]
      rec.invocations[inv.invocation.id] = Manifest.InvocationRecord(
        key: inv.invocation.key, files: perInv[inv.invocation.id] ?? [], inserts: inserts)
    }
    rec.dirs = (previous?.dirs ?? []) + (work.created[job.id] ?? [])
    if job.partial {
      // --path: merge with what the full run recorded; nothing of it is reusable as is.
      rec.inputs = ""
      for (path, r) in previous?.files ?? [:] where rec.files[path] == nil { rec.files[path] = r }
      var invocations = previous?.invocations ?? [:]
      for (id, inv) in rec.invocations {
        let before = invocations[id]?.files ?? []
        invocations[id] = Manifest.InvocationRecord(key: "", files: Array(Set(before + inv.files)).sorted())
      }
      rec.invocations = invocations
    }
    return rec
  }

  /// Phase 2: mark the affected jobs dirty (recording old and new files) before touching
  /// the disk, so an interrupted run is cleaned up by the next one.
  func markDirty(_ work: Work, outputs: OutputSet, outcomes: [JobOutcome], manifest old: Manifest) throws {
    let touched = work.touchedJobs
    guard !touched.isEmpty else { return }
    var pending = old
    for outcome in outcomes where touched.contains(outcome.job.id) {
      var rec = finalRecord(for: outcome, work, outputs: outputs, manifest: old)
      for (path, r) in old.jobs[outcome.job.id]?.files ?? [:] where rec.files[path] == nil { rec.files[path] = r }
      for w in work.toWrite where w.job == outcome.job.id && rec.files[w.path] == nil {
        rec.files[w.path] = Manifest.FileRecord(hash: "", size: -1, mtime: 0)
      }
      rec.dirty = true
      rec.inputs = ""
      pending.jobs[outcome.job.id] = rec
    }
    try pending.save(manifestPath)
  }

  /// Phase 3: create directories, write the files on several threads (each write waits for
  /// its fsync, so this is latency-bound), sync the directories, then remove stale files.
  func apply(_ work: inout Work, outputs: OutputSet) throws {
    var syncDirs = Set<String>()
    for w in work.toWrite {
      let dir = PathRules.directory(of: root + "/" + w.path)
      if syncDirs.insert(dir).inserted {
        let made = try FileSystem.makeDirectories(dir)
        work.created[w.job, default: []].append(contentsOf: made.map { relative($0) })
      }
    }
    try ParallelWrites.run(work.toWrite.map { (root + "/" + $0.path, $0.bytes) }, threads: 8)
    for w in work.toWrite {
      if let stamp = FileSystem.stamp(root + "/" + w.path), let file = outputs.files[w.path] {
        work.records[w.path] = Manifest.FileRecord(hash: file.hash, size: stamp.size, mtime: stamp.mtime)
      }
    }
    for dir in syncDirs { FileSystem.syncDirectory(dir) }
    for r in work.toRemove { try FileSystem.remove(root + "/" + r.path) }
  }

  /// Phase 4: the final manifest; directories the jobs created that are now empty go.
  func finish(_ work: Work, outputs: OutputSet, outcomes: [JobOutcome], manifest old: Manifest) throws -> Manifest {
    var manifest = old
    for outcome in outcomes {
      manifest.jobs[outcome.job.id] = finalRecord(for: outcome, work, outputs: outputs, manifest: old)
    }
    var orphanDirs: [String] = []
    for id in work.orphanJobs {
      orphanDirs += old.jobs[id]?.dirs ?? []
      manifest.jobs[id] = nil
    }
    let touched = work.touchedJobs
    for id in touched.sorted() {
      guard var rec = manifest.jobs[id] else { continue }
      var kept: [String] = []
      for dir in Set(rec.dirs).sorted(by: { $0.count > $1.count }) {
        let abs = root + "/" + dir
        guard FileSystem.isDirectory(abs) else { continue }
        if rec.files.keys.contains(where: { PathRules.contains(dir, $0) }) || !FileSystem.removeIfEmptyDirectory(abs) {
          kept.append(dir)
        }
      }
      rec.dirs = kept.sorted()
      manifest.jobs[id] = rec
    }
    for dir in Set(orphanDirs).sorted(by: { $0.count > $1.count }) {
      FileSystem.removeIfEmptyDirectory(root + "/" + dir)
    }
    if manifest != old || !touched.isEmpty { try manifest.save(manifestPath) }
    return manifest
  }

  /// Removes temp files an interrupted run left under `dir` (symlinked directories are
  /// not entered, so a link loop cannot make the sweep endless).
  private func sweepTempFiles(_ dir: String) {
    let temps = FileSystem.walkFiles(under: dir, includeHidden: true) {
      PathRules.baseName($0).hasPrefix(FileSystem.tempMarker)
    }
    for rel in temps { try? FileSystem.remove(dir + "/" + rel) }
  }

  private func relative(_ abs: String) -> String {
    abs.hasPrefix(root + "/") ? String(abs.dropFirst(root.count + 1)) : abs
  }

  /// The real path `path` has or would have: the deepest existing ancestor resolved,
  /// the missing rest appended (it will be created as plain directories).
  func resolve(_ path: String) -> String {
    var head = PathRules.normalize(path) ?? path
    var tail: [String] = []
    while true {
      if let real = FileSystem.realPath(head) {
        return tail.isEmpty ? real : real + "/" + tail.reversed().joined(separator: "/")
      }
      let parent = PathRules.directory(of: head)
      if parent == head || parent == "." || parent.isEmpty { return path }
      tail.append(String(head.dropFirst(parent.count + 1)))
      head = parent
    }
  }
}

/// Atomic writes on a few threads.
enum ParallelWrites {
  static func run(_ items: [(path: String, bytes: [UInt8])], threads: Int) throws {
    guard items.count > 1 else {
      for item in items { try FileSystem.writeAtomically(item.bytes, to: item.path) }
      return
    }
    let queue = WorkQueue(count: items.count)
    let errors = Locked<[Error]>([])
    let group = DispatchGroup()
    for _ in 0..<min(threads, items.count) {
      group.enter()
      Thread.detachNewThread {
        while let i = queue.next() {
          do {
            try FileSystem.writeAtomically(items[i].bytes, to: items[i].path)
          } catch {
            errors.withLock { $0.append(error) }
          }
        }
        group.leave()
      }
    }
    group.wait()
    if let first = errors.withLock(\.first) { throw first }
  }
}
