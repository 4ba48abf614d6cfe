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
    jobs.reduce(0) { $0 + $1.changes.filter { $0.kind == kind }.count } + orphanRemovals.filter { $0.kind == kind }.count
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

  /// Compares `outputs` with the disk and (unless `dryRun`) applies the difference.
  /// Checks every path before writing anything: a path that would leave its job's out
  /// dir through a symlink aborts the whole write.
  public func write(
    _ outputs: OutputSet, outcomes: [JobOutcome], plan: GenerationPlan, manifest old: Manifest, dryRun: Bool
  ) throws -> (WriteReport, Manifest) {
    var problems: [Diagnostic] = []
    var reports: [JobReport] = []
    var toWrite: [(path: String, bytes: [UInt8], job: String)] = []
    var toRemove: [(path: String, job: String)] = []
    var newManifest = old
    var records: [String: Manifest.FileRecord] = [:]
    let claimed = outputs.files

    // 1. Classify every produced file.
    for outcome in outcomes {
      let job = outcome.job
      let realOut = resolve(root + "/" + job.out)
      var changes: [FileChange] = []
      for path in outputs.order {
        guard let file = claimed[path], file.job == job.id else { continue }
        guard let bytes = file.contents else {
          if let rec = old.jobs[job.id]?.files[path] { records[path] = rec }
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
          records[path] = previous
        } else if let disk = FileSystem.read(abs) {
          if disk == bytes {
            kind = .unchanged
            if let stamp = FileSystem.stamp(abs) {
              records[path] = Manifest.FileRecord(hash: file.hash, size: stamp.size, mtime: stamp.mtime)
            }
          } else {
            kind = .changed
          }
        } else {
          kind = FileSystem.exists(abs) ? .changed : .new
        }
        if kind != .unchanged { toWrite.append((path, bytes, job.id)) }
        changes.append(FileChange(path: path, kind: kind))
      }
      // Stale: written last time by this job, not claimed by anyone now.
      if !job.partial, let rec = old.jobs[job.id] {
        for path in rec.files.keys.sorted() where claimed[path] == nil {
          if FileSystem.exists(root + "/" + path) { toRemove.append((path, job.id)) }
          changes.append(FileChange(path: path, kind: .stale))
        }
      }
      reports.append(JobReport(id: job.id, label: job.label, skipped: outcome.skipped && changes.isEmpty, changes: changes))
    }

    // Entries removed from sebuf.yaml: a full run removes what they wrote.
    var orphans: [FileChange] = []
    var orphanJobs: [String] = []
    if !plan.isPartial {
      for (id, rec) in old.jobs.sorted(by: { $0.key < $1.key }) where !plan.allJobIDs.contains(id) {
        orphanJobs.append(id)
        for path in rec.files.keys.sorted() where claimed[path] == nil {
          if FileSystem.exists(root + "/" + path) { toRemove.append((path, id)) }
          orphans.append(FileChange(path: path, kind: .stale))
        }
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }

    // 2. The manifest after the run.
    var created: [String: [String]] = [:]
    func finalRecord(for outcome: JobOutcome) -> Manifest.JobRecord {
      let job = outcome.job
      let previous = old.jobs[job.id]
      var rec = Manifest.JobRecord(out: job.out, inputs: job.inputsKey)
      let mine = outputs.order.filter { claimed[$0]?.job == job.id }
      for path in mine { if let r = records[path] { rec.files[path] = r } }
      let perInv = outputs.invocationFiles[job.id] ?? [:]
      for inv in outcome.invocations {
        let inserts =
          inv.files == nil
          ? previous?.invocations[inv.invocation.id]?.inserts
          : outputs.invocationInserts[job.id]?[inv.invocation.id]
        rec.invocations[inv.invocation.id] = Manifest.InvocationRecord(
          key: inv.invocation.key, files: perInv[inv.invocation.id] ?? [], inserts: inserts)
      }
      rec.dirs = (previous?.dirs ?? []) + (created[job.id] ?? [])
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

    let report = WriteReport(jobs: reports, orphanRemovals: orphans, notes: [])
    if dryRun { return (report, old) }

    // 3. Mark the affected jobs dirty (recording old + new files) before touching disk,
    // so an interrupted run is cleaned up by the next one.
    let touched = Set(toWrite.map(\.job) + toRemove.map(\.job))
    let sweep = old.jobs.filter { $0.value.dirty }.map(\.value.out)
    if !touched.isEmpty {
      var pending = newManifest
      for outcome in outcomes where touched.contains(outcome.job.id) {
        var rec = finalRecord(for: outcome)
        for (path, r) in old.jobs[outcome.job.id]?.files ?? [:] where rec.files[path] == nil { rec.files[path] = r }
        for w in toWrite where w.job == outcome.job.id && rec.files[w.path] == nil {
          rec.files[w.path] = Manifest.FileRecord(hash: "", size: -1, mtime: 0)
        }
        rec.dirty = true
        rec.inputs = ""
        pending.jobs[outcome.job.id] = rec
      }
      try pending.save(manifestPath)
    }
    for out in Set(sweep) { sweepTempFiles(root + "/" + out) }
    if !sweep.isEmpty { sweepTempFiles(root + "/.sebuf") }

    // 4. Write (directories first, then the files on several threads: each write waits
    // for its fsync, so this is latency-bound), then remove.
    var syncDirs = Set<String>()
    for w in toWrite {
      let dir = PathRules.directory(of: root + "/" + w.path)
      if syncDirs.insert(dir).inserted {
        let made = try FileSystem.makeDirectories(dir)
        created[w.job, default: []].append(contentsOf: made.map { relative($0) })
      }
    }
    try ParallelWrites.run(toWrite.map { (root + "/" + $0.path, $0.bytes) }, threads: 8)
    for w in toWrite {
      if let stamp = FileSystem.stamp(root + "/" + w.path), let file = claimed[w.path] {
        records[w.path] = Manifest.FileRecord(hash: file.hash, size: stamp.size, mtime: stamp.mtime)
      }
    }
    for dir in syncDirs { FileSystem.syncDirectory(dir) }
    for r in toRemove { try FileSystem.remove(root + "/" + r.path) }

    // 5. Final manifest; then drop directories the jobs created that are now empty.
    for outcome in outcomes { newManifest.jobs[outcome.job.id] = finalRecord(for: outcome) }
    var orphanDirs: [String] = []
    for id in orphanJobs {
      orphanDirs += old.jobs[id]?.dirs ?? []
      newManifest.jobs[id] = nil
    }
    for id in touched.sorted() {
      guard var rec = newManifest.jobs[id] else { continue }
      var kept: [String] = []
      for dir in Set(rec.dirs).sorted(by: { $0.count > $1.count }) {
        let abs = root + "/" + dir
        guard FileSystem.isDirectory(abs) else { continue }
        if rec.files.keys.contains(where: { PathRules.contains(dir, $0) }) || !FileSystem.removeIfEmptyDirectory(abs) {
          kept.append(dir)
        }
      }
      rec.dirs = kept.sorted()
      newManifest.jobs[id] = rec
    }
    for dir in Set(orphanDirs).sorted(by: { $0.count > $1.count }) { FileSystem.removeIfEmptyDirectory(root + "/" + dir) }
    if newManifest != old || !touched.isEmpty { try newManifest.save(manifestPath) }
    return (report, newManifest)
  }

  /// Removes temp files an interrupted run left under `dir`.
  private func sweepTempFiles(_ dir: String) {
    for entry in FileSystem.list(dir) {
      let path = dir + "/" + entry.name
      if entry.isDirectory {
        sweepTempFiles(path)
      } else if entry.name.hasPrefix(FileSystem.tempMarker) {
        try? FileSystem.remove(path)
      }
    }
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
    let queue = ResultBox.Queue(count: items.count)
    let errors = ErrorList()
    let group = DispatchGroup()
    for _ in 0..<min(threads, items.count) {
      group.enter()
      Thread.detachNewThread {
        while let i = queue.next() {
          do {
            try FileSystem.writeAtomically(items[i].bytes, to: items[i].path)
          } catch {
            errors.add(error)
          }
        }
        group.leave()
      }
    }
    group.wait()
    if let first = errors.first { throw first }
  }

  private final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ e: Error) {
      lock.lock()
      errors.append(e)
      lock.unlock()
    }
    var first: Error? {
      lock.lock()
      defer { lock.unlock() }
      return errors.first
    }
  }
}
