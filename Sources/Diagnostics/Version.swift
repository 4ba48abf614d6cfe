/// sebuf's version: printed by `--version`, part of every generation cache key.
public enum SebufVersion {
  public static let current = "0.1.0"
}
