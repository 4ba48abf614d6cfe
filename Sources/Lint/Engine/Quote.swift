import Basics
import Diagnostics

/// Go's `%q` quoting, which buf's messages use: `"a\\b"` for `a\b`.
public func q(_ s: String) -> String { GoString.quote(s) }
