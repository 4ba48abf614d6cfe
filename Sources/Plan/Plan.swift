/// Generation planning, execution and the incremental writer.
import Config
import Proto
import Backends
