import Crypto
import Foundation
import Testing
@testable import SPBEAssess

@Suite("Streaming SHA-256")
struct SHA256Tests {
    static func digest(_ text: String) -> String {
        DocumentFolder.hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf" example values) and the empty message.
    @Test func nistVectors() {
        #expect(Self.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// One million 'a', fed in uneven chunks that straddle block boundaries.
    @Test func millionAInChunks() {
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 777)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, chunk.count)
            hash.update(data: chunk[0..<n])
            left -= n
        }
        #expect(DocumentFolder.hex(hash.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The fixture's bukti files, against `sha256sum`, through the file streamer with a tiny chunk.
    @Test(arguments: [
        ("bukti/sk-tim-2024.txt", "0b73953cfd9bef8e25237df37d81437b7e5cf7dcbb1065cb7d3bd584d6efc499"),
        ("bukti/notulen-2024.txt", "5e0e63cbc31e43e509cc3c64a698d7d57de5ab670a0b110f45aa5abaf382f88b"),
        ("bukti/perbup-arsitektur-2023.txt", "31ea2d2b45be4308508f49a751158e12fae482a4d9b1d1ebe07fb777dd1520ae"),
    ])
    func fixtureFiles(href: String, expected: String) throws {
        let path = Repo.path("fixtures/evidence-checks/" + href)
        #expect(try DocumentFolder.sha256(ofFile: path, chunkSize: 5) == expected)
        #expect(try DocumentFolder(path: Repo.path("fixtures/evidence-checks")).digest(of: href) == .found(sha256: expected))
    }
}
