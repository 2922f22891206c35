import Foundation
import PBEngine

/// An election the benchmarks run on: its `.pb` text and the election read from it.
struct Fixture: Sendable {
    let name: String
    let text: [UInt8]
    let election: Election

    /// `../shared/pabulib` beside the repository: the real elections (absent in a user's clone).
    static let sharedFolder: URL = {
        if let folder = ProcessInfo.processInfo.environment["PBCOUNT_SHARED_PABULIB"] {
            return URL(fileURLWithPath: folder)
        }
        // This file is Benchmarks/Benchmarks/PBEngineBenchmarks/Fixture.swift in the repository.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/pabulib")
    }()

    /// Whether the shared real election `file` is there (it is not in a user's clone).
    static func sharedFileExists(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: sharedFolder.appendingPathComponent(file).path)
    }

    /// A shared real election, or `nil` (with a message) when it cannot be read.
    static func shared(_ file: String) -> Fixture? {
        let url = sharedFolder.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url) else {
            print("skipping benchmarks on \(file): cannot read \(url.path)")
            return nil
        }
        let text = [UInt8](data)
        do {
            let election = try PabulibReader.read(bytes: text, source: file, options: .init(invalidBallots: .keep))
            return Fixture(name: file, text: text, election: election)
        } catch {
            print("skipping benchmarks on \(file): \(error)")
            return nil
        }
    }

    /// A generated approval election: `voters` ballots of 1 to 10 of `projects` projects
    /// (`pbcount generate --seed 2026 --voters V --projects P --max-length 10`).
    static func generated(voters: Int, projects: Int = 150) -> Fixture {
        var parameters = GenerationParameters()
        parameters.seed = 2026
        parameters.voters = voters
        parameters.projects = projects
        parameters.minLength = 1
        parameters.maxLength = min(10, projects)
        do {
            let text = try ElectionGenerator(parameters).text()
            let election = try PabulibReader.read(bytes: text, source: "generated", options: .init())
            return Fixture(name: "generated \(voters) ballots, \(projects) projects", text: text, election: election)
        } catch {
            preconditionFailure("Fixture: the generator wrote a file the reader refuses: \(error)")
        }
    }
}

// Built on first use (Swift initializes globals lazily), so a filtered run builds only what it needs.
let krakow2024 = Fixture.shared("Poland_Krakow_2024.pb")
let lodz2022 = Fixture.shared("Poland_Lodz_2022.pb")
let generated10k = Fixture.generated(voters: 10_000)
let generated100k = Fixture.generated(voters: 100_000)
let generated1M = Fixture.generated(voters: 1_000_000)
let generated100kWith50Projects = Fixture.generated(voters: 100_000, projects: 50)
let generated100kWith500Projects = Fixture.generated(voters: 100_000, projects: 500)
