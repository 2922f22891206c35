import PBEngine

/// Small `.pb` texts for reader tests, built from parts so each test changes one thing.
enum PBText {
    static func meta(_ extra: String = "", voteType: String = "approval", projects: Int = 3, votes: Int = 4, budget: String = "100") -> String {
        """
        META
        key;value
        description;test election
        country;Nowhere
        unit;Testville
        instance;2026
        num_projects;\(projects)
        num_votes;\(votes)
        budget;\(budget)
        vote_type;\(voteType)
        rule;greedy
        date_begin;2026
        date_end;2026
        experimental;1
        \(extra)
        """.replacingOccurrences(of: "\n\n", with: "\n")
    }

    static let projects = #"""
        PROJECTS
        project_id;cost;name
        A;60;"Park ""North"""
        B;50;Library
        C;30;"Bikes; lanes"

        """#

    static let votes = """
        VOTES
        voter_id;vote
        v1;A,B
        v2;A
        v3;B,C
        v4;C

        """

    static var valid: String { meta() + "\n" + projects + votes }

    static func read(_ text: String, policy: InvalidBallotPolicy = .fail, threads: Int = 1, chunkSize: Int = 8 << 20, minimumPartBytes: Int = 1 << 20) throws -> Election {
        try PabulibReader.read(bytes: Array(text.utf8), source: "test.pb",
                               options: .init(invalidBallots: policy, threads: threads, chunkSize: chunkSize, minimumPartBytes: minimumPartBytes))
    }

    /// The first error of a text that must be refused.
    static func firstError(_ text: String, policy: InvalidBallotPolicy = .fail) -> PabulibError? {
        do {
            _ = try read(text, policy: policy)
            return nil
        } catch let e as PabulibErrors {
            return e.errors.first
        } catch {
            return nil
        }
    }

    /// Ballots as lists of project ids.
    static func lists(_ election: Election) -> [[String]] {
        (0..<election.ballots.count).map { b in
            election.ballots.range(of: b).map { election.projects[Int(election.ballots.projects[$0])].id }
        }
    }
}
