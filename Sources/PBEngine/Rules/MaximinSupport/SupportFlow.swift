/// The network `source → projects → voter classes → sink` of one load question, and its
/// maximum flow (Dinic's algorithm).
///
/// Source to project `q`: the capacity `c(q)` (scaled). Project to class: unbounded, one
/// edge per project on the class's ballots. Class to sink: `λ × weight` (the money its
/// voters may carry at load `λ`). A flow that saturates every source edge splits every
/// cost among the project's supporters with nobody above `λ`; when no flow does, the
/// source side of a minimum cut is a set of projects `T` whose supporters cannot carry
/// `c(T)` at `λ`, that is `c(T) / |N(T)| > λ`.
///
/// Why hand-written: no Swift package offers a maximum flow over exact quantities (the
/// Swift graph packages are floating-point or integer-only without overflow checks),
/// and the network here has a fixed three-layer shape that a compact array layout (one
/// edge array per node range, reverse edges by index) serves well.
struct SupportFlow<Quantity: FlowQuantity> {
    /// Number of project nodes (`1 ... projectCount`).
    let projectCount: Int
    /// Number of class nodes (after the projects).
    let classCount: Int
    private let nodeCount: Int
    /// Edges of node `u` are `start[u] ..< start[u + 1]`.
    private var start: [Int32]
    private var target: [Int32]
    private var reverse: [Int32]
    /// Residual capacity; meaningless on unbounded edges.
    private var residual: [Quantity]
    /// Project-to-class edges: their residual is always positive.
    private var unbounded: [Bool]
    private var level: [Int32]

    private var source: Int { 0 }
    private var sink: Int { nodeCount - 1 }

    /// Builds the network.
    ///
    /// - Parameters:
    ///   - projectCapacities: capacity of the source edge of each project.
    ///   - classCapacities: capacity of the sink edge of each class.
    ///   - classOffsets: class `k` lists `classProjects[classOffsets[k] ..< classOffsets[k + 1]]`.
    ///   - classProjects: project positions (indices into `projectCapacities`).
    /// - Complexity: O(projects + classes + class entries).
    init(projectCapacities: [Quantity], classCapacities: [Quantity], classOffsets: [Int32], classProjects: [Int32]) {
        let k = projectCapacities.count
        let m = classCapacities.count
        projectCount = k
        classCount = m
        nodeCount = k + m + 2
        let edgeCount = 2 * (k + classProjects.count + m)
        var degree = [Int32](repeating: 0, count: nodeCount + 1)
        degree[0] = Int32(k)
        for q in 0..<k { degree[1 + q] = 1 }
        for c in 0..<m {
            let size = classOffsets[c + 1] - classOffsets[c]
            degree[1 + k + c] = size + 1
            for i in Int(classOffsets[c]) ..< Int(classOffsets[c + 1]) { degree[1 + Int(classProjects[i])] += 1 }
        }
        degree[nodeCount - 1] = Int32(m)
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for u in 0..<nodeCount { offsets[u + 1] = offsets[u] + degree[u] }
        start = offsets
        target = [Int32](repeating: 0, count: edgeCount)
        reverse = [Int32](repeating: 0, count: edgeCount)
        residual = [Quantity](repeating: .zero, count: edgeCount)
        unbounded = [Bool](repeating: false, count: edgeCount)
        level = [Int32](repeating: -1, count: nodeCount)
        var fill = offsets
        func add(_ u: Int, _ v: Int, _ capacity: Quantity, unbounded isUnbounded: Bool) {
            let e = Int(fill[u])
            let r = Int(fill[v])
            fill[u] += 1
            fill[v] += 1
            target[e] = Int32(v)
            target[r] = Int32(u)
            reverse[e] = Int32(r)
            reverse[r] = Int32(e)
            residual[e] = capacity
            unbounded[e] = isUnbounded
        }
        let sinkNode = nodeCount - 1
        for q in 0..<k { add(0, 1 + q, projectCapacities[q], unbounded: false) }
        for c in 0..<m {
            for i in Int(classOffsets[c]) ..< Int(classOffsets[c + 1]) {
                add(1 + Int(classProjects[i]), 1 + k + c, .zero, unbounded: true)
            }
            add(1 + k + c, sinkNode, classCapacities[c], unbounded: false)
        }
    }

    /// Pushes as much as possible from the source to the sink.
    ///
    /// - Returns: the value of the maximum flow.
    /// - Complexity: O(V² E) augmentations in the worst case (Dinic); on these bipartite
    ///   networks a handful of phases.
    mutating func maximumFlow() -> Quantity {
        var total = Quantity.zero
        var current = start
        var path: [Int32] = []
        while levelGraph() {
            for u in 0..<nodeCount { current[u] = start[u] }
            while let pushed = augment(&current, &path) { total = total + pushed }
        }
        return total
    }

    /// Which projects the last (failed) search reached from the source: after
    /// ``maximumFlow()``, the projects on the source side of a minimum cut.
    func sourceSideProjects() -> [Int] {
        (0..<projectCount).filter { level[1 + $0] >= 0 }
    }

    /// Breadth-first levels from the source over edges with residual capacity.
    ///
    /// - Returns: whether the sink was reached.
    /// - Complexity: O(V + E).
    private mutating func levelGraph() -> Bool {
        for u in 0..<nodeCount { level[u] = -1 }
        var queue = [Int32](repeating: 0, count: nodeCount)
        var head = 0
        var tail = 1
        queue[0] = Int32(source)
        level[source] = 0
        while head < tail {
            let u = Int(queue[head])
            head += 1
            for e in Int(start[u]) ..< Int(start[u + 1]) {
                let v = Int(target[e])
                if level[v] < 0 && (unbounded[e] || residual[e] > .zero) {
                    level[v] = level[u] + 1
                    queue[tail] = Int32(v)
                    tail += 1
                }
            }
        }
        return level[sink] >= 0
    }

    /// Finds one path in the level graph (current-arc depth-first search) and pushes its
    /// bottleneck along it.
    ///
    /// - Returns: the amount pushed, or `nil` when the level graph is blocked.
    /// - Complexity: O(V) per path, plus the arcs it retires.
    private mutating func augment(_ current: inout [Int32], _ path: inout [Int32]) -> Quantity? {
        path.removeAll(keepingCapacity: true)
        var u = source
        while true {
            if u == sink {
                var bottleneck: Quantity?
                for e in path where !unbounded[Int(e)] {
                    let r = residual[Int(e)]
                    if let b = bottleneck, b <= r { continue }
                    bottleneck = r
                }
                // Every path starts with a bounded source edge.
                guard let amount = bottleneck else { preconditionFailure("SupportFlow: a path without a bounded edge") }
                for e in path {
                    let edge = Int(e)
                    if !unbounded[edge] { residual[edge] = residual[edge] - amount }
                    let back = Int(reverse[edge])
                    if !unbounded[back] { residual[back] = residual[back] + amount }
                }
                return amount
            }
            var advanced = false
            let end = start[u + 1]
            while current[u] < end {
                let e = Int(current[u])
                let v = Int(target[e])
                if level[v] == level[u] + 1 && (unbounded[e] || residual[e] > .zero) {
                    path.append(Int32(e))
                    u = v
                    advanced = true
                    break
                }
                current[u] += 1
            }
            if !advanced {
                level[u] = -1
                guard let e = path.popLast() else { return nil }
                u = Int(target[Int(reverse[Int(e)])])
                current[u] += 1
            }
        }
    }
}
