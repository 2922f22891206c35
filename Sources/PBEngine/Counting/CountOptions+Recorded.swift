import Foundation

extension CountOptions {
    /// The keys every result records whatever the rule.
    static let commonKeys: Set<String> = ["rule", "tie", "scoring", "invalid_ballots"]

    /// Every option as it was applied, defaults filled in, as text (for results and
    /// `verify`): the shared options and the rule's own, as ``Outcome/ruleOptions`` has them.
    public func recorded(ruleOptions: [RecordedOption]) -> [String: String] {
        var out: [String: String] = [
            "rule": rule,
            "tie": tieChain.map(\.description).joined(separator: ","),
            "scoring": effectiveScoring.description,
            "invalid_ballots": invalidBallots.rawValue,
        ]
        for option in ruleOptions { out[option.key] = option.value }
        return out
    }

    /// The options that a result recorded, read back, so that the count can be redone.
    ///
    /// The shared keys are required. Every other key is the rule's own (format version 2);
    /// the rule refuses a key it does not know, since an option this engine does not know
    /// could have shaped the recorded count. Format version 1 recorded every option of
    /// every rule: there the keys that the rule does not take are set aside.
    /// - Throws: ``ResultError/badRecordedOption(key:value:reason:)``.
    public init(recorded: [String: String], formatVersion: Int = ResultDocument.formatVersion) throws(ResultError) {
        var options = CountOptions()
        options.rule = try Self.value("rule", in: recorded)
        guard let rule = RuleRegistry.rule(named: options.rule) else {
            throw ResultError.badRecordedOption(key: "rule", value: options.rule, reason: "this engine knows \(RuleRegistry.names.joined(separator: ", "))")
        }
        let invalid = try Self.value("invalid_ballots", in: recorded)
        guard let policy = InvalidBallotPolicy(rawValue: invalid) else {
            throw ResultError.badRecordedOption(key: "invalid_ballots", value: invalid, reason: "expected one of \(InvalidBallotPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        options.invalidBallots = policy
        let tie = try Self.value("tie", in: recorded)
        do {
            options.tieChain = try TieCriterion.chain(parsing: tie)
        } catch {
            throw ResultError.badRecordedOption(key: "tie", value: tie, reason: error.description)
        }
        let scoringText = try Self.value("scoring", in: recorded)
        guard let scoring = ScoringFunction(argument: scoringText) else {
            throw ResultError.badRecordedOption(key: "scoring", value: scoringText, reason: "expected borda, positional or a list of points")
        }
        options.scoring = scoring
        var settings = recorded.filter { !Self.commonKeys.contains($0.key) }
        if formatVersion == 1 {
            let keys = Set(rule.optionSpecs.map(\.key))
            settings = settings.filter { keys.contains($0.key) }
        }
        options.settings = settings
        do {
            _ = try RuleRegistry.recordedOptions(options)
        } catch let CountError.badOption(_, key, value, reason) {
            throw ResultError.badRecordedOption(key: key, value: value, reason: reason)
        } catch {
            throw ResultError.badRecordedOption(key: "rule", value: options.rule, reason: error.description)
        }
        self = options
    }

    private static func value(_ key: String, in recorded: [String: String]) throws(ResultError) -> String {
        guard let v = recorded[key] else {
            throw ResultError.badRecordedOption(key: key, value: "", reason: "the key is missing")
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
