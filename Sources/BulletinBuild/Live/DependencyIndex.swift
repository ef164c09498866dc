import BulletinResolve

/// The pages and feeds that read each dependency: what to render again when the values of
/// some dependencies changed, without looking at every page.
struct DependencyIndex: Sendable {
    /// Positions in the plan, by dependency.
    private var pages: [Dependency: [Int]] = [:]
    /// Positions in the list of feeds, by dependency.
    private var feeds: [Dependency: [Int]] = [:]

    init(plan: [PlannedPage], signatures: [FeedSignature]) {
        for (position, page) in plan.enumerated() {
            for dependency in page.dependencies { pages[dependency, default: []].append(position) }
        }
        for (position, signature) in signatures.enumerated() {
            for dependency in signature.dependencies { feeds[dependency, default: []].append(position) }
        }
    }

    /// The positions of the pages that read any of `dependencies`, in plan order.
    func pages(reading dependencies: Set<Dependency>) -> [Int] {
        Set(dependencies.flatMap { pages[$0] ?? [] }).sorted()
    }

    /// The positions of the feeds that read any of `dependencies`, in order.
    func feeds(reading dependencies: Set<Dependency>) -> [Int] {
        Set(dependencies.flatMap { feeds[$0] ?? [] }).sorted()
    }
}
