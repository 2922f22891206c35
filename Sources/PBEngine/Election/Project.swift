/// One project on the ballot paper.
public struct Project: Sendable, Hashable {
    /// The id as written in the file (`BO.OM.97/24`, `L005`, `12`).
    public let id: String
    /// The exact cost.
    public let cost: Rational
    /// The `name` column, or the empty string.
    public let name: String
    /// Every PROJECTS column of this row except `project_id` and `cost`, in file order.
    public let fields: [MetadataField]
    /// The line of the file that defines the project (1-based).
    public let line: Int

    public init(id: String, cost: Rational, name: String = "", fields: [MetadataField] = [], line: Int = 0) {
        self.id = id
        self.cost = cost
        self.name = name
        self.fields = fields
        self.line = line
    }

    /// The value of a PROJECTS column (`selected`, `category`, ...), if present.
    public func field(_ key: String) -> String? {
        fields.first { $0.key == key }?.value
    }
}

/// A key and its value as written in the file (META rows, extra PROJECTS columns).
public struct MetadataField: Sendable, Hashable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
