import Foundation
import SPBEAssess

extension RubricOptions {
    /// The trend of `cards`, crossing rubric changes through the given crosswalk files or the
    /// catalog's `crosswalk-FROM-TO.xml`: what `trend` and `report` share.
    func trend(of cards: [Scorecard], crosswalks paths: [String]) throws(LoadError) -> Trend {
        let catalog = catalog()
        var given: [Crosswalk] = []
        for path in paths { given.append(try catalog.crosswalk(catalog.crosswalkLoader().open(path: path))) }
        return try TrendBuilder.build(cards) { (source: String, target: String) throws(LoadError) -> Crosswalk? in
            if let match = given.first(where: { $0.sourceRubricID == source && $0.targetRubricID == target }) { return match }
            guard FileManager.default.fileExists(atPath: catalog.defaultCrosswalkPath(from: source, to: target)) else { return nil }
            return try catalog.crosswalk(from: source, to: target)
        }
    }
}
