/// Bounds on what the workbook reader accepts, against ZIP bombs and runaway sheets.
///
/// A filled OPD workbook is tens of kilobytes: a few dozen parts, sheets of a few hundred rows.
/// The limits leave two orders of magnitude of room and still stop a bomb before it is inflated:
/// every entry is inflated in chunks, counting, and refused the moment it passes a bound, whatever
/// its header claims.
public struct WorkbookLimits: Sendable, Hashable {
    /// Entries in the archive (a workbook has about ten).
    public var maxEntries: Int
    /// Inflated bytes of one entry.
    public var maxEntryBytes: Int
    /// Inflated bytes of all entries read together.
    public var maxTotalBytes: Int
    /// Inflated ÷ compressed bytes, checked once an entry passes `ratioCheckFrom` bytes (small
    /// parts compress little, so the ratio says nothing about them). Sheet XML compresses about
    /// 10–30 to 1; deflate's own ceiling is about 1032 to 1, which bombs approach.
    public var maxRatio: Int
    public var ratioCheckFrom: Int
    /// Rows of a sheet; a template has one row per criterion (SPBE 2020: 470 in all).
    public var maxRows: Int

    public init(maxEntries: Int = 1000, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 256 << 20,
                maxRatio: Int = 200, ratioCheckFrom: Int = 1 << 20, maxRows: Int = 10_000) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioCheckFrom = ratioCheckFrom
        self.maxRows = maxRows
    }

    public static let `default` = WorkbookLimits()
}
