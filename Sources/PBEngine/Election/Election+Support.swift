extension Election {
    /// The election with points on every ballot: ordinal rankings scored by `scoring`;
    /// approval ballots and points ballots are returned unchanged.
    ///
    /// - Complexity: O(total ballot entries).
    public func scored(by scoring: ScoringFunction) -> Election {
        guard voteType == .ordinal else { return self }
        let maxLength = limits.maxLength ?? projects.count
        var points = [Int64]()
        points.reserveCapacity(ballots.projects.count)
        for b in 0..<ballots.count {
            let r = ballots.range(of: b)
            for (position, _) in r.enumerated() {
                points.append(scoring.points(position: position, length: r.count, maxLength: maxLength))
            }
        }
        var copy = self
        copy.ballots = ballots.withPoints(points)
        return copy
    }

    /// Per project: the number of ballots listing it (`votes`) and the sum of its points
    /// (`score`; equal to `votes` without points).
    ///
    /// Listed projects with 0 points count as votes. Scoring ballots' `default_score` for
    /// unlisted projects is added to the score.
    /// - Complexity: O(total ballot entries).
    public func support() -> (votes: [Int], score: [Int64]) {
        var votes = [Int](repeating: 0, count: projects.count)
        var score = [Int64](repeating: 0, count: projects.count)
        let entries = ballots.projects
        if let points = ballots.points {
            for k in entries.indices {
                votes[Int(entries[k])] += 1
                score[Int(entries[k])] += points[k]
            }
            if voteType == .scoring, let d = limits.defaultScore, d != 0 {
                for b in 0..<ballots.count {
                    let listed = Set(entries[ballots.range(of: b)])
                    for p in projects.indices where !listed.contains(UInt16(p)) {
                        score[p] += d
                    }
                }
            }
        } else {
            for p in entries { votes[Int(p)] += 1 }
            for p in projects.indices { score[p] = Int64(votes[p]) }
        }
        return (votes, score)
    }
}
