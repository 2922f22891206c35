import PBEngine
import Testing

@Suite("Result document scores")
struct ResultScoresTests {
    @Test("ordinal ballots: the result's project scores are the scored points, not the vote counts")
    func ordinalScores() throws {
        // Rankings (max_length 2): [p1, p2], [p2], [p3, p2].
        // positional (2-1): p1 2, p2 1+2+1 = 4, p3 2.  borda: p1 1, p2 0, p3 1.  votes: 1, 3, 1.
        var e = Counting.election(costs: [30, 30, 30], budget: 60, ballots: [[0, 1], [1], [2, 1]], voteType: .ordinal)
        e.limits.maxLength = 2
        for (scoring, expected) in [(ScoringFunction.positional, [2, 4, 2]), (.borda, [1, 0, 1])] {
            let options = Counting.options("greedy") { $0.scoring = scoring }
            let outcome = try RuleRegistry.count(e, options: options)
            let document = ResultDocument(election: e, options: options, outcome: outcome)
            #expect(document.projects.map(\.score) == expected)
            #expect(document.projects.map(\.votes) == [1, 3, 1])
        }
    }
}
