import SPBEAssess

/// The two facts of the scale-floor change (issue #13) the workbooks need, in one place.
///
/// MERGE: once `Indicator.floor` and `Indicator.isMeasured` exist, make these bodies
/// `indicator.floor` and `indicator.isMeasured`. Until then no rubric in this branch's model
/// carries a floor or a measure, so every level's criteria are listed and no indicator is measured.
enum RubricFacts {
    /// Levels at or below the floor need no proof and get no criteria rows.
    static func floor(of indicator: Indicator) -> Int { 0 }

    /// A measured indicator takes a value (floor … top, two decimals) instead of criteria.
    static func isMeasured(_ indicator: Indicator) -> Bool { false }

    /// The levels an indicator can be claimed at.
    static func claimable(_ indicator: Indicator) -> ClosedRange<Int> {
        max(1, floor(of: indicator))...indicator.maximumLevel
    }
}
