/// The default effort of a level step, when neither the rubric (`effort` on a level) nor an
/// effort file says otherwise: the first step above the floor costs 1 and each further step
/// twice the one before. On SPBE 2020's 1…5 scales (floor 1): reaching 2 costs 1, 3 costs 2,
/// 4 costs 4 and 5 costs 8, so taking an indicator from 1 to 5 (15) costs as much as fifteen
/// first steps elsewhere: a plan prefers broad early steps to one indicator pushed to the top,
/// as an evaluation cycle can deliver.
public enum EffortModel {
    /// The effort of reaching `level` from the level below, on a scale whose floor is `floor`;
    /// 0 at or below the floor (nothing to prove).
    public static func effort(ofLevel level: Int, floor: Int) -> ExactDecimal {
        let step = level - floor
        guard step >= 1 else { return .zero }
        return ExactDecimal(1 << min(step - 1, 30))
    }
}
