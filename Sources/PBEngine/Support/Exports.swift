/// `Rational` is part of PBEngine's API (costs, budgets, loads are rationals), so a client
/// that imports PBEngine gets it too.
@_exported import ExactArithmetic
