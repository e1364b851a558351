/// XSD patterns the streaming evidence reader checks itself instead of leaving them to libxml2.
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

    /// The pattern exactly as evidence.xsd writes it.
    var expression: String {
        switch self {
        case .identifier: #"[A-Za-z0-9][A-Za-z0-9._\-]*"#
        case .sha256: "[0-9a-fA-F]{64}"
        }
    }

    /// Whether the pattern accepts `value`, an attribute value with white space already
    /// collapsed (as XSD collapses an `xs:token` before matching).
    func accepts(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            switch self {
            case .identifier:
                guard let first = bytes.first, Self.isAlphanumeric(first) else { return false }
                return bytes.dropFirst().allSatisfy(Self.isIdentifierByte)
            case .sha256:
                return bytes.count == 64 && bytes.allSatisfy(Self.isHexDigit)
            }
        }
    }

    /// Whether every item of a space-separated list (an `xs:list` of `Identifier`, collapsed)
    /// is an identifier; an empty list has no item to refuse.
    static func acceptsIdentifiers(_ list: String) -> Bool {
        var list = list
        return list.withUTF8 { bytes in
            var atItemStart = true
            for byte in bytes {
                if byte == UInt8(ascii: " ") {
                    if atItemStart { return false }
                    atItemStart = true
                } else if atItemStart {
                    guard isAlphanumeric(byte) else { return false }
                    atItemStart = false
                } else if !isIdentifierByte(byte) {
                    return false
                }
            }
            return bytes.isEmpty || !atItemStart
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
