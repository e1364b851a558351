import Foundation
import Testing
@testable import SPBEAssess

/// fixtures/hostile/: files an inspectorate may be handed that it did not write. Each is
/// refused (or, for the encodings XML allows, accepted) with the right kind of message, and none
/// makes the tool read a file or reach an address it was not given.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    static let secret = "RAHASIA-JANGAN-BOCOR"  // fixtures/hostile/secret/secret.txt

    static let catalogue: [(file: String, code: Diagnostic.Code?)] = [
        ("billion-laughs.xml", .doctypeRefused), ("quadratic-blowup.xml", .doctypeRefused),
        ("xxe-file.xml", .doctypeRefused), ("xxe-http.xml", .doctypeRefused),
        ("external-dtd.xml", .doctypeRefused), ("parameter-entity.xml", .doctypeRefused),
        ("xinclude.xml", .schemaViolation), ("deep-nesting.xml", .malformedXML),
        ("invalid-utf8.xml", .malformedXML), ("truncated.xml", .malformedXML), ("empty.xml", .emptyFile),
        ("bukti.pdf.xml", .malformedXML), ("wrong-namespace.xml", .wrongRoot), ("wrong-root.xml", .wrongRoot),
        ("level-zero.xml", .levelOutOfRange), ("level-six.xml", .levelOutOfRange),
        ("level-negative.xml", .levelOutOfRange), ("level-word.xml", .schemaViolation),
        ("duplicate-ids.xml", .duplicateIdentifier), ("unknown-ids.xml", .unknownReference),
        ("criterion-under-other-indicator.xml", .criterionOutOfPlace), ("undeclared-document.xml", .undeclaredDocument),
        ("date-not-a-date.xml", .schemaViolation), ("rubric-weight-nan.xml", .schemaViolation),
        ("rubric-weight-infinite.xml", .schemaViolation), ("rubric-weight-negative.xml", .schemaViolation),
        ("rubric-weights-not-100.xml", .weightsDoNotSum),
        // Encodings that could hide markup from the checks before the parse.
        ("utf7.xml", .malformedXML), ("utf16-declares-latin1.xml", .malformedXML),
        // A UTF-16 unit libxml2's converter rejects: its message, placed.
        ("utf16-lone-surrogate.xml", .malformedXML),
        // XML allows these encodings: they are valid evidence.
        ("utf8-bom.xml", nil), ("utf16-bom.xml", nil), ("utf16-no-bom.xml", nil),
    ]

    @Test("each catalogue entry: its message class, its exit code, and no secret read",
          arguments: catalogue.map(\.file))
    func entry(file: String) throws {
        let expected = Self.catalogue.first { $0.file == file }!.code
        let path = "fixtures/hostile/\(file)"
        let outcome = Repo.withCatalog { FileValidator(catalog: $0).validate(path: Repo.path(path)) }
        #expect(outcome.diagnostics.first?.code == expected)
        let result = try CLI.run("validate", path)
        #expect(result.status == (expected == nil ? 0 : 1))
        #expect(!(result.stdout + result.stderr).contains(Self.secret))
        if expected != nil {
            #expect(result.stderr.contains("\(path):"))
            #expect(!result.stderr.contains("XML_PARSE_HUGE"))  // no advice to switch safety off
        }
    }

    @Test("the files XML allows in UTF-16 and with a BOM score like their UTF-8 twin")
    func encodingsScoreAlike() throws {
        let results = try ["utf8-bom.xml", "utf16-bom.xml", "utf16-no-bom.xml"].map {
            try CLI.run("score", "--format", "json", "fixtures/hostile/\($0)").stdout
                .replacingOccurrences(of: $0, with: "FILE")
        }
        #expect(results[0] == results[1] && results[1] == results[2])
        #expect(results[0].contains("\"claimed\" : 1"))
    }

    /// A listener on a loopback port the external entity names: the run must never connect.
    @Test("an http external entity never reaches the network")
    func noNetwork() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(listener, raw, length) == 0, listen(listener, 4) == 0,
                      getsockname(listener, raw, &length) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
        }
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)
        let port = UInt16(bigEndian: address.sin_port)
        let scratch = try Scratch()
        let xml = try String(contentsOfFile: Repo.path("fixtures/hostile/xxe-http.xml"), encoding: .utf8)
            .replacingOccurrences(of: "127.0.0.1:9", with: "127.0.0.1:\(port)")
        let path = try scratch.write("xxe.xml", xml)
        #expect(try CLI.run("score", path).status == 1)
        #expect(try CLI.run("validate", path).status == 1)
        #expect(accept(listener, nil, nil) == -1)  // nobody knocked
    }

    @Test("a 200 MB file is refused by size before it is read")
    func hugeFile() throws {
        let scratch = try Scratch()
        let path = scratch.path("besar.xml")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<assessment>".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: costs no disk
        try handle.close()
        let result = try CLI.run("validate", path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("more than the limit of 33554432"))
    }

    /// libxml2 2.9 parsing from memory does not cap one text node; the file-size limit does.
    @Test("a 12 MB note within a raised size limit is read whole, and refused under the default")
    func hugeTextNode() throws {
        let scratch = try Scratch()
        let header = "<?xml version=\"1.0\"?>\n<assessment xmlns=\"urn:spbe-assess:evidence:1\" rubric=\"spbe-2020\" period=\"2024\" role=\"self\">\n  <unit id=\"u\" kind=\"opd\">U</unit>\n  <answer indicator=\"I01\"><note>"
        let path = try scratch.write("teks.xml", header + String(repeating: "a", count: 12_000_000) + "</note></answer>\n</assessment>\n")
        #expect(try CLI.run("validate", "--max-file-bytes", "64000000", path).status == 0)
        let refused = try CLI.run("validate", "--max-file-bytes", "10000000", path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("more than the limit of 10000000"))
    }

    @Test("a symlink loop in a scanned directory is reported and the other files still checked")
    func symlinkLoop() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("loop.xml"), withDestinationPath: scratch.path("loop.xml"))
        try FileManager.default.copyItem(atPath: Repo.path("fixtures/kab-ketapang-2024/bappeda.xml"), toPath: scratch.path("bappeda.xml"))
        let result = try CLI.run("validate", scratch.url.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("loop.xml: error: cannot read file: Too many levels of symbolic links"))
        #expect(result.stdout.contains("bappeda.xml: ok"))
    }

    /// Root reads every file, so the tool runs as nobody (``Privileges``) to meet a file it may not read.
    @Test("an unreadable file is reported", .enabled(if: Privileges.canDrop, Privileges.reason))
    func unreadable() throws {
        let scratch = try Scratch()
        let path = try scratch.write("tertutup.xml", "<x/>")
        chmod(path, 0)
        let result = try Privileges.runAsNobody(["validate", path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(path): error: cannot read file: Permission denied\n1 invalid input\n")
    }
}
