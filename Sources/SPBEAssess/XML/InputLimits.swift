/// Bounds on what the loaders accept from untrusted files.
///
/// libxml2 itself refuses nesting deeper than 256 elements and text nodes over 10 MB (we never set
/// `XML_PARSE_HUGE`); these limits come on top of that.
public struct InputLimits: Sendable, Hashable {
    /// Files larger than this are refused before they are read. An OPD's evidence file is a few
    /// kilobytes; a whole rubric is well under a megabyte.
    public var maxFileBytes: Int

    public init(maxFileBytes: Int = 32 * 1024 * 1024) {
        self.maxFileBytes = min(max(0, maxFileBytes), Self.largestFile)
    }

    /// libxml2 takes a buffer's length as a C `int`: nothing larger can be parsed, so no limit
    /// above it is kept (a larger one would pass a file the parser cannot be handed).
    public static let largestFile = Int(Int32.max)

    public static let `default` = InputLimits()
}
