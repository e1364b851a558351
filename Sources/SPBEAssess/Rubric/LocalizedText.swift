/// A language for fixed text and rubric labels. Indonesian is the default and always present.
public enum Language: String, Sendable, CaseIterable {
    case id, en
}

/// Text in one or more languages, keyed by `xml:lang`; Indonesian (`id`) is always present in a
/// loaded rubric.
public struct LocalizedText: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    public init(id: String, en: String? = nil) {
        values = ["id": id]
        if let en { values["en"] = en }
    }

    /// The text in `language`, falling back to Indonesian, then to any text there is.
    public func text(in language: Language) -> String {
        values[language.rawValue] ?? values[Language.id.rawValue] ?? values.values.sorted().first ?? ""
    }

    public var isEmpty: Bool { values.isEmpty }
}
