import SPBEAssess

/// `assess summary --format json` (keys sorted; shape in the README).
enum SummaryJSON {
    static func render(_ summary: NationalSummary, language: Language) throws -> String {
        let rubric = summary.rubric
        func statistics(_ group: GroupStatistics) -> JSONValue {
            var object: [String: JSONValue] = [
                "count": .int(group.count),
                "mean": .double(group.mean.value), "meanRounded": .double(group.mean.rounded),
                "median": .double(group.median.value), "medianRounded": .double(group.median.rounded),
                "predicates": .array(zip(rubric.predicates, group.predicateCounts).map { predicate, count in
                    ["predicate": .string(predicate.label.text(in: language)), "count": .int(count)]
                }),
            ]
            if !group.name.isEmpty { object["province"] = .string(group.name) }
            return .object(object)
        }
        let instansi: [JSONValue] = summary.instansi.map { result in
            var object: [String: JSONValue] = [
                "id": .string(result.id), "name": .string(result.name), "province": .string(result.province),
                "index": .double(result.index.value), "indexRounded": .double(result.index.rounded),
                "predicate": .string(result.predicate.label.text(in: language)),
            ]
            switch result.source {
            case .file(let path):
                object["source"] = "file"
                object["file"] = .string(path)
            case .aggregated(let count):
                object["source"] = "aggregated"
                object["opdFiles"] = .int(count)
            }
            return .object(object)
        }
        let value: JSONValue = [
            "rubric": ["id": .string(rubric.id), "version": .string(rubric.version)],
            "period": .string(summary.period), "role": .string(summary.role.rawValue),
            "otherRoleFiles": .array(summary.otherRoleFiles.map { .string($0) }),
            "files": .int(summary.fileCount),
            "invalidFiles": .int(summary.invalidFiles.count),
            "national": statistics(summary.national),
            "provinces": .array(summary.provinces.map(statistics)),
            "weakestIndicators": .array(summary.weakest.map { indicator in
                ["id": .string(indicator.indicatorID),
                 "title": .string(rubric.indicator(indicator.indicatorID)?.title.text(in: language) ?? ""),
                 "meanLevel": .double(indicator.meanLevel), "instansi": .int(indicator.instansiCount)]
            }),
            "instansi": .array(instansi),
            "invalid": .array((summary.invalidFiles.flatMap(\.diagnostics) + summary.aggregationProblems).map { diagnostic in
                ["file": .string(diagnostic.file), "line": .optional(diagnostic.line), "column": .optional(diagnostic.column),
                 "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message)]
            }),
        ]
        return value.rendered()
    }
}
