/// A package's version suffix (`v1`, `v1beta1`, `v1p1alpha1`, `v1test`), parsed the way
/// buf does for PACKAGE_VERSION_SUFFIX, STABLE_PACKAGE_NO_IMPORT_UNSTABLE and managed mode's
/// names (`go_package`'s `;weatherv1`, objc_class_prefix).
public struct PackageVersion: Sendable, Equatable {
  public enum Stability: Sendable { case stable, alpha, beta, test }
  public let major: Int
  public let stability: Stability

  /// The version of a package's last component; nil when there is none (or the
  /// package has a single component).
  public init?(package: String) {
    let parts = package.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2 else { return nil }
    self.init(component: String(parts[parts.count - 1]))
  }

  init?(component: String) {
    guard component.count >= 2, component.first == "v" else { return nil }
    let version = String(component.dropFirst())
    if let r = version.range(of: "test") {
      guard let major = PackageVersion.number(String(version[..<r.lowerBound]), min: 1) else { return nil }
      self.major = major
      stability = .test
      return
    }
    let alpha = version.contains("alpha")
    let beta = version.contains("beta")
    if alpha && beta { return nil }
    if !alpha && !beta {
      guard let major = PackageVersion.number(version, min: 1) else { return nil }
      self.major = major
      stability = .stable
      return
    }
    let word = alpha ? "alpha" : "beta"
    guard let r = version.range(of: word) else { return nil }
    let minor = String(version[r.upperBound...])
    if !minor.isEmpty && PackageVersion.number(minor, min: 1) == nil { return nil }
    var head = String(version[..<r.lowerBound])
    if let p = head.firstIndex(of: "p") {
      guard PackageVersion.number(String(head[head.index(after: p)...]), min: 1) != nil else { return nil }
      head = String(head[..<p])
    }
    guard let major = PackageVersion.number(head, min: 1) else { return nil }
    self.major = major
    stability = alpha ? .alpha : .beta
  }

  static func number(_ s: String, min: Int) -> Int? {
    guard !s.isEmpty, s.count <= 10, let v = Int(s), v >= min, v <= Int(Int32.max) else { return nil }
    // Go's ParseInt accepts a leading sign; keep that quirk.
    return v
  }
}
