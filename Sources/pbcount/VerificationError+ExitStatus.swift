import PBEngine

extension VerificationError {
    /// The exit status of the command-line contract for this error.
    var exitStatus: Int32 {
        switch self {
        case .inputMismatch: return ExitStatus.mismatch
        case .undefinedMetaRule, .unknownProject: return ExitStatus.usage
        default: return ExitStatus.badData
        }
    }
}
