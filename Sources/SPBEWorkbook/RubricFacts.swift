import SPBEAssess

/// The facts of the scale floor and measured indicators (SPEC §1) that the workbooks lay out.
enum RubricFacts {
    /// Levels at or below the floor need no proof and get no criteria rows.
    static func floor(of indicator: Indicator) -> Int { indicator.floor }

    /// A measured indicator takes a value (floor … top, two decimals) instead of criteria.
    static func isMeasured(_ indicator: Indicator) -> Bool { indicator.isMeasured }

    /// The levels an indicator can be claimed at.
    static func claimable(_ indicator: Indicator) -> ClosedRange<Int> {
        max(1, floor(of: indicator))...indicator.maximumLevel
    }
}
