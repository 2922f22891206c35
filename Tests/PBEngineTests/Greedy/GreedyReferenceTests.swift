import PBEngine
import Testing

/// Greedy on the real elections of `../shared/pabulib` against pabutools' outcomes in
/// `../shared/reference` and against each file's official `selected` column.
@Suite("Greedy on real elections", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct GreedyReferenceTests {
    static let references: [(file: String, key: String)] = SharedData.pabulibFiles.flatMap { file in
        ["greedy-cost", "greedy-card", "greedy-points"].compactMap { key in
            SharedData.reference(for: file)?.rules[key]?.selected != nil ? (file, key) : nil
        }
    }

    @Test("equals the pabutools reference with --tie id", arguments: references)
    func reference(file: String, key: String) throws {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        let expected = try #require(SharedData.reference(for: file)?.rules[key])
        let utility: Utility = key == "greedy-cost" ? .cost : .cardinality
        let outcome = try RuleRegistry.count(election, options: Counting.options("greedy", utility: utility, tie: [.id]))
        let ids = outcome.funded.map { election.projects[$0].id }
        #expect(ids.sorted() == expected.selected?.sorted())
        #expect(outcome.totalCost.description == expected.cost)
    }

    static let officiallyGreedy: [(file: String, variant: String)] = SharedData.pabulibFiles.compactMap { file in
        guard let election = try? PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep),
              let rule = election.meta("rule") else { return nil }
        let variants = ["greedy": "skip", "greedy-no-skip": "no-skip", "greedy-threshold": "threshold"]
        guard let variant = variants[rule], election.projects.contains(where: { $0.field("selected") != nil }) else { return nil }
        return (file, variant)
    }

    @Test("reproduces the official selected column of files counted with greedy", arguments: officiallyGreedy)
    func officialResult(file: String, variant: String) throws {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        let options = Counting.options("greedy") { $0.greedyVariant = GreedyVariant(rawValue: variant)! }
        #expect(try Counting.fundedIDs(election, options).sorted() == Counting.officialSelection(election).sorted())
    }

    @Test("the shared files with official greedy results are all found", .enabled(if: SharedData.isSweptWhole, SharedData.partialSweepMessage))
    func coverage() {
        // Czestochowa, Gdynia, Katowice, Krakow 2021 and 2024, Lodz, Warszawa, Wroclaw x3.
        #expect(Self.officiallyGreedy.count == 10)
    }
}

@Suite("Reading the real elections", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct RealFileReadingTests {
    @Test("every shared file reads; ballots counted equal META num_votes", arguments: SharedData.pabulibFiles)
    func reads(file: String) throws {
        let election = try PabulibReader.read(path: SharedData.path(file), invalidBallots: .keep)
        #expect(election.ballots.count == Int(election.meta("num_votes") ?? ""))
        #expect(election.projects.count == Int(election.meta("num_projects") ?? ""))
        if let reference = SharedData.reference(for: file) {
            #expect(election.sha256 == reference.sha256)
        }
        // The PROJECTS votes column agrees with the ballots where the file has one.
        let votes = election.support().votes
        for (p, project) in election.projects.enumerated() {
            if let v = project.field("votes").flatMap(Int.init) {
                #expect(v == votes[p], "\(file): project \(project.id)")
            }
        }
    }

    @Test("reading with one thread and with several gives the same ballots", arguments: ["Poland_Lodz_2022.pb", "Poland_Krakow_2024.pb"])
    func threadsAgree(file: String) throws {
        let one = try PabulibReader.read(path: SharedData.path(file), options: .init(invalidBallots: .keep, threads: 1))
        let two = try PabulibReader.read(path: SharedData.path(file), options: .init(invalidBallots: .keep, threads: 2, chunkSize: 1 << 16, minimumPartBytes: 1))
        #expect(one.ballots.offsets == two.ballots.offsets)
        #expect(one.ballots.projects == two.ballots.projects)
        #expect(one.sha256 == two.sha256)
    }

    @Test("invalid ballots of the shared files are found and listed")
    func invalidBallots() throws {
        // Mechanical Turk Utilities 8: ballots whose points add up to less than min_sum_points 100.
        let report = PabulibReader.validate(path: SharedData.path("Worldwide_Mechanical_Turk_Utilities_8.pb"))
        #expect(report.errors.isEmpty)
        #expect(!report.invalidBallots.isEmpty)
        #expect(report.invalidBallots.allSatisfy { $0.reason.contains("min_sum_points") })
        #expect(throws: PabulibErrors.self) {
            try PabulibReader.read(path: SharedData.path("Worldwide_Mechanical_Turk_Utilities_8.pb"), invalidBallots: .fail)
        }
    }
}
