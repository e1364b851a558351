import Foundation
import Testing
@testable import SPBEAssess

/// The directory listing the scans read: entry kinds from `readdir`, names in sorted order,
/// hidden entries left out, and paths joined as Foundation joins them.
@Suite("Directory listing")
struct DirectoryListingTests {
    @Test("kinds, order and hidden entries, checked against what the test made")
    func kinds() throws {
        let scratch = try Scratch()
        let root = scratch.path("daftar")
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/b.xml", atomically: true, encoding: .utf8)
        try "x".write(toFile: root + "/A.xml", atomically: true, encoding: .utf8)
        try "x".write(toFile: root + "/.tersembunyi.xml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/tautan.xml", withDestinationPath: root + "/b.xml")
        #expect(mkfifo(root + "/pipa.xml", 0o600) == 0)
        let listing = try #require(DirectoryListing(root))
        #expect(listing.entries.map(\.name) == ["A.xml", "b.xml", "pipa.xml", "sub", "tautan.xml"])
        #expect(listing.entries.map(\.kind) == [.file, .file, .other, .directory, .symlink])
        #expect(listing.identity == nil)
        var info = stat()
        #expect(stat(root, &info) == 0)
        #expect(DirectoryListing(root, identified: true)?.identity == [UInt64(info.st_dev), UInt64(info.st_ino)])
        // A file or a FIFO is not a directory, and opening one as such does not block.
        #expect(DirectoryListing(root + "/b.xml") == nil && errno == ENOTDIR)
        #expect(DirectoryListing(root + "/pipa.xml") == nil && errno == ENOTDIR)
        #expect(DirectoryListing(root + "/tidak-ada") == nil && errno == ENOENT)
    }

    @Test("an entry's path is the one NSString.appendingPathComponent gives")
    func paths() {
        for directory in ["a", "a/", "a//", "/", "//", "", "./a", "a//b/", "/tmp/x/", "folder dengan spasi", "é/"] {
            #expect(DirectoryListing.path(directory, "f.xml") == (directory as NSString).appendingPathComponent("f.xml"), "\(directory)")
        }
    }
}
