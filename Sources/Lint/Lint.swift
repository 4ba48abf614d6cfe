/// Lint and breaking-change rules over Images.
import Proto
