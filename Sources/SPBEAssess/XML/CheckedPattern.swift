/// XSD patterns (and the length limit beside one) the streaming evidence reader checks itself
/// instead of leaving them to libxml2.
///
/// libxml2 runs a pattern with character classes through its backtracking automaton, one state
/// list per character: over 200 dense evidence files, xmllint executes 997 M instructions with
/// evidence.xsd and 640 M with these two patterns taken out — a third of all validation, for a
/// check that is a byte-class test. Hand-written for that reason only, and kept safe three ways:
/// - only the streaming reader's copy of the schema goes without them, and only a pattern whose
///   value is exactly ``expression`` is taken out (``XMLSchema/init(path:removing:)``), so an
///   edited schema keeps its own pattern;
/// - the test here may be stricter than the pattern, never looser: a file with a value it refuses
///   is read again by the DOM loader against the full schema, which decides and words the error;
/// - tests compare it with libxml2's verdict on the full schema, value by value.
public enum CheckedPattern: CaseIterable, Sendable {
    /// `Identifier` (`[A-Za-z0-9][A-Za-z0-9._\-]*`): ids of rubrics, units, indicators,
    /// criteria and documents, alone or in a space-separated list.
    case identifier
    /// `SHA256` (`[0-9a-fA-F]{64}`): a document's digest.
    case sha256

    /// The simple type in evidence.xsd whose pattern this is.
    var typeName: String {
        switch self {
        case .identifier: "Identifier"
        case .sha256: "SHA256"
        }
    }

    /// The `maxLength` evidence.xsd gives the type beside the pattern, checked here with it.
    var maxLength: Int? {
        switch self {
        case .identifier: 64
        case .sha256: nil
        }
    }

    /// The pattern exactly as evidence.xsd writes it.
    var expression: String {
        switch self {
        case .identifier: #"[A-Za-z0-9][A-Za-z0-9._\-]*"#
        case .sha256: "[0-9a-fA-F]{64}"
        }
    }

    /// Whether the pattern (and ``maxLength``) accepts `value`, an attribute value with white space already
    /// collapsed (as XSD collapses an `xs:token` before matching); with `list`, whether it
    /// accepts every item of a space-separated list (an `xs:list`; an empty list has no item to
    /// refuse).
    func accepts(_ value: String, list: Bool = false) -> Bool {
        var value = value
        return value.withUTF8 { accepts($0, list: list) }
    }

    /// The same on a value's UTF-8 bytes. Bytes it accepts need no collapsing: they hold no white
    /// space but single spaces between list items.
    func accepts(_ bytes: UnsafeBufferPointer<UInt8>, list: Bool = false) -> Bool {
        guard list else { return accepts(item: bytes) }
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
            guard end > start || bytes.isEmpty, bytes.isEmpty || accepts(item: UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
                return false
            }
            start = end + 1
        }
        return true
    }

    private func accepts(item bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .identifier:
            // The pattern admits only ASCII, so bytes are characters for the length.
            guard bytes.count <= maxLength ?? .max, let first = bytes.first, Self.isAlphanumeric(first) else { return false }
            return bytes.dropFirst().allSatisfy(Self.isIdentifierByte)
        case .sha256:
            return bytes.count == 64 && bytes.allSatisfy(Self.isHexDigit)
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}
