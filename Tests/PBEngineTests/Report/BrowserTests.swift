import Foundation
import Testing

/// Reports of shared elections rendered in headless Chromium, as a person's browser
/// shows them: no console message, no network request, the funded projects' names in the
/// rendered page, and screenshots at phone and desktop widths for a person to look at
/// (in ``Browser/screenshotFolder``).
///
/// Skipped with a message where Chromium is not installed (`.ci/run` installs it), where
/// `../shared` is absent, or where the `pbcount` executable was not built.
@Suite("Report in a browser", .serialized,
       .enabled(if: Browser.executable != nil, "chromium is not on PATH (apt-get install chromium): browser checks of the report skipped"),
       .enabled(if: SharedData.isAvailable, SharedData.absentMessage),
       .enabled(if: PBCountBinary.url != nil, "the pbcount executable is not beside the test bundle (run `swift build` first)"))
struct BrowserTests {
    static let elections: [(file: String, arguments: [String], name: String)] = [
        ("Poland_Warszawa_2026.pb", [], "warszawa"),
        ("Poland_Swiecie_2023.pb", ["--rule", "mes", "--completion", "add1", "--add1-variant", "pabulib", "--tie", "cost,votes",
                                    "--compare", "greedy"], "swiecie"),
    ]

    @Test("renders with no console message and no request; funded names in the DOM; screenshots", arguments: [0, 1])
    func render(index: Int) throws {
        let election = Self.elections[index]
        let folder = Browser.screenshotFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("\(election.name).html")
        let run = try PBCountBinary.run(["report", SharedData.path(election.file)] + election.arguments + ["-o", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)

        // The page as written: the result verify reads, and the funded projects' names.
        let verify = try PBCountBinary.run(["verify", SharedData.path(election.file), page.path])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("match"), "\(verify.stdout)\(verify.stderr)")
        let json = try #require(html.range(of: "id=\"pbcount-result\">").map { html[$0.upperBound...] })
        let end = try #require(json.range(of: "</script>"))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json[..<end.lowerBound].utf8)) as? [String: Any])
        let projects = try #require(result["projects"] as? [[String: Any]])
        let funded = projects.filter { $0["funded"] as? Bool == true }.compactMap { $0["name"] as? String }
        #expect(funded.count == (result["selected"] as? [String])?.count)

        // Loaded as the page is: no console message (a blocked request would log one).
        let load = try Browser.run(["--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString])
        #expect(load.status == 0, "\(load.stderr)")
        let console = load.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")
        for name in funded {
            let shown = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            #expect(load.stdout.contains(shown), "funded project '\(name)' is not in the rendered page")
        }

        // Loaded without its Content-Security-Policy: the page itself asks for nothing.
        let open = folder.appendingPathComponent("\(election.name)-without-csp.html")
        try Data(html.replacingOccurrences(of: "<meta http-equiv=\"Content-Security-Policy\"", with: "<meta name=\"csp-removed\"").utf8).write(to: open)
        let netLog = folder.appendingPathComponent("\(election.name)-netlog.json")
        _ = try Browser.run(["--log-net-log=\(netLog.path)", "--dump-dom", open.absoluteString])
        let requested = Browser.requestedURLs(netLog: try String(contentsOf: netLog, encoding: .utf8))
        #expect(requested.isEmpty, "the page requested: \(requested.joined(separator: ", "))")
        try? FileManager.default.removeItem(at: open)
        try? FileManager.default.removeItem(at: netLog)

        // For a person to look at.
        for width in [390, 1280] {
            let shot = folder.appendingPathComponent("\(election.name)-\(width).png")
            try? FileManager.default.removeItem(at: shot)
            _ = try Browser.run(["--hide-scrollbars", "--screenshot=\(shot.path)", "--window-size=\(width),2400", page.absoluteString])
            let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "no screenshot at \(shot.path)")
        }
    }
}

/// Headless Chromium, kept off the network: every request goes to a proxy on a closed
/// loopback port, and its background services are switched off.
enum Browser {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()

    /// Where the screenshots and pages are written: a folder of this test process's own,
    /// so that two test runs at once (two clones, a sanitizer run) do not delete or
    /// overwrite each other's pages mid-check.
    static let screenshotFolder = URL(fileURLWithPath: "/tmp/pbcount-report-screenshots")
        .appendingPathComponent("run-\(ProcessInfo.processInfo.processIdentifier)")

    static let baseArguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ]

    /// Runs Chromium with `arguments`; ends it after two minutes.
    static func run(_ arguments: [String]) throws -> PBCountBinary.Run {
        let process = Process()
        process.executableURL = try #require(executable)
        process.arguments = baseArguments + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return PBCountBinary.Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                 stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The URLs in a net log that the page asked for: everything but local files and
    /// Chromium's own services (update checks, accounts, time), which it contacts by
    /// itself whatever the page (and which the proxy fails).
    static func requestedURLs(netLog: String) -> [String] {
        guard let pattern = try? NSRegularExpression(pattern: "\"url\":\"([^\"]*)\"") else { return [] }
        let own = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
        var out = Set<String>()
        for match in pattern.matches(in: netLog, range: NSRange(netLog.startIndex..., in: netLog)) {
            let url = (netLog as NSString).substring(with: match.range(at: 1))
            guard let host = URLComponents(string: url)?.host, !url.hasPrefix("file:"), !url.hasPrefix("data:") else { continue }
            if own.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { continue }
            out.insert(url)
        }
        return out.sorted()
    }
}
