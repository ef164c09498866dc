/// What the preview's resolver keeps from one update to the next, so that an edit costs
/// what it changes: each taxonomy's references as resolved, and the files of the last plan
/// found free of collisions.
package struct ResolverMemory: Sendable {
    package var references = References()
    var collisionFree: CollisionFreeFiles?

    package init() {}
}
