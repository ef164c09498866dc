/// The partials templates can include, by name.
///
/// Each template's partial names are resolved to indices here, once: a partial tag renders
/// by index, without a lookup by name (a template rendered from outside the library still
/// looks its partials up by name, a dictionary lookup per tag). A partial may include itself,
/// directly or not; a render stops going deeper after 200 nested partials.
public struct TemplateLibrary: Sendable {
    /// The partials' names, sorted.
    public let names: [String]
    /// The partials' plans, in the order of `names`.
    let plans: [RenderPlan]
    let index: [String: Int]
    /// For each partial, for each partial name it uses, the index of that partial, or -1.
    let links: [[Int]]

    /// A library of these partials.
    public init(partials: [String: Template] = [:]) {
        names = partials.keys.sorted()
        plans = names.map { partials[$0]!.plan }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() { index[name] = position }
        self.index = index
        links = plans.map { plan in plan.partialNames.map { index[$0] ?? -1 } }
    }

    /// The partial of that name, if the library has one.
    public subscript(name: String) -> Template? {
        index[name].map { Template(plan: plans[$0]) }
    }
}

extension Template {
    init(plan: RenderPlan) {
        self.plan = plan
    }
}
