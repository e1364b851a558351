import Foundation
import SPBEAssess

/// A JSON tree for reports whose shape is easier to write than to declare as Codable types:
/// nulls stay explicit, and keys are sorted on output so runs are byte-for-byte reproducible.
enum JSONValue: Encodable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    func rendered() -> String {
        var json = JSONWriter()
        write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self) + "\n"
    }

    /// Keys in byte order, as `JSONEncoder`'s `.sortedKeys` writes them.
    func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .int(let value): json.number(value)
        case .double(let value): json.number(value)
        case .string(let value): json.string(value)
        case .array(let values):
            json.beginArray()
            for value in values { value.write(to: &json) }
            json.endArray()
        case .object(let members):
            json.beginObject()
            for (key, value) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                json.key(named: key)
                value.write(to: &json)
            }
            json.endObject()
        }
    }
}

extension EvidenceFinding {
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(kind.rawValue), "file": .string(location.file), "line": .int(location.line),
            "column": .optional(location.column), "message": .string(message(in: .en)),
        ]
        if let indicatorID { object["indicator"] = .string(indicatorID) }
        if let criterionID { object["criterion"] = .string(criterionID) }
        if let documentID { object["document"] = .string(documentID) }
        if let detail { object["detail"] = .string(detail) }
        return .object(object)
    }
}

extension SPBEAssess.Unit {
    var json: JSONValue {
        var object: [String: JSONValue] = ["id": .string(id), "name": .string(name), "kind": .string(kind.rawValue)]
        if let instansi { object["instansi"] = .string(instansi) }
        return .object(object)
    }
}
