import BulletinCore

/// Who led a delegation at a meeting (`chairs:` of an article): a name, a role, and the
/// agency, a reference into the `agencies` registry resolved like any other.
public struct Chair: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var agency: TermReference?
}
