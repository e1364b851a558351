import Foundation
import Testing
@testable import SPBEAssess

/// Runs `script` under /bin/sh in the repository, with `$ASSESS` the binary: for what a
/// `Process` cannot set up by itself (/dev/full, closed pipes, another user, another TMPDIR).
enum Shell {
    static func run(_ script: String, environment: [String: String] = [:]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = Repo.root
        var env = ProcessInfo.processInfo.environment
        env["ASSESS"] = CLI.binary.path
        // English messages, as the expectations are written (the CLI helper does the same).
        for key in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] { env[key] = nil }
        env["LANG"] = "en_US.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Every byte of every regular file under `directory`, by relative path: what must not change.
func snapshot(_ directory: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let name = enumerator?.nextObject() as? String {
        let path = (directory as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }
    return result
}

/// `--output` (issue #19, item 1): never an input, never a replaced FIFO or device, never a
/// trap on a failed write, never a leftover temporary file.
@Suite("Output safety", .serialized)
struct OutputSafetyTests {
    static let evidence = "fixtures/kab-ketapang-2024/bappeda.xml"

    /// A scratch copy of the rubrics and of the inputs each case reads, so a failed refusal
    /// could only damage the copy.
    final class Workspace {
        let scratch: Scratch
        init() throws {
            let scratch = try Scratch()
            try FileManager.default.copyItem(atPath: Repo.path("rubrics"), toPath: scratch.path("rubrics"))
            try FileManager.default.copyItem(atPath: Repo.path("fixtures/evidence-checks"), toPath: scratch.path("checks"))
            try FileManager.default.copyItem(atPath: Repo.path("fixtures/kab-ketapang-2024"), toPath: scratch.path("ketapang"))
            _ = try scratch.write("opd.csv", "id,name,roles\nbappeda,Bappeda,bappeda\n")
            _ = try scratch.write("targets.csv", "I01,3\n")
            _ = try scratch.write("cw.xml", try String(contentsOfFile: Repo.path("rubrics/crosswalk-spbe-2020-pemdi-2026.xml"), encoding: .utf8))
            self.scratch = scratch
        }
        func path(_ name: String) -> String { scratch.path(name) }
    }

    /// (arguments with `W/` for the workspace, the input that is also the output)
    static let inputsAsOutput: [([String], String)] = [
        (["score", "W/ketapang/bappeda.xml"], "W/rubrics/spbe-2020.xml"),
        (["score", "--rubric", "spbe-2020", "W/ketapang/bappeda.xml"], "W/rubrics/spbe-2020.xml"),
        (["score", "--rubric", "W/rubrics/spbe-2020.xml", "W/ketapang/bappeda.xml"], "W/rubrics/spbe-2020.xml"),
        (["score", "W/ketapang/bappeda.xml"], "W/rubrics/evidence.xsd"),
        (["score", "W/ketapang/bappeda.xml"], "W/ketapang/bappeda.xml"),
        (["migrate", "--to", "pemdi-2026", "W/ketapang/bappeda.xml"], "W/rubrics/pemdi-2026.xml"),
        (["migrate", "--to", "pemdi-2026", "W/ketapang/bappeda.xml"], "W/rubrics/crosswalk-spbe-2020-pemdi-2026.xml"),
        (["migrate", "--to", "pemdi-2026", "--crosswalk", "W/cw.xml", "W/ketapang/bappeda.xml"], "W/cw.xml"),
        (["report", "--format", "md", "--compare", "W/ketapang/review/asesor.xml", "W/ketapang/kab-ketapang.xml"], "W/ketapang/review/asesor.xml"),
        (["readiness", "--opds", "W/opd.csv", "W/ketapang/bappeda.xml"], "W/opd.csv"),
        (["check", "--documents", "W/checks", "W/checks/clean.xml"], "W/checks/bukti/notulen-2024.txt"),
        (["gap", "--targets", "W/targets.csv", "W/ketapang/bappeda.xml"], "W/targets.csv"),
        (["trend", "--crosswalk", "W/cw.xml", "W/ketapang/bappeda.xml"], "W/cw.xml"),
        (["summary", "W/ketapang"], "W/ketapang/setda.xml"),
        (["rubric", "show", "spbe-2020"], "W/rubrics/spbe-2020.xml"),
    ]

    @Test("an --output that is something the command reads is refused (exit 2, both paths named), nothing changed",
          arguments: inputsAsOutput.indices)
    func inputAsOutput(case index: Int) throws {
        let (arguments, output) = Self.inputsAsOutput[index]
        let workspace = try Workspace()
        let w = { (text: String) in text.replacingOccurrences(of: "W/", with: workspace.path("") + "/") }
        let before = try snapshot(workspace.path(""))
        let result = try CLI.runArray(arguments.map(w) + ["--rubrics", workspace.path("rubrics"), "--output", w(output)])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("\(w(output)): error: --output is a file this command reads ("))
        #expect(result.stdout.isEmpty)
        #expect(try snapshot(workspace.path("")) == before)
    }

    @Test("the same file by another name (a symlink, a hard link) is refused too")
    func otherNames() throws {
        let workspace = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: workspace.path("link.xml"), withDestinationPath: workspace.path("ketapang/bappeda.xml"))
        try FileManager.default.linkItem(atPath: workspace.path("rubrics/spbe-2020.xml"), toPath: workspace.path("hard.xml"))
        let before = try snapshot(workspace.path(""))
        for output in ["link.xml", "hard.xml", "ketapang/../ketapang/bappeda.xml"] {
            let result = try CLI.run("score", "--rubrics", workspace.path("rubrics"), "--output", workspace.path(output), workspace.path("ketapang/bappeda.xml"))
            #expect(result.status == 2, "\(output)")
        }
        #expect(try snapshot(workspace.path("")) == before)
    }

    @Test("a directory or a name ending in '/' is refused with exit 2, and nothing is created")
    func directories() throws {
        let scratch = try Scratch()
        for (output, message) in [(scratch.url.path, "--output names a directory"), (scratch.url.path + "/baru/", "--output must name a file, not a folder"),
                                  (scratch.url.path + "/hasil.txt/", "--output must name a file, not a folder")] {
            let result = try CLI.run("score", "--output", output, Self.evidence)
            #expect(result.status == 2)
            #expect(result.stderr.contains(message))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test("a FIFO and /dev/null are written in place, never replaced by a file")
    func specialFiles() throws {
        let scratch = try Scratch()
        let fifo = scratch.path("pipa")
        #expect(mkfifo(fifo, 0o644) == 0)
        let read = try Shell.run("cat \"$1\" > \"$1.out\" & \"$ASSESS\" score --output \"$1\" \(Self.evidence); status=$?; wait; exit $status"
                                 .replacingOccurrences(of: "$1", with: fifo))
        #expect(read.status == 0, "\(read.stderr)")
        let expected = try CLI.run("score", Self.evidence).stdout
        #expect(try String(contentsOfFile: fifo + ".out", encoding: .utf8) == expected)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try CLI.run("score", "--output", "/dev/null", Self.evidence).status == 0)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        // /dev/stdout is the descriptor itself, whatever it is connected to.
        let stdout = try CLI.run("score", "--output", "/dev/stdout", Self.evidence)
        #expect(stdout.status == 0 && stdout.stdout == expected)
        let toFile = try Shell.run("\"$ASSESS\" score --output /dev/stdout \(Self.evidence) > \(scratch.path("f.txt")) && ls -a \(scratch.url.path)")
        #expect(toFile.status == 0)
        #expect(try String(contentsOfFile: scratch.path("f.txt"), encoding: .utf8) == expected)
        #expect(!toFile.stdout.contains(".f.txt"))
    }

    @Test("write errors are one message and exit 1, never a trap",
          arguments: [("score", ""), ("score", "--format json"), ("report", "--format html"), ("gap", "--target 3"), ("rubric show spbe-2020", nil as String?)])
    func fullDisk(command: String, options: String?) throws {
        let arguments = options.map { "\(command) \($0) \(Self.evidence)" } ?? command
        let stdout = try Shell.run("\"$ASSESS\" \(arguments) > /dev/full")
        #expect(stdout.status == 1, "\(stdout.stderr)")
        #expect(stdout.stderr == "stdout: error: cannot write output: No space left on device\n")
        let file = try Shell.run("\"$ASSESS\" \(arguments) --output /dev/full")
        #expect(file.status == 1)
        #expect(file.stderr == "/dev/full: error: cannot write output: No space left on device\n")
        // With stderr full too there is nowhere to say it, but the exit code still does.
        #expect(try Shell.run("\"$ASSESS\" \(arguments) > /dev/full 2> /dev/full").status == 1)
        // A read error on stderr alone does not change a good run.
        #expect(try Shell.run("\"$ASSESS\" \(arguments) > /dev/null 2> /dev/full").status == 0)
    }

    @Test("a closed pipe ends the run with exit 1 and a message, not SIGPIPE or a trap")
    func closedPipe() throws {
        // 300 copies of a unit: far more than a pipe buffer, so the write meets the closed end.
        let result = try Shell.run("( \"$ASSESS\" score \(Array(repeating: Self.evidence, count: 300).joined(separator: " ")); echo \"status=$?\" >&2 ) | true")
        #expect(result.stderr == "stdout: error: cannot write output: Broken pipe\nstatus=1\n")
    }

    @Test("a missing folder is one message and exit 1")
    func missingFolder() throws {
        let scratch = try Scratch()
        let result = try CLI.run("score", "--output", scratch.path("tidak-ada/hasil.txt"), Self.evidence)
        #expect(result.status == 1)
        #expect(result.stderr == "\(scratch.path("tidak-ada/hasil.txt")): error: cannot write output: No such file or directory\n")
    }

    @Test("a read-only folder is one message and exit 1 (run as nobody)", .enabled(if: Privileges.canDrop, Privileges.reason))
    func readOnlyFolder() throws {
        let scratch = try Scratch()
        chmod(scratch.url.path, 0o755)  // root's; nobody may read it but not write
        let result = try Privileges.runAsNobody(["score", "--output", scratch.path("hasil.txt"), Repo.path(Self.evidence)])
        #expect(result.status == 1)
        #expect(result.stderr == "\(scratch.path("hasil.txt")): error: cannot write output: Permission denied\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test("the result replaces the old file whole; no temporary file is left and the mode is kept")
    func replaces() throws {
        let scratch = try Scratch()
        let output = try scratch.write("hasil.txt", "lama\n")
        chmod(output, 0o640)
        let result = try CLI.run("score", "--output", output, Self.evidence)
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == CLI.run("score", Self.evidence).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["hasil.txt"])
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test("score to stdout does not need $TMPDIR")
    func noTemporaryDirectory() throws {
        let expected = try CLI.run("score", Self.evidence).stdout
        for tmpdir in ["/nonexistent/folder", "/dev/full", "/proc"] {
            let result = try Shell.run("\"$ASSESS\" score \(Self.evidence)", environment: ["TMPDIR": tmpdir])
            #expect(result.status == 0)
            #expect(result.stdout == expected)
        }
    }

    /// Past 8 MiB, output for stdout goes on in an unlinked file in $TMPDIR, copied out by the
    /// kernel (sendfile) at the end, or by a read and write loop where sendfile cannot write.
    @Test("score output larger than the in-memory limit arrives whole through a pipe, a file, /dev/null and --output")
    func largeOutput() throws {
        let file = "fixtures/kab-ketapang-2024/kab-ketapang.xml"
        let single = try CLI.run("score", "--format", "json", file)
        #expect(single.status == 0)
        let unit = try #require(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [Any]).first as? NSDictionary
        // 18 KB of JSON a unit: 500 copies make about 9 MB, past the 8 MiB kept in memory.
        let arguments = "score --format json " + Array(repeating: file, count: 500).joined(separator: " ")
        let piped = try Shell.run("\"$ASSESS\" \(arguments)")
        #expect(piped.status == 0)
        #expect(piped.stdout.utf8.count > 8 << 20)
        let units = try #require(try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [NSDictionary])
        #expect(units.count == 500 && units.allSatisfy { $0 == unit })

        let scratch = try Scratch()
        for tmpdir in [scratch.path("tmp"), "/nonexistent/folder"] {
            try FileManager.default.createDirectory(atPath: scratch.path("tmp"), withIntermediateDirectories: true)
            let redirected = try Shell.run("\"$ASSESS\" \(arguments) > \(scratch.path("stdout.json"))", environment: ["TMPDIR": tmpdir])
            #expect(redirected.status == 0 && redirected.stderr.isEmpty)
            #expect(try String(contentsOfFile: scratch.path("stdout.json"), encoding: .utf8) == piped.stdout)
            // Nothing is left in $TMPDIR: the spill file was unlinked when it was made.
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("tmp")).isEmpty)
        }
        let output = try Shell.run("\"$ASSESS\" \(arguments) --output \(scratch.path("output.json"))")
        #expect(output.status == 0)
        #expect(try String(contentsOfFile: scratch.path("output.json"), encoding: .utf8) == piped.stdout)
        #expect(try Shell.run("\"$ASSESS\" \(arguments) > /dev/null").status == 0)
        let full = try Shell.run("\"$ASSESS\" \(arguments) > /dev/full")
        #expect(full.status == 1)
        #expect(full.stderr.contains("No space left on device"))
    }

    /// A workbook is read from memory: it was once copied to $TMPDIR while opened, which failed
    /// without one and put the OPD's answers on the disk.
    @Test("a workbook is scored without $TMPDIR and writes nothing there")
    func workbookInMemory() throws {
        let workbook = Repo.path("fixtures/xlsx/filled/bappeda.xlsx")
        let expected = try CLI.run("score", "--format", "json", workbook)
        #expect(expected.status == 0, "\(expected.stderr)")
        let scratch = try Scratch()
        for tmpdir in ["/nonexistent/folder", scratch.url.path] {
            let result = try Shell.run("\"$ASSESS\" score --format json \(workbook)", environment: ["TMPDIR": tmpdir])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == expected.stdout)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test("SIGINT and SIGTERM during score remove the temporary file and leave the target untouched",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func interrupted(signal number: Int32) throws {
        let scratch = try Scratch()
        let corpus = scratch.path("korpus")
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repo.path(Self.evidence)))
        for index in 0..<1000 { try bytes.write(to: URL(fileURLWithPath: corpus + "/u\(index).xml")) }
        let outputFolder = scratch.path("keluar")
        try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        let output = try scratch.write("keluar/hasil.txt", "lama\n")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["score", "--jobs", "1", "--output", output, corpus]
        process.currentDirectoryURL = Repo.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The temporary file is made before the first file is read.
        let deadline = Date().addingTimeInterval(20)
        while try FileManager.default.contentsOfDirectory(atPath: outputFolder).count < 2, process.isRunning, Date() < deadline {
            usleep(2000)
        }
        let seen = try FileManager.default.contentsOfDirectory(atPath: outputFolder)
        #expect(seen.count == 2, "the run ended before it could be interrupted")
        #expect(seen.contains { $0.hasPrefix(".hasil.txt.") && $0.count == ".hasil.txt.".count + 6 })
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == number)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputFolder) == ["hasil.txt"], "signal \(number)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "lama\n")
    }
}

/// Running the tool as another user, for what root would otherwise be allowed to do.
enum Privileges {
    static let setpriv = "/usr/bin/setpriv"
    static var canDrop: Bool {
        geteuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)
    }
    static let reason: Comment = "running as root without /usr/bin/setpriv: cannot drop privileges to test what root is allowed"

    /// `assess ARGUMENTS` as user nobody (or as the current user when not root).
    static func runAsNobody(_ arguments: [String]) throws -> CLI.Result {
        if geteuid() != 0 { return try CLI.runArray(arguments) }
        let quoted = ([CLI.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try Shell.run("\(setpriv) --reuid=nobody --regid=nogroup --clear-groups " + quoted.joined(separator: " "))
    }
}
