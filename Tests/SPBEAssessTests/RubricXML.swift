/// Small rubrics for tests, written out so each test shows exactly what it feeds the loader.
enum RubricXML {
    /// A rubric without domains: one aspect, indicators X1, X2, … with the given weights, a
    /// two-level scale, one criterion per level.
    static func mini(weights: [String], normalize: Bool = false, extraIndicatorXML: String = "",
                     predicates: String = #"<predicate from="0"><label xml:lang="id">Kurang</label></predicate><predicate from="1.5"><label xml:lang="id">Baik</label></predicate>"#) -> String {
        let indicators = weights.enumerated().map { offset, weight in
            let id = "X\(offset + 1)"
            return """
                <indicator id="\(id)" weight="\(weight)" scale="dua">
                  <title xml:lang="id">Indikator \(id)</title>
                  <level value="1"><criterion id="\(id).L1.a"><text xml:lang="id">Ada rancangan.</text></criterion></level>
                  <level value="2"><criterion id="\(id).L2.a"><text xml:lang="id">Sudah ditetapkan.</text></criterion></level>
                </indicator>
            """
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rubric xmlns="urn:spbe-assess:rubric:1" id="mini" version="1"\(normalize ? " normalize=\"true\"" : "")>
          <title xml:lang="id">Rubrik kecil</title>
          <scale id="dua">
            <level value="1"><label xml:lang="id">Satu</label></level>
            <level value="2"><label xml:lang="id">Dua</label></level>
          </scale>
          \(predicates)
          <aspect id="A1">
            <title xml:lang="id">Aspek satu</title>
        \(indicators)
        \(extraIndicatorXML)
          </aspect>
        </rubric>
        """
    }
}
