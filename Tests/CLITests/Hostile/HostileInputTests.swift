import ChecksTestSupport
import Foundation
import Testing

/// Every tool on the inputs of `Fixtures/hostile/`: invalid and huge files, special files, links and
/// entities that point outside the root. Each run must end within its time limit, without a signal,
/// with the exit code its scenario states, a one-line message naming the file when it is 2, peak
/// memory under the scenario's bound, and no byte of a file outside the root in its output.
@Suite struct HostileInputTests {
    /// Text of files no tool may read: `/etc/passwd`'s first entry and the marker the scenarios put
    /// next to the root (`make: outside`).
    static let alwaysForbidden = ["root:x:0:0:", "SECRET-OUTSIDE-ROOT"]

    static let tools: Set<String> = ["check-doc-refs", "check-doc-links", "verify-doc-index", "check-coverage", "compare-benchmarks"]

    @Test func everyToolHasHostileScenarios() {
        let scenarios = HostileScenario.all
        #expect(scenarios.count >= 40, "found \(scenarios.count) scenarios in \(HostileScenario.fixtures.path)")
        #expect(Set(scenarios.map(\.tool)) == Self.tools)
        // A folder with an `expected` that does not parse would vanish from the table silently.
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: HostileScenario.fixtures.path)) ?? []
        let withExpected = folders.filter {
            FileManager.default.fileExists(atPath: HostileScenario.fixtures.appendingPathComponent("\($0)/expected").path)
        }
        #expect(withExpected.count == scenarios.count)
    }

    /// The time limit itself: a child that overruns is killed (with its process group) and reported.
    @Test func aChildThatOverrunsItsTimeLimitIsKilled() throws {
        let run = try ToolProcess.run("check-doc-refs", ["--root", ".", "docs"], in: FixturePaths.root, timeout: 0.005)
        #expect(run.timedOut)
        #expect(run.signal == SIGKILL)
        #expect(run.status == 128 + SIGKILL)
        #expect(run.seconds < 5)
    }

    @Test(.timeLimit(.minutes(2)), arguments: HostileScenario.all)
    func scenario(_ scenario: HostileScenario) throws {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("h-\(UUID().uuidString.prefix(8))", isDirectory: true)
            .resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try scenario.materialize(in: work)
        let run = try ToolProcess.run(scenario.tool, scenario.arguments, in: root, timeout: scenario.timeout)
        if let log = ProcessInfo.processInfo.environment["HOSTILE_LOG"] {
            // Opt-in timing and memory table, one line per scenario (for tuning the bounds).
            let line = String(
                format: "%-40@ exit %d %7.2f s %5d MiB\n", scenario.name as NSString, run.status, run.seconds, run.maxResidentBytes >> 20)
            if let handle = FileHandle(forWritingAtPath: log) {
                handle.seekToEndOfFile()
                handle.write(Data(line.utf8))
                handle.closeFile()
            }
        }
        let summary =
            "\(scenario.name): exit \(run.status) in \(String(format: "%.2f", run.seconds)) s, "
            + "\(run.maxResidentBytes >> 20) MiB\nstdout: \(run.stdout.prefix(600))\nstderr: \(run.stderr.prefix(600))"

        // Never a hang, never a crash: these hold even for a known issue.
        #expect(!run.timedOut, "timed out after \(scenario.timeout) s: \(summary)")
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0): \(summary)")
        let output = run.stdout + run.stderr
        for text in Self.alwaysForbidden + scenario.forbidden {
            #expect(!output.contains(text), "output holds '\(text)', read from outside the root: \(summary)")
        }

        let verdict = {
            #expect(run.status == scenario.exit, "\(summary)")
            if scenario.exit == 2 {
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.count == 1, "exit 2 wants one line on stderr: \(summary)")
                #expect(run.stderr.hasPrefix("\(scenario.tool): error: "), "\(summary)")
                if let file = scenario.names {
                    #expect(run.stderr.contains(file), "the message should name \(file): \(summary)")
                }
                // A message is for a reader: no control characters from the input.
                #expect(!run.stderr.dropLast().contains { $0.asciiValue.map { $0 < 0x20 } ?? false }, "\(summary)")
            }
            for text in scenario.stdoutContains {
                #expect(run.stdout.contains(text), "stdout lacks '\(text)': \(summary)")
            }
            for text in scenario.stdoutLacks {
                #expect(!run.stdout.contains(text), "stdout holds '\(text)': \(summary)")
            }
            for text in scenario.stderrContains {
                #expect(run.stderr.contains(text), "stderr lacks '\(text)': \(summary)")
            }
            for text in scenario.stderrLacks {
                #expect(!run.stderr.contains(text), "stderr holds '\(text)': \(summary)")
            }
            // A sanitizer's shadow memory inflates the peak several times over; the bound is for
            // the tools as shipped (scripts/sanitize sets AUTOGIT_CHECKS_SANITIZER).
            if ProcessInfo.processInfo.environment["AUTOGIT_CHECKS_SANITIZER"] == nil {
                #expect(run.maxResidentBytes <= scenario.maxMiB << 20, "peak memory over \(scenario.maxMiB) MiB: \(summary)")
            }
        }
        if let issue = scenario.knownIssue {
            withKnownIssue(Comment(rawValue: issue)) { verdict() }
        } else {
            verdict()
        }
    }
}
