/// Loads a rubric from XML: safe parse, XSD validation, then the checks a schema cannot express.
///
/// ```swift
/// let loader = RubricLoader(schema: try XMLSchema(path: "rubrics/rubric.xsd"))
/// let rubric = try loader.load(path: "rubrics/spbe-2020.xml")
/// ```
/// Every problem is collected and thrown together in a ``LoadError``.
public struct RubricLoader: Sendable {
    public let schema: XMLSchema
    public var limits: InputLimits

    /// Weights must sum to 100 within this tolerance unless the rubric says `normalize="true"`.
    public static let weightTolerance = ExactDecimal(millionths: 1_000)
    public static let requiredWeightTotal = ExactDecimal(100)

    public init(schema: XMLSchema, limits: InputLimits = .default) {
        self.schema = schema
        self.limits = limits
    }

    public func load(path: String) throws(LoadError) -> Rubric {
        try load(document: XMLDocument.parse(InputFile.load(path, limits: limits)))
    }

    /// Loads a rubric from bytes already in memory; `path` names it in diagnostics.
    public func load(bytes: [UInt8], path: String) throws(LoadError) -> Rubric {
        guard bytes.count <= limits.maxFileBytes else {
            throw LoadError([Diagnostic(.tooLarge, file: path, id: "melebihi batas \(limits.maxFileBytes) bita",
                                        en: "more than the limit of \(limits.maxFileBytes) bytes")])
        }
        return try load(document: XMLDocument.parse(SourceText(path: path, bytes: bytes)))
    }

    func load(document: XMLDocument) throws(LoadError) -> Rubric {
        let root = try document.validatedRoot(.rubric, schema: schema)
        var builder = RubricBuilder()
        let rubric = builder.build(root)
        guard builder.problems.isEmpty, let rubric else { throw LoadError(builder.problems.sortedByPosition()) }
        return rubric
    }
}

/// Walks a schema-valid rubric element tree into a ``Rubric``, recording every semantic problem.
private struct RubricBuilder {
    var problems: [Diagnostic] = []
    private var scales: [String: Scale] = [:]
    private var pillarIDs: Set<String> = []
    private var seen: [String: Set<String>] = [:]
    private var criterionIDs: Set<String> = []
    private var defaultAggregation = Aggregation.responsible

    mutating func build(_ root: XMLElement) -> Rubric? {
        let title = root.localizedText("title", into: &problems)
        let normalize = ["true", "1"].contains(root.attribute("normalize") ?? "false")
        defaultAggregation = root.attribute("aggregate").flatMap(Aggregation.init(rawValue:)) ?? .responsible

        var scaleList: [Scale] = []
        for element in root.children(named: "scale") {
            guard let scale = readScale(element) else { continue }
            scales[scale.id] = scale
            scaleList.append(scale)
        }
        let predicates = readPredicates(root.children(named: "predicate"))
        var pillars: [Pillar] = []
        for element in root.children(named: "pillar") {
            let id = element.attribute("id") ?? ""
            guard unique(id, kind: "pillar", at: element) else { continue }
            pillarIDs.insert(id)
            pillars.append(Pillar(id: id, title: element.localizedText("title", into: &problems)))
        }

        var domains: [Domain] = []
        var aspects: [Aspect] = []
        var indicators: [Indicator] = []
        for element in root.children where element.name == "domain" || element.name == "aspect" {
            if element.name == "aspect" {
                readAspect(element, domainID: nil, into: &aspects, &indicators)
                continue
            }
            let id = element.attribute("id") ?? ""
            let before = aspects.count
            for aspect in element.children(named: "aspect") {
                readAspect(aspect, domainID: id, into: &aspects, &indicators)
            }
            if unique(id, kind: "domain", at: element) {
                domains.append(Domain(id: id, title: element.localizedText("title", into: &problems),
                                      aspectIDs: aspects[before...].map(\.id)))
            }
        }
        // A total over indicators that failed to load would only mislead.
        if problems.isEmpty { checkTotalWeight(indicators, normalize: normalize, at: root) }

        guard problems.isEmpty, !predicates.isEmpty else { return nil }
        return Rubric(id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", title: title,
                      normalize: normalize, aggregation: defaultAggregation, scales: scaleList, predicates: predicates, pillars: pillars,
                      domains: domains, aspects: aspects, indicators: indicators)
    }

    /// Records a duplicate; true when `id` is new among ids of `kind`.
    private mutating func unique(_ id: String, kind: String, at element: XMLElement) -> Bool {
        if seen[kind, default: []].insert(id).inserted { return true }
        let noun = ["pillar": "pilar", "domain": "domain", "scale": "skala", "aspect": "aspek", "indicator": "indikator"][kind] ?? kind
        problems.append(element.diagnostic(.duplicateIdentifier, attribute: "id",
                                           id: "id \(noun) '\(id)' ganda", en: "duplicate \(kind) id '\(id)'"))
        return false
    }

    private mutating func readScale(_ element: XMLElement) -> Scale? {
        let id = element.attribute("id") ?? ""
        guard unique(id, kind: "scale", at: element) else { return nil }
        var levels: [Scale.Level] = []
        for (offset, level) in element.children(named: "level").enumerated() {
            let value = Int(level.attribute("value") ?? "") ?? 0
            guard value == offset + 1 else {
                problems.append(level.diagnostic(.levelOutOfRange, attribute: "value",
                    id: "level \(level.attribute("value") ?? "?") skala '\(id)' tidak berurutan: level berjalan 1, 2, 3 … tanpa celah, jadi level ini harus \(offset + 1)",
                    en: "scale '\(id)' level \(level.attribute("value") ?? "?") is out of order: levels run 1, 2, 3 … without gaps, so this must be \(offset + 1)"))
                return nil
            }
            levels.append(Scale.Level(value: value, label: level.localizedText("label", into: &problems)))
        }
        guard levels.count <= 9 else {
            problems.append(element.diagnostic(.levelOutOfRange,
                id: "skala '\(id)' memiliki \(levels.count) level; paling banyak 9 level yang didukung",
                en: "scale '\(id)' has \(levels.count) levels; at most 9 are supported"))
            return nil
        }
        // The schema makes it a non-negative integer; a floor at the top would leave nothing to assess.
        let floorText = (element.attribute("floor") ?? "0").trimmingSpaces
        guard let floor = Int(floorText), floor >= 0, floor < levels.count else {
            problems.append(element.diagnostic(.levelOutOfRange, attribute: "floor",
                id: "floor=\"\(floorText)\" skala '\(id)' harus berada di dalam skala, dari 0 sampai \(levels.count - 1) (level terendah di bawah level tertinggi \(levels.count))",
                en: "floor=\"\(floorText)\" of scale '\(id)' must lie within the scale, from 0 to \(levels.count - 1) (a starting level below its top level \(levels.count))"))
            return nil
        }
        return Scale(id: id, title: element.localizedText("title", required: false, into: &problems), levels: levels, floor: floor)
    }

    private mutating func readPredicates(_ elements: [XMLElement]) -> [Predicate] {
        var predicates: [Predicate] = []
        for element in elements {
            guard let threshold = decimal(element, "from") else { continue }
            if let previous = predicates.last, threshold <= previous.threshold {
                problems.append(element.diagnostic(.predicatesNotAscending, attribute: "from",
                    id: "ambang predikat harus naik: \(threshold) muncul setelah \(previous.threshold)",
                    en: "predicate thresholds must ascend: \(threshold) follows \(previous.threshold)"))
            }
            predicates.append(Predicate(threshold: threshold, label: element.localizedText("label", into: &problems),
                                        description: element.localizedText("description", required: false, into: &problems)))
        }
        return predicates
    }

    private mutating func readAspect(_ element: XMLElement, domainID: String?,
                                     into aspects: inout [Aspect], _ indicators: inout [Indicator]) {
        let id = element.attribute("id") ?? ""
        let title = element.localizedText("title", into: &problems)
        var ids: [String] = []
        for child in element.children(named: "indicator") {
            if let indicator = readIndicator(child, aspectID: id, domainID: domainID) {
                indicators.append(indicator)
                ids.append(indicator.id)
            }
        }
        if unique(id, kind: "aspect", at: element) {
            aspects.append(Aspect(id: id, title: title, domainID: domainID, indicatorIDs: ids))
        }
    }

    private mutating func readIndicator(_ element: XMLElement, aspectID: String, domainID: String?) -> Indicator? {
        let id = element.attribute("id") ?? ""
        let title = element.localizedText("title", into: &problems)
        let weight = decimal(element, "weight")
        let scaleID = element.attribute("scale") ?? ""
        let scale = scales[scaleID]
        if scale == nil {
            let declared = scales.keys.sorted().joined(separator: ", ")
            problems.append(element.diagnostic(.unknownReference, attribute: "scale",
                id: "indikator \(id) menyebut skala '\(scaleID)', yang tidak dideklarasikan rubrik ini (yang dideklarasikan: \(declared))",
                en: "indicator \(id) names scale '\(scaleID)', which this rubric does not declare (declared: \(declared))"))
        }
        let pillars = (element.attribute("pillar") ?? "").split(separator: " ").map(String.init)
        for pillar in pillars where !pillarIDs.contains(pillar) {
            problems.append(element.diagnostic(.unknownReference, attribute: "pillar",
                id: "indikator \(id) menyebut pilar '\(pillar)', yang tidak dideklarasikan rubrik ini",
                en: "indicator \(id) names pillar '\(pillar)', which this rubric does not declare"))
        }
        let measure = Indicator.Measure(rawValue: (element.attribute("measure") ?? "criteria").trimmingSpaces) ?? .criteria
        let levels = readLevels(element, indicatorID: id, scale: scale, measure: measure)
        let description = element.localizedText("description", required: false, into: &problems)
        guard unique(id, kind: "indicator", at: element), let weight, let levels, let scale else { return nil }
        return Indicator(id: id, title: title, weight: weight, scaleID: scaleID, pillarIDs: pillars,
                         owners: (element.attribute("owners") ?? "").split(separator: " ").map(String.init),
                         aggregation: element.attribute("aggregate").flatMap(Aggregation.init(rawValue:)) ?? defaultAggregation,
                         aspectID: aspectID, domainID: domainID, levels: levels, floor: scale.floor,
                         measure: measure, description: description)
    }

    /// Levels 1…N of the indicator's scale, each with criteria whose ids name this indicator.
    private mutating func readLevels(_ element: XMLElement, indicatorID: String, scale: Scale?,
                                     measure: Indicator.Measure) -> [Indicator.Level]? {
        var levels: [Indicator.Level] = []
        var complete = true
        for (offset, level) in element.children(named: "level").enumerated() {
            let value = Int(level.attribute("value") ?? "") ?? 0
            if value != offset + 1 {
                problems.append(level.diagnostic(.levelOutOfRange, attribute: "value",
                    id: "indikator \(indicatorID): level \(level.attribute("value") ?? "?") tidak berurutan; level berjalan 1, 2, 3 … jadi level ini harus level \(offset + 1)",
                    en: "indicator \(indicatorID): level \(level.attribute("value") ?? "?") is out of order; levels run 1, 2, 3 … so this must be level \(offset + 1)"))
                complete = false
                continue
            }
            var criteria: [Criterion] = []
            for criterion in level.children(named: "criterion") {
                let id = criterion.attribute("id") ?? ""
                checkPlacement(of: id, indicatorID: indicatorID, level: value, at: criterion)
                if !criterionIDs.insert(id).inserted {
                    problems.append(criterion.diagnostic(.duplicateIdentifier, attribute: "id",
                                                        id: "id kriteria '\(id)' ganda", en: "duplicate criterion id '\(id)'"))
                }
                criteria.append(Criterion(id: id, text: criterion.localizedText("text", into: &problems)))
            }
            // Above the floor a ladder level is reached by proving its criteria, so it needs some.
            if criteria.isEmpty, measure == .criteria, let scale, value > scale.floor {
                problems.append(level.diagnostic(.incompleteLevels, attribute: "value",
                    id: "indikator \(indicatorID): level \(value) di atas level terendah (\(scale.floor)) memerlukan sekurang-kurangnya satu <criterion>",
                    en: "indicator \(indicatorID): level \(value) is above the floor (\(scale.floor)) and needs at least one <criterion>"))
                complete = false
            }
            // Without a stated effort, the default model: each step above the floor costs twice
            // the one before (EffortModel).
            let defaultEffort = EffortModel.effort(ofLevel: value, floor: scale?.floor ?? 0)
            let effort = level.attribute("effort") == nil ? defaultEffort : decimal(level, "effort")
            levels.append(Indicator.Level(value: value, criteria: criteria,
                                          description: level.localizedText("description", required: false, into: &problems),
                                          guidance: level.localizedText("guidance", required: false, into: &problems),
                                          effort: effort ?? defaultEffort))
        }
        if let scale, complete, levels.count != scale.maximum {
            problems.append(element.diagnostic(.incompleteLevels,
                id: "indikator \(indicatorID) mendefinisikan level 1–\(levels.count), tetapi skalanya '\(scale.id)' memiliki level 1–\(scale.maximum); berikan setiap level skala tersebut",
                en: "indicator \(indicatorID) defines levels 1–\(levels.count), but its scale '\(scale.id)' has levels 1–\(scale.maximum); give every level of the scale"))
            complete = false
        }
        return complete ? levels : nil
    }

    /// Criterion ids start with their indicator's id (`I01.…`); one written as `I01.L3.x` must
    /// sit in level 3. A criterion copied under the wrong indicator or level is a classic
    /// copy-paste slip that would silently change scores.
    private mutating func checkPlacement(of id: String, indicatorID: String, level: Int, at element: XMLElement) {
        guard id.hasPrefix(indicatorID + ".") else {
            problems.append(element.diagnostic(.criterionOutOfPlace, attribute: "id",
                id: "kriteria '\(id)' berada di bawah indikator \(indicatorID); id-nya harus diawali '\(indicatorID).'",
                en: "criterion '\(id)' is under indicator \(indicatorID); its id must start with '\(indicatorID).'"))
            return
        }
        let parts = id.split(separator: ".")
        if parts.count >= 3, parts[1].first == "L", let written = Int(parts[1].dropFirst()), written != level {
            problems.append(element.diagnostic(.criterionOutOfPlace, attribute: "id",
                id: "kriteria '\(id)' berada di bawah level \(level), tetapi id-nya menyebut level \(written)",
                en: "criterion '\(id)' is under level \(level) but its id says level \(written)"))
        }
    }

    private mutating func decimal(_ element: XMLElement, _ attribute: String) -> ExactDecimal? {
        let text = (element.attribute(attribute) ?? "").trimmingSpaces
        if let value = ExactDecimal(parsing: text) { return value }
        problems.append(element.diagnostic(.invalidDecimal, attribute: attribute,
            id: "\(attribute)=\"\(text)\" bukan bilangan desimal yang dapat dipakai: tulis bilangan tidak negatif dengan paling banyak enam angka desimal dan paling besar \(ExactDecimal.maximum)",
            en: "\(attribute)=\"\(text)\" is not a usable decimal: write a non-negative number with at most six decimals and at most \(ExactDecimal.maximum)"))
        return nil
    }

    private mutating func checkTotalWeight(_ indicators: [Indicator], normalize: Bool, at root: XMLElement) {
        guard !indicators.isEmpty else { return }
        let total = indicators.reduce(ExactDecimal.zero) { $0 + $1.weight }
        if total > ExactDecimal.maximum {
            problems.append(root.diagnostic(.weightsDoNotSum,
                id: "jumlah bobot indikator \(total), melebihi batas yang didukung \(ExactDecimal.maximum)",
                en: "indicator weights sum to \(total), more than the supported \(ExactDecimal.maximum)"))
        } else if normalize {
            if total == .zero {
                problems.append(root.diagnostic(.weightsDoNotSum,
                    id: "jumlah bobot indikator 0: tidak ada yang dapat dinilai", en: "indicator weights sum to 0: nothing can be scored"))
            }
        } else {
            let gap = total > RubricLoader.requiredWeightTotal ? total - RubricLoader.requiredWeightTotal : RubricLoader.requiredWeightTotal - total
            if gap > RubricLoader.weightTolerance {
                problems.append(root.diagnostic(.weightsDoNotSum,
                    id: "jumlah bobot indikator \(total), bukan 100; perbaiki bobotnya, atau tambahkan normalize=\"true\" pada <rubric> agar dibagi dengan jumlah sebenarnya",
                    en: "indicator weights sum to \(total), not 100; fix the weights, or add normalize=\"true\" to <rubric> to divide by their actual sum"))
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        // Fast path, for the common case of nothing to trim: both ends are ASCII and not white
        // space (ASCII white space for `Character.isWhitespace`: U+0009–U+000D and U+0020).
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
        if let first = utf8.first, let last = utf8.last, plain(first), plain(last) { return self }
        return String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
