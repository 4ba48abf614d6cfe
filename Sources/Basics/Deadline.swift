import Foundation

/// The run's overall deadline (`--timeout`, buf's meaning: the whole command, not one step).
///
/// When it passes, a watchdog thread ends the process with the handler's message and exit
/// code, whatever the run is doing (compiling, waiting for a lock or a plugin), except
/// inside ``critical(_:)``: a phase that must not be cut in half (generate's writes and
/// manifest update) finishes first, and one that has not started is refused.
public enum Deadline {
  /// Whether the deadline has passed; guarded by the same mutex critical phases hold.
  private static let expired = Locked(false)
  /// When the deadline passes, as seconds of ``ProcessClock``; nil without a deadline.
  private static let end = Locked<Double?>(nil)

  /// Thrown by ``critical(_:)`` when the deadline passed before the phase began.
  public struct Expired: Error, CustomStringConvertible {
    public var description: String { "the --timeout deadline passed" }
  }

  /// What ends the process when the deadline passes.
  private static let handler = Locked<(@Sendable () -> Void)?>(nil)

  /// Starts the watchdog: after `seconds`, `onExpiry` runs (it must end the process).
  /// `seconds` ≤ 0 means no deadline (buf's `--timeout 0`).
  public static func arm(seconds: Double, onExpiry: @escaping @Sendable () -> Void) {
    guard seconds > 0 else { return }
    end.withLock { $0 = ProcessClock.seconds() + seconds }
    handler.withLock { $0 = onExpiry }
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: seconds)
      fire()
    }
  }

  /// Whether a deadline was set and has passed.
  public static var hasPassed: Bool { remaining.map { $0 <= 0 } ?? false }

  /// Runs the expiry handler, once: the watchdog does at the deadline, and a step that
  /// failed because the deadline cut it short (a plugin killed at the remaining time) does
  /// too, so the run ends with the one timeout message either way.
  public static func fire() {
    let onExpiry = handler.withLock { $0 }
    expired.withLock { flag in
      guard !flag else { return }
      flag = true
      onExpiry?()
    }
  }

  /// Seconds left before the deadline; nil without one.
  public static var remaining: Double? {
    end.withLock { $0.map { max(0, $0 - ProcessClock.seconds()) } }
  }

  /// Runs `body` without the watchdog ending the process in the middle of it.
  public static func critical<T>(_ body: () throws -> T) throws -> T {
    try expired.withLock { flag in
      if flag { throw Expired() }
      return try body()
    }
  }
}
