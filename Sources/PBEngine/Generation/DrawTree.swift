/// Weighted draws without replacement among a few thousand items, in exact integers: a
/// Fenwick tree over the items' weights.
///
/// `draw(x)` for `x` uniform in `0 ..< total` returns item `k` with probability
/// `weight(k) / total`; `remove` takes an item out until `restore` puts it back.
struct DrawTree {
    private let weights: [UInt64]
    /// 1-based Fenwick sums.
    private var tree: [UInt64]
    /// Sum of the weights of the items in the tree.
    private(set) var total: UInt64
    private let topBit: Int

    /// A tree holding every item with its weight.
    ///
    /// - Complexity: O(n).
    init(weights: [UInt64]) {
        self.weights = weights
        var tree = [UInt64](repeating: 0, count: weights.count + 1)
        for (k, w) in weights.enumerated() {
            tree[k + 1] &+= w
            let parent = (k + 1) + ((k + 1) & -(k + 1))
            if parent <= weights.count { tree[parent] &+= tree[k + 1] }
        }
        self.tree = tree
        total = weights.reduce(0, &+)
        var bit = 1
        while bit * 2 <= weights.count { bit *= 2 }
        topBit = weights.isEmpty ? 0 : bit
    }

    /// The item whose share of `0 ..< total` (in item order) contains `x`.
    ///
    /// - Precondition: `x < total`.
    /// - Complexity: O(log n).
    @inline(__always)
    func draw(_ x: UInt64) -> Int {
        var position = 0
        var rest = x
        var bit = topBit
        while bit > 0 {
            let next = position + bit
            if next < tree.count && tree[next] <= rest {
                position = next
                rest -= tree[next]
            }
            bit >>= 1
        }
        return position
    }

    /// Takes item `k` out (its weight becomes 0).
    ///
    /// - Complexity: O(log n).
    @inline(__always)
    mutating func remove(_ k: Int) {
        add(k, 0 &- weights[k])
        total &-= weights[k]
    }

    /// Puts item `k` back.
    ///
    /// - Complexity: O(log n).
    @inline(__always)
    mutating func restore(_ k: Int) {
        add(k, weights[k])
        total &+= weights[k]
    }

    @inline(__always)
    private mutating func add(_ k: Int, _ delta: UInt64) {
        var i = k + 1
        while i < tree.count {
            tree[i] &+= delta
            i += i & -i
        }
    }
}
