import ArgumentParser
import Foundation
import PBEngine

/// Exit statuses of the command-line contract (RULES.md).
enum ExitStatus {
    static let success: Int32 = 0
    static let mismatch: Int32 = 1
    static let usage: Int32 = 2
    static let badData: Int32 = 65
}

/// An engine error the command line reports: its message and the contract's exit status.
/// Each layer's error maps every case, with no default, so that a new case must be placed.
protocol ReportedError: Error {
    var exitStatus: Int32 { get }
    /// The message, without the program's name.
    var message: String { get }
}

extension PabulibErrors: ReportedError {
    var exitStatus: Int32 { ExitStatus.badData }
    var message: String { description }
}

extension CountError: ReportedError {
    var exitStatus: Int32 {
        switch self {
        case .unresolvedTie, .unknownRule, .badOption, .unsupported: return ExitStatus.usage
        }
    }
    var message: String { description }
}

extension ResultError: ReportedError {
    var exitStatus: Int32 {
        switch self {
        case .inputMismatch: return ExitStatus.mismatch
        case .unreadableResult, .badRecordedOption: return ExitStatus.badData
        }
    }
    var message: String { description }
}

extension SelectedColumnError: ReportedError {
    var exitStatus: Int32 {
        switch self {
        case .undefinedMetaRule: return ExitStatus.usage
        case .noSelectedColumn, .badSelectedValue: return ExitStatus.badData
        }
    }
    var message: String { description }
}

extension ExplanationError: ReportedError {
    var exitStatus: Int32 {
        switch self {
        case .unknownProject: return ExitStatus.usage
        }
    }
    var message: String { description }
}

extension PabulibTextError: ReportedError {
    var exitStatus: Int32 {
        switch self {
        case .mergeConflict, .malformedText: return ExitStatus.badData
        }
    }
    var message: String { description }
}
