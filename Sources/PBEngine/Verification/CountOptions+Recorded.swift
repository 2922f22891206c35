import Foundation

extension CountOptions {
    /// The options that a result recorded (``recorded(for:)``), read back, so that the
    /// count can be redone exactly.
    ///
    /// Every key is required except `threshold`; an unknown key is refused, since an
    /// option this engine does not know could have shaped the recorded count.
    /// - Throws: ``VerificationError/badRecordedOption(key:value:reason:)``.
    public init(recorded: [String: String]) throws {
        let known: Set<String> = ["rule", "utility", "greedy", "completion", "add1_variant", "comparison",
                                  "tie", "scoring", "invalid_ballots", "threshold"]
        if let unknown = recorded.keys.sorted().first(where: { !known.contains($0) }) {
            throw VerificationError.badRecordedOption(key: unknown, value: recorded[unknown] ?? "", reason: "unknown option (written by a newer engine?)")
        }
        var options = CountOptions()
        options.rule = try Self.value("rule", in: recorded)
        guard RuleRegistry.rule(named: options.rule) != nil else {
            throw VerificationError.badRecordedOption(key: "rule", value: options.rule, reason: "this engine knows \(RuleRegistry.names.joined(separator: ", "))")
        }
        options.utility = try Self.choice("utility", in: recorded)
        options.greedyVariant = try Self.choice("greedy", in: recorded)
        options.completion = try Self.choice("completion", in: recorded)
        options.add1Variant = try Self.choice("add1_variant", in: recorded)
        options.comparison = try Self.choice("comparison", in: recorded)
        options.invalidBallots = try Self.choice("invalid_ballots", in: recorded)
        let tie = try Self.value("tie", in: recorded)
        do {
            options.tieChain = try TieCriterion.chain(parsing: tie)
        } catch {
            throw VerificationError.badRecordedOption(key: "tie", value: tie, reason: error.description)
        }
        let scoringText = try Self.value("scoring", in: recorded)
        guard let scoring = ScoringFunction(argument: scoringText) else {
            throw VerificationError.badRecordedOption(key: "scoring", value: scoringText, reason: "expected borda, positional or a list of points")
        }
        options.scoring = scoring
        if let t = recorded["threshold"] {
            guard let threshold = Rational(exactly: t) else {
                throw VerificationError.badRecordedOption(key: "threshold", value: t, reason: "expected an exact number such as 200 or 25/2")
            }
            options.threshold = threshold
        }
        self = options
    }

    private static func value(_ key: String, in recorded: [String: String]) throws -> String {
        guard let v = recorded[key] else {
            throw VerificationError.badRecordedOption(key: key, value: "", reason: "the key is missing")
        }
        return v
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ key: String, in recorded: [String: String]) throws -> T where T.RawValue == String {
        let text = try value(key, in: recorded)
        guard let v = T(rawValue: text) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw VerificationError.badRecordedOption(key: key, value: text, reason: "expected one of \(known)")
        }
        return v
    }
}

/// Why a `--tie` chain could not be read.
public struct TieChainError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

extension TieCriterion {
    /// Parses a comma-separated tie chain (`cost,votes,file`, `lot:7`, `list:PATH`), as
    /// `--tie` takes it and results record it.
    ///
    /// `list:PATH` reads the file at `PATH`: one project id per line, highest priority first.
    /// - Throws: ``TieChainError`` naming the criterion that is unknown or the list that cannot be read.
    /// - Complexity: O(length of the text and of any list files).
    public static func chain(parsing text: String) throws(TieChainError) -> [TieCriterion] {
        var chain: [TieCriterion] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = String(part)
            switch item {
            case "votes": chain.append(.votes)
            case "score": chain.append(.score)
            case "cost": chain.append(.cost)
            case "cost-desc": chain.append(.costDescending)
            case "id": chain.append(.id)
            case "file": chain.append(.file)
            default:
                if item.hasPrefix("lot:"), let seed = UInt64(item.dropFirst(4)) {
                    chain.append(.lot(seed: seed))
                } else if item.hasPrefix("list:") {
                    let path = String(item.dropFirst(5))
                    // Only a regular file: a recorded `list:/dev/zero` or a FIFO would never end.
                    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                    guard attributes?[.type] as? FileAttributeType == .typeRegular,
                          let list = try? String(contentsOfFile: path, encoding: .utf8) else {
                        throw TieChainError(description: "list:\(path): cannot read the file (a regular file, one project id per line, highest priority first)")
                    }
                    let ids = list.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    chain.append(.list(path: path, ids: ids))
                } else {
                    throw TieChainError(description: "unknown criterion '\(item)'; use votes, score, cost, cost-desc, id, file, list:PATH or lot:SEED")
                }
            }
        }
        return chain
    }
}
