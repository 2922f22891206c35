extension Election {
    /// The election without project `p`: its PROJECTS row and every ballot entry naming it
    /// are gone; indices above `p` move down by one. Points stay as they were (score the
    /// election first for ordinal ballots, since positions would otherwise change).
    ///
    /// - Complexity: O(ballot entries).
    func removing(project p: Int) -> Election {
        var ballots = Ballots(withPoints: self.ballots.points != nil)
        for b in 0..<self.ballots.count {
            var list: [UInt16] = []
            var points: [Int64] = []
            for k in self.ballots.range(of: b) where Int(self.ballots.projects[k]) != p {
                let q = self.ballots.projects[k]
                list.append(Int(q) > p ? q - 1 : q)
                if let all = self.ballots.points { points.append(all[k]) }
            }
            ballots.append(list, points: self.ballots.points == nil ? nil : points)
        }
        var copy = self
        copy.projects.remove(at: p)
        copy.ballots = ballots
        return copy
    }
}
